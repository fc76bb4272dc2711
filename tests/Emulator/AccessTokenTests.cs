namespace WorkOS.Functional.Emulator.Tests;

/// <summary>Access tokens with WorkOS's claim set and issuer, a sid that ends on revoke, and expiry driven by the clock.</summary>
public class AccessTokenTests
{
    private const string Seed = """
        {"roles":[{"slug":"admin","permissions":["users:read","users:write"]},{"slug":"billing","permissions":["invoices:read","users:read"]}],
         "organizations":[{"id":"org_a","name":"A","entitlements":["audit-logs"],"feature_flags":["new-ui","beta"]}],
         "users":[{"id":"user_t","email":"t@example.com","password":"Passw0rd!","email_verified":true},
                  {"id":"user_n","email":"n@example.com","password":"Passw0rd!","email_verified":true}],
         "memberships":[{"user":"user_t","organization":"org_a","role_slugs":["admin","billing"]}]}
        """;

    private static long L(JsonNode c, string k) => c[k]!.GetValue<long>();
    private static string[] Strings(JsonNode c, string k) => c[k]!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    [Fact]
    public async Task An_organization_scoped_token_carries_the_workos_claim_set()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = Seed });
        var login = await h.PasswordLogin("t@example.com");
        var c = Harness.Claims(login.S("access_token")!);
        Assert.Equal($"{h.Emu.BaseUrl.GetLeftPart(UriPartial.Authority)}/user_management/{h.Emu.ClientId}", c["iss"]!.GetValue<string>());
        Assert.Null(c["aud"]);
        Assert.Equal("user_t", c["sub"]!.GetValue<string>());
        Assert.StartsWith("session_", c["sid"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(c["jti"]!.GetValue<string>()));
        Assert.Equal("org_a", c["org_id"]!.GetValue<string>());
        Assert.Equal("admin", c["role"]!.GetValue<string>());
        Assert.Equal(["admin", "billing"], Strings(c, "roles"));
        Assert.Equal(["users:read", "users:write", "invoices:read"], Strings(c, "permissions"));
        Assert.Equal(["audit-logs"], Strings(c, "entitlements"));
        Assert.Equal(["new-ui", "beta"], Strings(c, "feature_flags"));
        Assert.Null(c["act"]);
        Assert.Equal(Harness.Start.ToUnixTimeSeconds(), L(c, "iat"));
        Assert.Equal(300, L(c, "exp") - L(c, "iat"));
        Assert.NotEqual(c["jti"]!.GetValue<string>(), Harness.Claims((await h.Refresh(login.S("refresh_token")!)).S("access_token")!)["jti"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_without_organization_has_no_organization_claims()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = Seed });
        var c = Harness.Claims((await h.PasswordLogin("n@example.com")).S("access_token")!).AsObject();
        Assert.Equal(["iss", "sub", "sid", "jti", "exp", "iat"], c.Select(p => p.Key));
    }

    [Fact]
    public async Task The_access_token_lifetime_is_configurable()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = Seed, AccessTokenLifetime = TimeSpan.FromSeconds(60) });
        var c = Harness.Claims((await h.PasswordLogin("n@example.com")).S("access_token")!);
        Assert.Equal(60, L(c, "exp") - L(c, "iat"));
        Assert.Equal(60, (await h.Get("/_emulate/clock", auth: false)).J["access_token_lifetime_seconds"]!.GetValue<long>());
    }

    [Fact]
    public async Task Moving_the_clock_expires_the_token_and_a_refresh_issues_a_fresh_one()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = Seed });
        var login = await h.PasswordLogin("n@example.com");
        var exp = L(Harness.Claims(login.S("access_token")!), "exp");
        var moved = await h.Post("/_emulate/clock", new { advance_seconds = 301 }, auth: false);
        Assert.Equal(200, moved.Code);
        Assert.Equal(301, moved.J["offset_seconds"]!.GetValue<long>());
        Assert.True(DateTimeOffset.Parse(moved.S("now")!).ToUnixTimeSeconds() > exp);
        var refreshed = Harness.Claims((await h.Refresh(login.S("refresh_token")!)).S("access_token")!);
        Assert.Equal(Harness.Start.ToUnixTimeSeconds() + 301, L(refreshed, "iat"));
        h.Clock.Advance(TimeSpan.FromMinutes(10)); // the in-process clock and the control endpoint add up
        Assert.Equal("2030-01-01T00:15:01.000Z", (await h.Get("/_emulate/clock", auth: false)).S("now"));
    }

    [Fact]
    public async Task A_minted_session_can_start_expired_or_near_expiry_and_refreshes()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = Seed });
        var expired = await h.Post("/_emulate/sessions", new { user_id = "user_t", organization_id = "org_a", access_token_expires_in = -10 }, auth: false);
        Assert.Equal(201, expired.Code);
        var c = Harness.Claims(expired.S("access_token")!);
        Assert.Equal(Harness.Start.ToUnixTimeSeconds() - 10, L(c, "exp"));
        Assert.Equal("org_a", c["org_id"]!.GetValue<string>());
        Assert.Equal("org_a", expired.S("organization_id"));
        var refreshed = await h.Refresh(expired.S("refresh_token")!);
        Assert.Equal(200, refreshed.Code);
        Assert.Equal(300, L(Harness.Claims(refreshed.S("access_token")!), "exp") - Harness.Start.ToUnixTimeSeconds());

        var soon = await h.Post("/_emulate/sessions", new { user_id = "user_n", access_token_expires_in = 20 }, auth: false);
        Assert.Equal(20, L(Harness.Claims(soon.S("access_token")!), "exp") - Harness.Start.ToUnixTimeSeconds());
        Assert.Equal(404, (await h.Post("/_emulate/sessions", new { user_id = "user_none" }, auth: false)).Code);
        Assert.Equal(422, (await h.Post("/_emulate/sessions", new { user_id = "user_n", organization_id = "org_a" }, auth: false)).Code);
    }

    [Fact]
    public async Task An_impersonated_session_carries_act_and_the_impersonator()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = Seed });
        var r = await h.Post("/_emulate/sessions", new { user_id = "user_t", impersonator = new { email = "admin@workos.test", reason = "ticket 42" } }, auth: false);
        Assert.Equal(201, r.Code);
        Assert.Equal("admin@workos.test", r.J["impersonator"]!["email"]!.GetValue<string>());
        Assert.Equal("ticket 42", r.J["impersonator"]!["reason"]!.GetValue<string>());
        Assert.Equal("Impersonation", r.S("authentication_method"));
        Assert.Equal("admin@workos.test", Harness.Claims(r.S("access_token")!)["act"]!["sub"]!.GetValue<string>());
        var refreshed = await h.Refresh(r.S("refresh_token")!);
        Assert.Equal("admin@workos.test", Harness.Claims(refreshed.S("access_token")!)["act"]!["sub"]!.GetValue<string>());
        Assert.Equal("admin@workos.test", refreshed.J["impersonator"]!["email"]!.GetValue<string>());
        Assert.Null((await h.Get("/user_management/users/user_t")).J["last_sign_in_at"]);
    }

    [Fact]
    public async Task The_sid_ends_on_revoke_and_a_refresh_then_fails()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = Seed });
        var login = await h.PasswordLogin("t@example.com");
        var refreshed = await h.Refresh(login.S("refresh_token")!);
        var sid = Harness.Claims(refreshed.S("access_token")!)["sid"]!.GetValue<string>();
        Assert.Equal(Harness.Claims(login.S("access_token")!)["sid"]!.GetValue<string>(), sid);
        Assert.Equal(200, (await h.Post("/user_management/sessions/revoke", new { session_id = sid })).Code);
        var after = await h.Refresh(refreshed.S("refresh_token")!);
        Assert.Equal(400, after.Code);
        Assert.Equal("invalid_grant", after.S("error"));
    }
}
