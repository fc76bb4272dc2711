using System.Security.Cryptography;
using System.Text;

namespace WorkOS.Functional.Emulator.Tests;

public class AuthFlowTests
{
    private const string Secret = "JBSWY3DPEHPK3PXP";

    [Fact]
    public async Task Password_sign_in_returns_full_payload_without_org()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("ana@example.com");
        var r = await h.PasswordLogin("ana@example.com");
        Assert.Equal(200, r.Code);
        Assert.Equal(u["id"]!.GetValue<string>(), r.J["user"]!["id"]!.GetValue<string>());
        Assert.Equal("2030-01-01T00:00:00.000Z", r.J["user"]!["last_sign_in_at"]!.GetValue<string>());
        Assert.True(r.J.AsObject().ContainsKey("organization_id"));
        Assert.Null(r.J["organization_id"]);
        Assert.Equal("Password", r.S("authentication_method"));
        Assert.True(r.J.AsObject().ContainsKey("impersonator"));
        Assert.Null(r.J["impersonator"]);
        Assert.Equal(3, r.S("access_token")!.Split('.').Length);
        Assert.False(string.IsNullOrEmpty(r.S("refresh_token")));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_are_invalid_credentials()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("ana@example.com");
        var wrong = await h.PasswordLogin("ana@example.com", "nope-nope");
        Assert.Equal(400, wrong.Code);
        Assert.Equal("invalid_credentials", wrong.S("code"));
        Assert.Equal("invalid_credentials", (await h.PasswordLogin("ghost@example.com")).S("code"));
    }

    [Fact]
    public async Task Authenticate_checks_client_credentials_and_grant()
    {
        await using var h = await Harness.StartAsync();
        var badClient = await h.Authenticate(new JsonObject { ["client_id"] = "client_other", ["grant_type"] = "password", ["email"] = "a@b.co", ["password"] = "x" });
        Assert.Equal(400, badClient.Code);
        Assert.Equal("invalid_client", badClient.S("error"));
        Assert.NotNull(badClient.S("error_description"));
        var badSecret = await h.Authenticate(new JsonObject { ["client_secret"] = "sk_wrong", ["grant_type"] = "password", ["email"] = "a@b.co", ["password"] = "x" });
        Assert.Equal(401, badSecret.Code);
        Assert.Equal("invalid_client", badSecret.S("error"));
        var noGrant = await h.Authenticate(new JsonObject());
        Assert.Equal("invalid_request", noGrant.S("error"));
        var unknownGrant = await h.Authenticate(new JsonObject { ["grant_type"] = "client_credentials" });
        Assert.Equal(400, unknownGrant.Code);
        Assert.Equal("unsupported_grant_type", unknownGrant.S("error"));
        var missingPassword = await h.Authenticate(new JsonObject { ["grant_type"] = "password", ["email"] = "a@b.co" });
        Assert.Equal(400, missingPassword.Code);
        Assert.Equal("invalid_request", missingPassword.S("error"));
    }

    [Fact]
    public async Task Authenticate_accepts_form_urlencoded()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("form@example.com");
        var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = h.Emu.ClientId, ["client_secret"] = h.Emu.ApiKey, ["grant_type"] = "password",
            ["email"] = "form@example.com", ["password"] = Harness.Password,
        });
        var res = await h.Http.PostAsync("/user_management/authenticate", content);
        Assert.Equal(200, (int)res.StatusCode);
    }

    [Fact]
    public async Task Access_token_is_rs256_verifiable_with_jwks_and_has_claims()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("jwt@example.com");
        var org = await h.CreateOrg("Acme");
        await h.AddMember(u["id"]!.GetValue<string>(), org, "admin");
        var r = await h.PasswordLogin("jwt@example.com");
        Assert.Equal(org, r.S("organization_id"));
        var parts = r.S("access_token")!.Split('.');
        var header = JsonNode.Parse(B64(parts[0]))!;
        var claims = JsonNode.Parse(B64(parts[1]))!;
        Assert.Equal("RS256", header["alg"]!.GetValue<string>());

        var jwks = await h.Get($"/sso/jwks/{h.Emu.ClientId}", auth: false);
        Assert.Equal(200, jwks.Code);
        var key = jwks.J["keys"]![0]!;
        Assert.Equal("RSA", key["kty"]!.GetValue<string>());
        Assert.Equal("sig", key["use"]!.GetValue<string>());
        Assert.Equal("RS256", key["alg"]!.GetValue<string>());
        Assert.Equal(header["kid"]!.GetValue<string>(), key["kid"]!.GetValue<string>());
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = B64(key["n"]!.GetValue<string>()), Exponent = B64(key["e"]!.GetValue<string>()) });
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        Assert.True(rsa.VerifyData(signed, B64(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var tampered = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1] + "x");
        Assert.False(rsa.VerifyData(tampered, B64(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        Assert.Equal(u["id"]!.GetValue<string>(), claims["sub"]!.GetValue<string>());
        Assert.StartsWith("session_", claims["sid"]!.GetValue<string>());
        Assert.Equal(org, claims["org_id"]!.GetValue<string>());
        Assert.Equal("admin", claims["role"]!.GetValue<string>());
        Assert.Null(claims["client_id"]);
        Assert.Null(claims["aud"]);
        Assert.Equal(h.Emu.BaseUrl.GetLeftPart(UriPartial.Authority) + "/user_management/" + h.Emu.ClientId, claims["iss"]!.GetValue<string>());
        var iat = claims["iat"]!.GetValue<long>();
        Assert.Equal(Harness.Start.ToUnixTimeSeconds(), iat);
        Assert.Equal(iat + 300, claims["exp"]!.GetValue<long>());
    }

    [Fact]
    public async Task Jwks_for_unknown_client_is_404()
    {
        await using var h = await Harness.StartAsync();
        Assert.Equal(404, (await h.Get("/sso/jwks/client_other", auth: false)).Code);
    }

    [Fact]
    public async Task Email_verification_step_up_has_exact_fields_and_completes()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("unverified@example.com", verified: false);
        var r = await h.PasswordLogin("unverified@example.com");
        Assert.Equal(403, r.Code);
        Assert.Equal("email_verification_required", r.S("code"));
        Assert.Equal("unverified@example.com", r.S("email"));
        Assert.NotNull(r.S("message"));
        var evId = r.S("email_verification_id")!;
        Assert.StartsWith("email_verification_", evId);
        var ev = await h.Get($"/user_management/email_verification/{evId}");
        Assert.Equal(200, ev.Code);
        Assert.Equal("email_verification", ev.S("object"));
        Assert.Equal(u["id"]!.GetValue<string>(), ev.S("user_id"));
        Assert.Matches("^[0-9]{6}$", ev.S("code"));
        Assert.Equal("2030-01-01T00:10:00.000Z", ev.S("expires_at"));

        var ok = await EmailGrant(h, r.S("pending_authentication_token")!, ev.S("code")!);
        Assert.Equal(200, ok.Code);
        Assert.True(ok.J["user"]!["email_verified"]!.GetValue<bool>());
        Assert.Equal(200, (await h.PasswordLogin("unverified@example.com")).Code); // no more step-up
    }

    [Fact]
    public async Task Wrong_email_code_keeps_pending_token_and_reuse_is_invalid_grant()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("u@example.com", verified: false);
        var r = await h.PasswordLogin("u@example.com");
        var token = r.S("pending_authentication_token")!;
        var code = (await h.Get($"/user_management/email_verification/{r.S("email_verification_id")}")).S("code")!;
        var wrong = await EmailGrant(h, token, code == "000000" ? "111111" : "000000");
        Assert.Equal(400, wrong.Code);
        Assert.Equal("invalid_one_time_code", wrong.S("code"));
        Assert.Equal(200, (await EmailGrant(h, token, code)).Code);
        var reuse = await EmailGrant(h, token, code);
        Assert.Equal(400, reuse.Code);
        Assert.Equal("invalid_grant", reuse.S("error"));
        Assert.Equal("invalid_grant", (await EmailGrant(h, "unknown-token", code)).S("error"));
    }

    [Fact]
    public async Task Pending_token_expires_after_ten_minutes()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("late@example.com", verified: false);
        var r = await h.PasswordLogin("late@example.com");
        var code = (await h.Get($"/user_management/email_verification/{r.S("email_verification_id")}")).S("code")!;
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        var late = await EmailGrant(h, r.S("pending_authentication_token")!, code);
        Assert.Equal(400, late.Code);
        Assert.Equal("invalid_grant", late.S("error"));
    }

    [Fact]
    public async Task Mfa_challenge_step_up_with_real_totp()
    {
        var seed = $$"""{"users":[{"id":"user_mfa","email":"mfa@example.com","password":"Passw0rd!","email_verified":true,"totp_secret":"{{Secret}}"}]}""";
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = seed });
        var r = await h.PasswordLogin("mfa@example.com");
        Assert.Equal(403, r.Code);
        Assert.Equal("mfa_challenge", r.S("code"));
        Assert.Equal("user", r.J["user"]!["object"]!.GetValue<string>());
        Assert.Equal("user_mfa", r.J["user"]!["id"]!.GetValue<string>());
        var factor = Assert.Single(r.J["authentication_factors"]!.AsArray())!;
        Assert.Equal("totp", factor["type"]!.GetValue<string>());
        var challenge = await h.Post($"/auth/factors/{factor["id"]}/challenge", new { });
        Assert.Equal(201, challenge.Code);
        Assert.Equal("authentication_challenge", challenge.S("object"));
        Assert.Equal(factor["id"]!.GetValue<string>(), challenge.S("authentication_factor_id"));
        Assert.Equal("2030-01-01T00:05:00.000Z", challenge.S("expires_at"));
        var ok = await h.Totp(r.S("pending_authentication_token")!, challenge.S("id")!, h.TotpNow(Secret));
        Assert.Equal(200, ok.Code);
        Assert.Equal("Password", ok.S("authentication_method"));
    }

    [Fact]
    public async Task Wrong_totp_keeps_token_and_adjacent_step_is_accepted()
    {
        var seed = $$"""{"users":[{"email":"mfa@example.com","password":"Passw0rd!","email_verified":true,"totp_secret":"{{Secret}}"}]}""";
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = seed });
        var r = await h.PasswordLogin("mfa@example.com");
        var token = r.S("pending_authentication_token")!;
        var ch = await h.ChallengeFactor(r.J["authentication_factors"]![0]!["id"]!.GetValue<string>());
        var twoStepsOff = await h.Totp(token, ch, h.TotpNow(Secret, 2));
        Assert.Equal(400, twoStepsOff.Code);
        Assert.Equal("invalid_one_time_code", twoStepsOff.S("code"));
        Assert.Equal(200, (await h.Totp(token, ch, h.TotpNow(Secret, -1))).Code);
    }

    [Fact]
    public async Task Expired_challenge_is_rejected()
    {
        var seed = $$"""{"users":[{"email":"mfa@example.com","password":"Passw0rd!","email_verified":true,"totp_secret":"{{Secret}}"}]}""";
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = seed });
        var r = await h.PasswordLogin("mfa@example.com");
        var ch = await h.ChallengeFactor(r.J["authentication_factors"]![0]!["id"]!.GetValue<string>());
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var late = await h.Totp(r.S("pending_authentication_token")!, ch, h.TotpNow(Secret));
        Assert.Equal(400, late.Code);
        Assert.Equal("authentication_challenge_expired", late.S("code"));
    }

    [Fact]
    public async Task Mfa_enrollment_when_mfa_required()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { MfaRequired = true });
        var u = await h.CreateUser("enroll@example.com");
        var id = u["id"]!.GetValue<string>();
        var r = await h.PasswordLogin("enroll@example.com");
        Assert.Equal(403, r.Code);
        Assert.Equal("mfa_enrollment", r.S("code"));
        Assert.Equal(id, r.J["user"]!["id"]!.GetValue<string>());
        Assert.NotNull(r.S("pending_authentication_token"));

        var enroll = await h.Post($"/user_management/users/{id}/auth_factors", new { type = "totp", totp_issuer = "Acme", totp_user = "enroll@example.com" });
        Assert.Equal(201, enroll.Code);
        var factor = enroll.J["authentication_factor"]!;
        Assert.Equal("authentication_factor", factor["object"]!.GetValue<string>());
        Assert.StartsWith("auth_factor_", factor["id"]!.GetValue<string>());
        Assert.Equal("totp", factor["type"]!.GetValue<string>());
        var secret = factor["totp"]!["secret"]!.GetValue<string>();
        Assert.Matches("^[A-Z2-7]+$", secret);
        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", factor["totp"]!["qr_code"]!.GetValue<string>()); // a PNG (its signature, base64)
        Assert.Equal($"otpauth://totp/Acme:enroll%40example.com?secret={secret}&issuer=Acme", factor["totp"]!["uri"]!.GetValue<string>());
        var challenge = enroll.J["authentication_challenge"]!;
        Assert.StartsWith("auth_challenge_", challenge["id"]!.GetValue<string>());
        Assert.Equal(factor["id"]!.GetValue<string>(), challenge["authentication_factor_id"]!.GetValue<string>());

        var ok = await h.Totp(r.S("pending_authentication_token")!, challenge["id"]!.GetValue<string>(), h.TotpNow(secret));
        Assert.Equal(200, ok.Code);
        // next login asks for the existing factor instead
        Assert.Equal("mfa_challenge", (await h.PasswordLogin("enroll@example.com")).S("code"));
    }

    [Fact]
    public async Task Enroll_with_imported_secret_and_validation()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("imp@example.com");
        var id = u["id"]!.GetValue<string>();
        var r = await h.Post($"/user_management/users/{id}/auth_factors", new { type = "totp", totp_secret = Secret });
        Assert.Equal(Secret, r.J["authentication_factor"]!["totp"]!["secret"]!.GetValue<string>());
        Assert.Equal(422, (await h.Post($"/user_management/users/{id}/auth_factors", new { type = "sms" })).Code);
        Assert.Equal(422, (await h.Post($"/user_management/users/{id}/auth_factors", new { })).Code);
        Assert.Equal(422, (await h.Post($"/user_management/users/{id}/auth_factors", new { type = "totp", totp_secret = "not base32!" })).Code);
        Assert.Equal(404, (await h.Post("/user_management/users/user_none/auth_factors", new { type = "totp" })).Code);
    }

    [Fact]
    public async Task List_auth_factors_is_an_envelope_without_secrets()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("lf@example.com");
        var id = u["id"]!.GetValue<string>();
        await h.Post($"/user_management/users/{id}/auth_factors", new { type = "totp", totp_secret = Secret });
        var r = await h.Get($"/user_management/users/{id}/auth_factors");
        Assert.Equal(200, r.Code);
        Assert.Equal("list", r.S("object"));
        var f = Assert.Single(r.J["data"]!.AsArray())!;
        Assert.Equal(id, f["user_id"]!.GetValue<string>());
        Assert.DoesNotContain(Secret, r.Raw);
        Assert.DoesNotContain("qr_code", r.Raw);
        Assert.Null(r.J["list_metadata"]!["after"]);
        Assert.Equal(404, (await h.Post("/auth/factors/auth_factor_nope/challenge", new { })).Code);
    }

    [Fact]
    public async Task Organization_selection_step_up()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("multi@example.com");
        var id = u["id"]!.GetValue<string>();
        var a = await h.CreateOrg("Alpha");
        var b = await h.CreateOrg("Beta");
        var c = await h.CreateOrg("Gamma");
        await h.AddMember(id, a);
        await h.AddMember(id, b, "admin");
        var r = await h.PasswordLogin("multi@example.com");
        Assert.Equal(403, r.Code);
        Assert.Equal("organization_selection_required", r.S("code"));
        Assert.Equal(id, r.J["user"]!["id"]!.GetValue<string>());
        var orgs = r.J["organizations"]!.AsArray();
        Assert.Equal([a, b], orgs.Select(o => o!["id"]!.GetValue<string>()));
        Assert.Equal(["Alpha", "Beta"], orgs.Select(o => o!["name"]!.GetValue<string>()));
        var token = r.S("pending_authentication_token")!;

        var notListed = await OrgGrant(h, token, c);
        Assert.Equal(400, notListed.Code);
        var ok = await OrgGrant(h, token, b);
        Assert.Equal(200, ok.Code);
        Assert.Equal(b, ok.S("organization_id"));
        Assert.Equal("invalid_grant", (await OrgGrant(h, token, b)).S("error"));
    }

    [Fact]
    public async Task Inactive_memberships_do_not_count_for_selection()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("m@example.com");
        var id = u["id"]!.GetValue<string>();
        var a = await h.CreateOrg("A");
        var m = await h.AddMember(id, a);
        await h.AddMember(id, await h.CreateOrg("B"));
        await h.Put($"/user_management/organization_memberships/{m["id"]}/deactivate");
        var r = await h.PasswordLogin("m@example.com");
        Assert.Equal(200, r.Code);
        Assert.NotEqual(a, r.S("organization_id"));
    }

    [Fact]
    public async Task Full_chain_email_then_mfa_then_org_selection()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("chain@example.com", verified: false);
        var id = u["id"]!.GetValue<string>();
        var enroll = await h.Post($"/user_management/users/{id}/auth_factors", new { type = "totp", totp_secret = Secret });
        var factorId = enroll.J["authentication_factor"]!["id"]!.GetValue<string>();
        var a = await h.CreateOrg("A");
        var b = await h.CreateOrg("B");
        await h.AddMember(id, a);
        await h.AddMember(id, b);

        var step1 = await h.PasswordLogin("chain@example.com");
        Assert.Equal("email_verification_required", step1.S("code"));
        var code = (await h.Get($"/user_management/email_verification/{step1.S("email_verification_id")}")).S("code")!;
        var step2 = await EmailGrant(h, step1.S("pending_authentication_token")!, code);
        Assert.Equal(403, step2.Code);
        Assert.Equal("mfa_challenge", step2.S("code"));
        Assert.NotEqual(step1.S("pending_authentication_token"), step2.S("pending_authentication_token"));
        var ch = await h.ChallengeFactor(factorId);
        var step3 = await h.Totp(step2.S("pending_authentication_token")!, ch, h.TotpNow(Secret));
        Assert.Equal(403, step3.Code);
        Assert.Equal("organization_selection_required", step3.S("code"));
        var done = await OrgGrant(h, step3.S("pending_authentication_token")!, a);
        Assert.Equal(200, done.Code);
        Assert.Equal(a, done.S("organization_id"));
        Assert.Equal("Password", done.S("authentication_method"));
        Assert.True(done.J["user"]!["email_verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Sso_required_for_sso_only_domain()
    {
        var seed = """
        {"organizations":[{"id":"org_sso","name":"SSO Corp","domains":["sso.test"],"sso_only":true,"connection_ids":["conn_1"]}],
         "users":[{"email":"bob@sso.test","password":"Passw0rd!","email_verified":true}]}
        """;
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = seed });
        var r = await h.PasswordLogin("bob@sso.test");
        Assert.Equal(403, r.Code);
        Assert.Equal("sso_required", r.S("error"));
        Assert.NotNull(r.S("error_description"));
        Assert.Equal("bob@sso.test", r.S("email"));
        Assert.Equal("conn_1", r.J["connection_ids"]![0]!.GetValue<string>());
        Assert.NotNull(r.S("pending_authentication_token"));
        Assert.Null(r.J["code"]);
    }

    internal static Task<Resp> EmailGrant(Harness h, string token, string code) =>
        h.Authenticate(new JsonObject
        {
            ["grant_type"] = "urn:workos:oauth:grant-type:email-verification:code",
            ["code"] = code,
            ["pending_authentication_token"] = token,
        });

    internal static Task<Resp> OrgGrant(Harness h, string token, string orgId) =>
        h.Authenticate(new JsonObject
        {
            ["grant_type"] = "urn:workos:oauth:grant-type:organization-selection",
            ["pending_authentication_token"] = token,
            ["organization_id"] = orgId,
        });

    internal static byte[] B64(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
