namespace WorkOS.Functional.Emulator.Tests;

/// <summary>The emulator's sessions list, email change, Radar and groups endpoints over HTTP, with their error codes.</summary>
public class NextEndpointTests
{
    [Fact]
    public async Task Sessions_list_per_user_in_lower_case_methods_and_revocation_shows_as_revoked()
    {
        await using var h = await Harness.StartAsync();
        var user = await h.CreateUser("s@example.com");
        var login = await h.PasswordLogin("s@example.com");
        var sid = System.Text.Json.Nodes.JsonNode.Parse(AuthFlowTests.B64(login.S("access_token")!.Split('.')[1]))!["sid"]!.GetValue<string>();
        var list = await h.Get($"/user_management/users/{user["id"]}/sessions");
        var s = list.J["data"]![0]!;
        Assert.Equal(("session", sid, "active", "password"), (s["object"]!.GetValue<string>(), s["id"]!.GetValue<string>(), s["status"]!.GetValue<string>(), s["auth_method"]!.GetValue<string>()));
        Assert.Equal(200, (await h.Post("/user_management/sessions/revoke", new { session_id = sid })).Code);
        var after = (await h.Get($"/user_management/users/{user["id"]}/sessions")).J["data"]![0]!;
        Assert.Equal("revoked", after["status"]!.GetValue<string>());
        Assert.NotNull(after["ended_at"]);
        Assert.Equal(404, (await h.Get("/user_management/users/user_nope/sessions")).Code);
        Assert.Equal(401, (await h.Get($"/user_management/users/{user["id"]}/sessions", auth: false)).Code);
    }

    [Fact]
    public async Task Email_change_refuses_the_same_address_a_bad_one_and_expired_codes()
    {
        await using var h = await Harness.StartAsync();
        var id = (await h.CreateUser("e@example.com"))["id"]!.GetValue<string>();
        Assert.Equal((409, "email_change_not_needed"), Code(await h.Post($"/user_management/users/{id}/email_change/send", new { new_email = "E@example.com" })));
        Assert.Equal((422, "invalid_email"), Code(await h.Post($"/user_management/users/{id}/email_change/send", new { new_email = "nope" })));
        Assert.Equal((409, "no_pending_email_change"), Code(await h.Post($"/user_management/users/{id}/email_change/confirm", new { code = "1" })));
        var sent = await h.Post($"/user_management/users/{id}/email_change/send", new { new_email = "e2@example.com" });
        Assert.Equal(("email_change", "e2@example.com", "e@example.com"), (sent.S("object"), sent.S("new_email"), sent.J["user"]!["email"]!.GetValue<string>()));
        var code = (await h.Get($"/_emulate/users/{id}/email_change", auth: false)).S("code");
        h.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal((400, "email_change_code_expired"), Code(await h.Post($"/user_management/users/{id}/email_change/confirm", new { code })));
    }

    [Fact]
    public async Task Radar_email_codes_lock_after_five_wrong_attempts_and_sms_needs_an_E164_number()
    {
        await using var h = await Harness.StartAsync();
        var id = (await h.CreateUser("r@example.com"))["id"]!.GetValue<string>();
        await h.Post("/_emulate/radar", new { user_id = id, challenge = "email" }, auth: false);
        var step = await h.PasswordLogin("r@example.com");
        Assert.Equal((403, "radar_email_challenge"), (step.Code, step.S("code")));
        var (token, challengeId) = (step.S("pending_authentication_token")!, step.S("radar_challenge_id")!);
        var challenge = await h.Get($"/user_management/radar_challenges/{challengeId}");
        Assert.Equal(("radar_challenge", "email", id), (challenge.S("object"), challenge.S("type"), challenge.S("user_id")));
        JsonObject Grant(string c) => new()
        {
            ["grant_type"] = "urn:workos:oauth:grant-type:radar-email-challenge:code", ["code"] = c, ["radar_challenge_id"] = challengeId, ["pending_authentication_token"] = token,
        };
        for (var i = 0; i < 5; i++) Assert.Equal("invalid_one_time_code", (await h.Authenticate(Grant("x"))).S("code"));
        Assert.Equal("one_time_code_too_many_attempts", (await h.Authenticate(Grant(challenge.S("code")!))).S("code"));
        Assert.Equal(404, (await h.Get("/user_management/radar_challenges/radar_challenge_nope")).Code);

        await h.Post("/_emulate/radar", new { email = "r@example.com", challenge = "sms" }, auth: false);
        var sms = await h.PasswordLogin("r@example.com");
        Assert.Equal("radar_sms_challenge", sms.S("code"));
        var bad = await h.Post("/user_management/radar_challenges", new { user_id = id, pending_authentication_token = sms.S("pending_authentication_token"), phone_number = "07700 900123" });
        Assert.Equal((422, "invalid_request_parameters"), Code(bad));
        var ok = await h.Post("/user_management/radar_challenges", new { user_id = id, pending_authentication_token = sms.S("pending_authentication_token"), phone_number = "+447700900123" });
        Assert.Equal((201, "+447700900123"), (ok.Code, ok.S("phone_number")));
        Assert.Equal(200, (await h.PasswordLogin("r@example.com")).Code); // the flag is used up
    }

    [Fact]
    public async Task Membership_groups_are_listed_per_membership_and_unknown_memberships_are_404()
    {
        await using var h = await Harness.StartAsync();
        var org = await h.CreateOrg("G");
        var m = (await h.AddMember((await h.CreateUser("g@example.com"))["id"]!.GetValue<string>(), org))["id"]!.GetValue<string>();
        var g = await h.Post("/_emulate/groups", new { organization_id = org, name = "Eng", description = "builders", membership_ids = new[] { m } }, auth: false);
        Assert.Equal(201, g.Code);
        var list = await h.Get($"/user_management/organization_memberships/{m}/groups");
        Assert.Equal(("group", "Eng", "builders"), (list.J["data"]![0]!["object"]!.GetValue<string>(), list.J["data"]![0]!["name"]!.GetValue<string>(), list.J["data"]![0]!["description"]!.GetValue<string>()));
        Assert.Equal(404, (await h.Get("/user_management/organization_memberships/om_nope/groups")).Code);
    }

    private static (int, string?) Code(Resp r) => (r.Code, r.S("code"));
}
