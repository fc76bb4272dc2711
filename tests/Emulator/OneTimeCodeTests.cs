namespace WorkOS.Functional.Emulator.Tests;

/// <summary>Issue item 4: a TOTP code is accepted once, wrong codes are limited, and the per-email limits answer 429.</summary>
public class OneTimeCodeTests
{
    private const string Secret = "JBSWY3DPEHPK3PXP";
    private static readonly string TotpSeed =
        $$"""{"users":[{"id":"user_mfa","email":"mfa@example.com","password":"Passw0rd!","email_verified":true,"totp_secret":"{{Secret}}"}]}""";

    /// <summary>Password sign-in, then a new challenge: the pending token and the challenge id.</summary>
    private static async Task<(string Pending, string Challenge)> StartMfa(Harness h)
    {
        var r = await h.PasswordLogin("mfa@example.com");
        Assert.Equal("mfa_challenge", r.S("code"));
        return (r.S("pending_authentication_token")!, await h.ChallengeFactor(r.J["authentication_factors"]![0]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_totp_code_accepted_once_is_refused_for_a_second_sign_in_in_its_window()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = TotpSeed });
        var code = h.TotpNow(Secret);
        var (p1, c1) = await StartMfa(h);
        Assert.Equal(200, (await h.Totp(p1, c1, code)).Code);

        var (p2, c2) = await StartMfa(h);
        var again = await h.Totp(p2, c2, code);
        Assert.Equal(400, again.Code);
        Assert.Equal("invalid_one_time_code", again.S("code"));
        // the previous step's code is older than the one used: refused too; the next step's code is fresh
        Assert.Equal("invalid_one_time_code", (await h.Totp(p2, c2, h.TotpNow(Secret, -1))).S("code"));
        Assert.Equal(200, (await h.Totp(p2, c2, h.TotpNow(Secret, 1))).Code);

        h.Clock.Advance(TimeSpan.FromSeconds(60));
        var (p3, c3) = await StartMfa(h);
        Assert.Equal(200, (await h.Totp(p3, c3, h.TotpNow(Secret))).Code);
    }

    [Fact]
    public async Task The_fifth_wrong_totp_code_invalidates_the_challenge_and_the_pending_token()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = TotpSeed });
        var (pending, challenge) = await StartMfa(h);
        var wrong = h.WrongTotp(Secret);
        for (var i = 1; i <= 4; i++)
            Assert.Equal("invalid_one_time_code", (await h.Totp(pending, challenge, wrong)).S("code"));
        var fifth = await h.Totp(pending, challenge, wrong);
        Assert.Equal(400, fifth.Code);
        Assert.Equal("too_many_attempts", fifth.S("code"));
        Assert.Equal("too_many_attempts", (await h.Totp(pending, challenge, h.TotpNow(Secret))).S("code"));
        var factor = (await h.Get("/user_management/users/user_mfa/auth_factors")).J["data"]![0]!["id"]!.GetValue<string>();
        var fresh = await h.ChallengeFactor(factor);
        Assert.Equal("too_many_attempts", (await h.Totp(pending, fresh, h.TotpNow(Secret))).S("code"));
        // a new sign-in starts over
        var (p2, c2) = await StartMfa(h);
        Assert.Equal(200, (await h.Totp(p2, c2, h.TotpNow(Secret))).Code);
    }

    [Fact]
    public async Task Max_wrong_attempts_is_configurable()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = TotpSeed, MaxWrongAttempts = 2 });
        var (pending, challenge) = await StartMfa(h);
        Assert.Equal("invalid_one_time_code", (await h.Totp(pending, challenge, h.WrongTotp(Secret))).S("code"));
        Assert.Equal("too_many_attempts", (await h.Totp(pending, challenge, h.WrongTotp(Secret))).S("code"));
    }

    [Fact]
    public async Task Wrong_email_verification_codes_invalidate_the_code_and_the_pending_token()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("ev@example.com", verified: false);
        var r = await h.PasswordLogin("ev@example.com");
        var token = r.S("pending_authentication_token")!;
        var code = (await h.Get($"/user_management/email_verification/{r.S("email_verification_id")}")).S("code")!;
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 1; i <= 4; i++)
            Assert.Equal("invalid_one_time_code", (await AuthFlowTests.EmailGrant(h, token, wrong)).S("code"));
        Assert.Equal("too_many_attempts", (await AuthFlowTests.EmailGrant(h, token, wrong)).S("code"));
        var right = await AuthFlowTests.EmailGrant(h, token, code);
        Assert.Equal(400, right.Code);
        Assert.Equal("too_many_attempts", right.S("code"));
    }

    [Fact]
    public async Task Wrong_codes_on_verify_email_invalidate_the_code_until_a_new_one_is_sent()
    {
        await using var h = await Harness.StartAsync();
        var id = (await h.CreateUser("ve@example.com", verified: false))["id"]!.GetValue<string>();
        await h.Post($"/user_management/users/{id}/email_verification/send");
        var code = (await h.Get($"/_emulate/users/{id}/email_verification", auth: false)).S("code")!;
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 1; i <= 4; i++)
            Assert.Equal("invalid_code", (await h.Post($"/user_management/users/{id}/email_verification/confirm", new { code = wrong })).S("code"));
        Assert.Equal("too_many_attempts", (await h.Post($"/user_management/users/{id}/email_verification/confirm", new { code = wrong })).S("code"));
        Assert.Equal("too_many_attempts", (await h.Post($"/user_management/users/{id}/email_verification/confirm", new { code })).S("code"));
        await h.Post($"/user_management/users/{id}/email_verification/send");
        var fresh = (await h.Get($"/_emulate/users/{id}/email_verification", auth: false)).S("code")!;
        Assert.Equal(200, (await h.Post($"/user_management/users/{id}/email_verification/confirm", new { code = fresh })).Code);
    }

    private static Task<Resp> MagicGrant(Harness h, string email, string code) =>
        h.Authenticate(new JsonObject { ["grant_type"] = "urn:workos:oauth:grant-type:magic-auth:code", ["code"] = code, ["email"] = email });

    [Fact]
    public async Task Wrong_magic_auth_codes_invalidate_the_code()
    {
        await using var h = await Harness.StartAsync();
        var code = (await h.Post("/user_management/magic_auth", new { email = "m@example.com" })).S("code")!;
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 1; i <= 4; i++)
            Assert.Equal("invalid_grant", (await MagicGrant(h, "m@example.com", wrong)).S("error"));
        Assert.Equal("too_many_attempts", (await MagicGrant(h, "m@example.com", wrong)).S("code"));
        var right = await MagicGrant(h, "m@example.com", code);
        Assert.Equal(400, right.Code);
        Assert.Equal("too_many_attempts", right.S("code"));
    }

    [Fact]
    public async Task Authenticate_allows_ten_requests_per_email_per_minute_then_429_with_retry_after()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("limited@example.com");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("invalid_credentials", (await h.PasswordLogin("limited@example.com", "wrong-password")).S("code"));
            h.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var limited = await h.PasswordLogin("LIMITED@example.com");
        Assert.Equal(429, limited.Code);
        Assert.Equal("rate_limit_exceeded", limited.S("code"));
        Assert.Equal("50", limited.Header("Retry-After")); // the first of the ten leaves the 60 s window in 50 s
        Assert.Equal("invalid_credentials", (await h.PasswordLogin("other@example.com")).S("code")); // per email
        h.Clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(200, (await h.PasswordLogin("limited@example.com")).Code);
    }

    [Fact]
    public async Task The_authenticate_limit_is_configurable_and_can_be_off()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { AuthenticateLimitPerEmail = 0 });
        await h.CreateUser("free@example.com");
        for (var i = 0; i < 15; i++)
            Assert.Equal(400, (await h.PasswordLogin("free@example.com", "wrong-password")).Code);
        Assert.Equal(200, (await h.PasswordLogin("free@example.com")).Code);
    }

    [Fact]
    public async Task Magic_auth_allows_three_codes_per_email_per_minute()
    {
        await using var h = await Harness.StartAsync();
        for (var i = 0; i < 3; i++)
            Assert.Equal(201, (await h.Post("/user_management/magic_auth", new { email = "ma@example.com" })).Code);
        var limited = await h.Post("/user_management/magic_auth/send", new { email = "ma@example.com" });
        Assert.Equal(429, limited.Code);
        Assert.Equal("60", limited.Header("Retry-After"));
        Assert.Equal(201, (await h.Post("/user_management/magic_auth", new { email = "other@example.com" })).Code);
        h.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(201, (await h.Post("/user_management/magic_auth", new { email = "ma@example.com" })).Code);
    }

    [Fact]
    public async Task A_totp_brute_force_stops_after_five_guesses_per_challenge()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = TotpSeed });
        var (pending, challenge) = await StartMfa(h);
        var valid = new[] { -1, 0, 1 }.Select(d => h.TotpNow(Secret, d)).ToHashSet();
        var guesses = Enumerable.Range(0, 1000).Select(g => g.ToString("000000")).Where(g => !valid.Contains(g)).Take(20).ToList();
        var answers = new List<string?>();
        foreach (var guess in guesses) answers.Add((await h.Totp(pending, challenge, guess)).J["code"]?.GetValue<string>());
        Assert.Equal(Enumerable.Repeat("invalid_one_time_code", 4), answers.Take(4));
        Assert.All(answers.Skip(4), a => Assert.True(a is "too_many_attempts" or "rate_limit_exceeded", a));
        h.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal("too_many_attempts", (await h.Totp(pending, challenge, h.TotpNow(Secret))).S("code"));
    }
}
