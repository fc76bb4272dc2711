namespace WorkOS.Functional.Emulator.Tests;

public class InvitationTests
{
    private const string P = "/user_management/invitations";

    [Fact]
    public async Task Send_invitation_is_201_pending_with_token_and_default_expiry()
    {
        await using var h = await Harness.StartAsync();
        var org = await h.CreateOrg("Acme");
        var inviter = await h.CreateUser("boss@example.com");
        var r = await h.Post(P, new { email = "new@example.com", organization_id = org, inviter_user_id = inviter["id"]!.GetValue<string>(), role_slug = "admin" });
        Assert.Equal(201, r.Code);
        Assert.Equal("invitation", r.S("object"));
        Assert.StartsWith("invitation_", r.S("id"));
        Assert.Equal("pending", r.S("state"));
        Assert.Equal(org, r.S("organization_id"));
        Assert.Equal("admin", r.S("role_slug"));
        Assert.False(string.IsNullOrEmpty(r.S("token")));
        Assert.Contains(r.S("token")!, r.S("accept_invitation_url"));
        Assert.Equal("2030-01-08T00:00:00.000Z", r.S("expires_at"));
        Assert.True(r.J.AsObject().ContainsKey("accepted_at"));
        Assert.Null(r.J["revoked_at"]);
        Assert.Equal(r.S("id"), (await h.Get($"{P}/{r.S("id")}")).S("id"));
        Assert.Equal(r.S("id"), (await h.Get($"{P}/by_token/{r.S("token")}")).S("id"));
        Assert.Equal(404, (await h.Get($"{P}/by_token/nope")).Code);
        Assert.Equal(404, (await h.Get($"{P}/invitation_nope")).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public async Task Expires_in_days_out_of_range_is_422(int days)
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Post(P, new { email = "x@example.com", expires_in_days = days });
        Assert.Equal(422, r.Code);
        Assert.Equal("expires_in_days", r.J["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_validation_and_unknown_org()
    {
        await using var h = await Harness.StartAsync();
        Assert.Equal(422, (await h.Post(P, new { })).Code);
        Assert.Equal(404, (await h.Post(P, new { email = "x@example.com", organization_id = "org_nope" })).Code);
        var r = await h.Post(P, new { email = "x@example.com", expires_in_days = 30 });
        Assert.Equal("2030-01-31T00:00:00.000Z", r.S("expires_at"));
    }

    [Fact]
    public async Task Revoke_then_revoke_or_resend_again_is_invite_revoked()
    {
        await using var h = await Harness.StartAsync();
        var inv = await h.Post(P, new { email = "r@example.com" });
        var r = await h.Post($"{P}/{inv.S("id")}/revoke");
        Assert.Equal(200, r.Code);
        Assert.Equal("revoked", r.S("state"));
        Assert.NotNull(r.S("revoked_at"));
        var again = await h.Post($"{P}/{inv.S("id")}/revoke");
        Assert.Equal(400, again.Code);
        Assert.Equal("invite_revoked", again.S("code"));
        Assert.Equal("invite_revoked", (await h.Post($"{P}/{inv.S("id")}/resend")).S("code"));
        Assert.Equal(404, (await h.Post($"{P}/invitation_nope/revoke")).Code);
    }

    [Fact]
    public async Task Resend_issues_new_token_and_expiry()
    {
        await using var h = await Harness.StartAsync();
        var inv = await h.Post(P, new { email = "rs@example.com", expires_in_days = 2 });
        h.Clock.Advance(TimeSpan.FromDays(1));
        var r = await h.Post($"{P}/{inv.S("id")}/resend");
        Assert.Equal(200, r.Code);
        Assert.Equal("pending", r.S("state"));
        Assert.NotEqual(inv.S("token"), r.S("token"));
        Assert.Equal("2030-01-04T00:00:00.000Z", r.S("expires_at"));
        Assert.Equal(404, (await h.Get($"{P}/by_token/{inv.S("token")}")).Code);
    }

    [Fact]
    public async Task Pending_invitation_expires_by_clock()
    {
        await using var h = await Harness.StartAsync();
        var inv = await h.Post(P, new { email = "e@example.com", expires_in_days = 1 });
        h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("expired", (await h.Get($"{P}/{inv.S("id")}")).S("state"));
        Assert.Equal("invite_expired", (await h.Post($"{P}/{inv.S("id")}/revoke")).S("code"));
        Assert.Equal("invite_expired", (await h.Post($"{P}/{inv.S("id")}/resend")).S("code"));
    }

    [Fact]
    public async Task Accepted_invitation_cannot_be_revoked_or_resent()
    {
        var seed = """{"organizations":[{"id":"org_1","name":"One"}],"invitations":[{"id":"invitation_acc","email":"a@x.test","organization":"One","state":"accepted"}]}""";
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = seed });
        Assert.Equal("accepted", (await h.Get($"{P}/invitation_acc")).S("state"));
        Assert.Equal("invite_accepted", (await h.Post($"{P}/invitation_acc/revoke")).S("code"));
        Assert.Equal("invite_accepted", (await h.Post($"{P}/invitation_acc/resend")).S("code"));
    }

    [Fact]
    public async Task List_invitations_filters_and_paginates()
    {
        await using var h = await Harness.StartAsync();
        var org = await h.CreateOrg("Acme");
        await h.Post(P, new { email = "a@example.com", organization_id = org });
        await h.Post(P, new { email = "b@example.com", organization_id = org });
        await h.Post(P, new { email = "c@example.com" });
        Assert.Equal(2, (await h.Get($"{P}?organization_id={org}")).J["data"]!.AsArray().Count);
        Assert.Equal("c@example.com", (await h.Get($"{P}?email=c%40example.com")).J["data"]![0]!["email"]!.GetValue<string>());
        var page = await h.Get($"{P}?limit=2");
        Assert.Equal("c@example.com", page.J["data"]![0]!["email"]!.GetValue<string>());
        Assert.NotNull(page.J["list_metadata"]!["after"]);
        Assert.Equal(422, (await h.Get($"{P}?limit=500")).Code);
    }
}
