namespace WorkOS.Functional.Emulator.Tests;

public class MiscTests
{
    [Fact]
    public async Task Concurrent_creates_get_unique_ordered_ids()
    {
        await using var h = await Harness.StartAsync();
        var tasks = Enumerable.Range(0, 40).Select(i => h.Post("/user_management/users", new { email = $"c{i}@example.com" }));
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.Equal(201, r.Code));
        Assert.Equal(40, results.Select(r => r.S("id")).Distinct().Count());
        var list = await h.Get("/user_management/users?limit=100&order=asc");
        var ids = list.J["data"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(ids.OrderBy(x => x, StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task Accept_invitation_creates_user_and_membership()
    {
        await using var h = await Harness.StartAsync();
        var org = await h.CreateOrg("Acme");
        var inv = await h.Post("/user_management/invitations", new { email = "joiner@example.com", organization_id = org });
        var r = await h.Post($"/user_management/invitations/{inv.S("id")}/accept");
        Assert.Equal(200, r.Code);
        Assert.Equal("accepted", r.S("state"));
        Assert.NotNull(r.S("accepted_at"));
        var userId = r.S("accepted_user_id")!;
        var m = await h.Get($"/user_management/organization_memberships?user_id={userId}");
        Assert.Equal(org, m.J["data"]![0]!["organization_id"]!.GetValue<string>());
        Assert.Equal("invite_accepted", (await h.Post($"/user_management/invitations/{inv.S("id")}/accept")).S("code"));
    }

    [Fact]
    public async Task Emulate_totp_helper_matches_rfc6238_of_the_secret()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("t@example.com");
        var enroll = await h.Post($"/user_management/users/{u["id"]}/auth_factors", new { type = "totp" });
        var factor = enroll.J["authentication_factor"]!;
        var r = await h.Get($"/_emulate/auth_factors/{factor["id"]}/totp", auth: false);
        Assert.Equal(h.TotpNow(factor["totp"]!["secret"]!.GetValue<string>()), r.S("code"));
        var get = await h.Get($"/auth/factors/{factor["id"]}");
        Assert.Equal(200, get.Code);
        Assert.Null(get.J["totp"]!["secret"]);
    }

    [Fact]
    public async Task Redirect_responses_have_no_body()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("x@example.com");
        var r = await h.Get($"/user_management/authorize?client_id={h.Emu.ClientId}&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcb%3Fx%3D1&response_type=code&provider=GoogleOAuth&login_hint=x%40example.com", auth: false);
        Assert.Equal(302, r.Code);
        Assert.Equal("", r.Raw);
        Assert.StartsWith("http://127.0.0.1:8080/cb?x=1&code=", r.Message.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Wrong_method_on_known_path_is_not_success()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Send(HttpMethod.Patch, "/user_management/users", new { });
        Assert.True(r.Code is 404 or 405, r.Code.ToString());
    }

    [Fact]
    public async Task Json_is_written_without_needless_escaping()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.Post("/user_management/users", new { email = "x+tag@example.com", first_name = "Zoë" });
        Assert.Contains("\"x+tag@example.com\"", u.Raw);
        Assert.Contains("Zoë", u.Raw);
        var enroll = await h.Post($"/user_management/users/{u.S("id")}/auth_factors", new { type = "totp" });
        Assert.Contains("&issuer=", enroll.Raw);
    }

    [Fact]
    public async Task Reset_clears_rate_limit_counters()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { RateLimit = true, RateLimitPerMinute = 1 });
        Assert.Equal(200, (await h.Get("/user_management/users")).Code);
        Assert.Equal(429, (await h.Get("/user_management/users")).Code);
        await h.Post("/_emulate/reset", new { }, auth: false);
        Assert.Equal(200, (await h.Get("/user_management/users")).Code);
    }
}
