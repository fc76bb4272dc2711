namespace WorkOS.Functional.Emulator.Tests;

public class CodeFlowTests
{
    private static Task<Resp> MagicGrant(Harness h, string email, string code) =>
        h.Authenticate(new JsonObject { ["grant_type"] = "urn:workos:oauth:grant-type:magic-auth:code", ["code"] = code, ["email"] = email });

    [Fact]
    public async Task Magic_auth_creates_user_and_signs_in_marking_email_verified()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Post("/user_management/magic_auth", new { email = "new@example.com" });
        Assert.Equal(201, r.Code);
        Assert.Equal("magic_auth", r.S("object"));
        Assert.StartsWith("magic_auth_", r.S("id"));
        Assert.Matches("^[0-9]{6}$", r.S("code"));
        Assert.Equal("2030-01-01T00:10:00.000Z", r.S("expires_at"));
        var user = await h.Get($"/user_management/users/{r.S("user_id")}");
        Assert.Equal(200, user.Code);
        Assert.False(user.J["email_verified"]!.GetValue<bool>());
        Assert.Equal(r.S("code"), (await h.Get($"/user_management/magic_auth/{r.S("id")}")).S("code"));

        var ok = await MagicGrant(h, "new@example.com", r.S("code")!);
        Assert.Equal(200, ok.Code);
        Assert.Equal("MagicAuth", ok.S("authentication_method"));
        Assert.True(ok.J["user"]!["email_verified"]!.GetValue<bool>());
        var reuse = await MagicGrant(h, "new@example.com", r.S("code")!);
        Assert.Equal(400, reuse.Code);
        Assert.Equal("invalid_grant", reuse.S("error"));
    }

    [Fact]
    public async Task Magic_auth_wrong_and_expired_codes_are_invalid_grant()
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Post("/user_management/magic_auth", new { email = "m@example.com" });
        var code = r.S("code")!;
        Assert.Equal("invalid_grant", (await MagicGrant(h, "m@example.com", code == "123456" ? "654321" : "123456")).S("error"));
        Assert.Equal("invalid_grant", (await MagicGrant(h, "other@example.com", code)).S("error"));
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("invalid_grant", (await MagicGrant(h, "m@example.com", code)).S("error"));
    }

    [Fact]
    public async Task Magic_auth_validation_and_deprecated_send()
    {
        await using var h = await Harness.StartAsync();
        Assert.Equal(422, (await h.Post("/user_management/magic_auth", new { })).Code);
        Assert.Equal(422, (await h.Post("/user_management/magic_auth", new { email = "nope" })).Code);
        Assert.Equal(404, (await h.Get("/user_management/magic_auth/magic_auth_x")).Code);
        var send = await h.Post("/user_management/magic_auth/send", new { email = "legacy@example.com" });
        Assert.Equal(200, send.Code);
        var u = (await h.Get("/user_management/users?email=legacy%40example.com")).J["data"]![0]!;
        var latest = await h.Get($"/_emulate/users/{u["id"]}/magic_auth", auth: false);
        Assert.Equal(200, (await MagicGrant(h, "legacy@example.com", latest.S("code")!)).Code);
    }

    [Fact]
    public async Task Magic_auth_with_invitation_token_accepts_the_invitation()
    {
        await using var h = await Harness.StartAsync();
        var org = await h.CreateOrg("Acme");
        var inv = await h.Post("/user_management/invitations", new { email = "inv@example.com", organization_id = org, role_slug = "admin" });
        var ma = await h.Post("/user_management/magic_auth", new { email = "inv@example.com", invitation_token = inv.S("token") });
        var ok = await MagicGrant(h, "inv@example.com", ma.S("code")!);
        Assert.Equal(200, ok.Code);
        Assert.Equal(org, ok.S("organization_id"));
        var after = await h.Get($"/user_management/invitations/{inv.S("id")}");
        Assert.Equal("accepted", after.S("state"));
        Assert.Equal(ma.S("user_id"), after.S("accepted_user_id"));
        var m = await h.Get($"/user_management/organization_memberships?user_id={ma.S("user_id")}");
        Assert.Equal("admin", m.J["data"]![0]!["role"]!["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_and_confirm_email_verification()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("ev@example.com", verified: false);
        var id = u["id"]!.GetValue<string>();
        var send = await h.Post($"/user_management/users/{id}/email_verification/send");
        Assert.Equal(200, send.Code);
        Assert.Equal(id, send.J["user"]!["id"]!.GetValue<string>());
        var latest = await h.Get($"/_emulate/users/{id}/email_verification", auth: false);
        Assert.Equal(200, latest.Code);
        var code = latest.S("code")!;
        Assert.Equal(code, (await h.Get($"/user_management/email_verification/{latest.S("id")}")).S("code"));
        var bad = await h.Post($"/user_management/users/{id}/email_verification/confirm", new { code = code == "000000" ? "111111" : "000000" });
        Assert.Equal(400, bad.Code);
        Assert.Equal("invalid_code", bad.S("code"));
        var ok = await h.Post($"/user_management/users/{id}/email_verification/confirm", new { code });
        Assert.Equal(200, ok.Code);
        Assert.True(ok.J["user"]!["email_verified"]!.GetValue<bool>());
        Assert.Equal(400, (await h.Post($"/user_management/users/{id}/email_verification/confirm", new { code })).Code);
        Assert.Equal(404, (await h.Get("/user_management/email_verification/email_verification_x")).Code);
    }

    [Fact]
    public async Task Expired_email_verification_code_is_400()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("evx@example.com", verified: false);
        var id = u["id"]!.GetValue<string>();
        await h.Post($"/user_management/users/{id}/email_verification/send");
        var code = (await h.Get($"/_emulate/users/{id}/email_verification", auth: false)).S("code")!;
        h.Clock.Advance(TimeSpan.FromMinutes(11));
        var r = await h.Post($"/user_management/users/{id}/email_verification/confirm", new { code });
        Assert.Equal(400, r.Code);
        Assert.Equal("expired_code", r.S("code"));
    }

    [Fact]
    public async Task Password_reset_full_cycle()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("reset@example.com", verified: false);
        var r = await h.Post("/user_management/password_reset", new { email = "reset@example.com" });
        Assert.Equal(201, r.Code);
        Assert.Equal("password_reset", r.S("object"));
        Assert.StartsWith("password_reset_", r.S("id"));
        Assert.Equal(u["id"]!.GetValue<string>(), r.S("user_id"));
        var token = r.S("password_reset_token")!;
        Assert.EndsWith("token=" + token, r.S("password_reset_url"));
        Assert.Equal("2030-01-01T01:00:00.000Z", r.S("expires_at"));
        Assert.False(r.J.AsObject().ContainsKey("updated_at"));
        Assert.Equal(token, (await h.Get($"/user_management/password_reset/{r.S("id")}")).S("password_reset_token"));

        var ok = await h.Post("/user_management/password_reset/confirm", new { token, new_password = "BrandNew123" });
        Assert.Equal(200, ok.Code);
        Assert.True(ok.J["user"]!["email_verified"]!.GetValue<bool>());
        Assert.Equal(200, (await h.PasswordLogin("reset@example.com", "BrandNew123")).Code);
        Assert.Equal(400, (await h.Post("/user_management/password_reset/confirm", new { token, new_password = "Another123" })).Code);
    }

    [Fact]
    public async Task Password_reset_errors()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("pr@example.com");
        Assert.Equal(404, (await h.Post("/user_management/password_reset", new { email = "ghost@example.com" })).Code);
        Assert.Equal(422, (await h.Post("/user_management/password_reset", new { })).Code);
        Assert.Equal(404, (await h.Get("/user_management/password_reset/password_reset_x")).Code);
        var r = await h.Post("/user_management/password_reset", new { email = "pr@example.com" });
        Assert.Equal(422, (await h.Post("/user_management/password_reset/confirm", new { token = r.S("password_reset_token") })).Code);
        Assert.Equal(400, (await h.Post("/user_management/password_reset/confirm", new { token = "bogus", new_password = "Whatever123" })).Code);
        h.Clock.Advance(TimeSpan.FromMinutes(61));
        var late = await h.Post("/user_management/password_reset/confirm", new { token = r.S("password_reset_token"), new_password = "Whatever123" });
        Assert.Equal(400, late.Code);
        Assert.Equal("password_reset_token_expired", late.S("code"));
    }

    [Fact]
    public async Task Deprecated_password_reset_send()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("old@example.com");
        Assert.Equal(200, (await h.Post("/user_management/password_reset/send", new { email = "old@example.com", password_reset_url = "https://app.test/reset" })).Code);
        Assert.Equal(422, (await h.Post("/user_management/password_reset/send", new { email = "old@example.com" })).Code);
    }

    [Fact]
    public void Totp_matches_rfc6238_sha1_vector()
    {
        var key = System.Text.Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal("94287082", TestTotp.Code(key, 59, 8));
        Assert.Equal("287082", TestTotp.Code(key, 59, 6));
        Assert.Equal("07081804", TestTotp.Code(key, 1111111109, 8));
        Assert.Equal("94287082", Internal.Totp.Code(key, 59, 8));
        Assert.Equal("287082", Internal.Totp.Code(key, 59));
        Assert.Equal("14050471", Internal.Totp.Code(key, 1111111111, 8));
    }

    [Fact]
    public void Base32_round_trips_between_test_and_emulator()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Internal.Base32.Encode(bytes));
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", TestTotp.Base32Encode(bytes));
        Assert.True(Internal.Base32.TryDecode("gezdgnbvgy3tqojqgezdgnbvgy3tqojq", out var back));
        Assert.Equal(bytes, back);
    }
}
