using System.Web;
using WorkOS.Functional.Emulator;
using WorkOS.Functional.Integration.Support;
using WorkOS.Functional.Quickstart;

namespace WorkOS.Functional.Integration.Emulator;

/// <summary>
/// Every path of the composed sign-in, end to end against the emulator: each step-up alone, chained
/// step-ups, a wrong code, an expired pending token, SSO, magic auth and the PKCE code exchange.
/// </summary>
public sealed class SignInFlowTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private const string Password = "correct-horse-1";
    private WorkOSClient Client => emu.Client;

    private Aff<SignInStep> Password_(string email, string password = Password) =>
        from request in AuthenticateWithPasswordRequest.Create(emu.ClientId, email, password, ipAddress: "203.0.113.9", userAgent: "tests").ToAff()
        from step in Client.SignInWithPassword(request)
        select step;

    /// <summary>What a person does: read the emailed code (the API shows it) and type TOTP codes from the app.</summary>
    private SignInHandlers Person(List<string> seen, string totpSecret = "") => new()
    {
        EmailVerificationCode = step =>
            from request in GetEmailVerificationRequest.Create(step.EmailVerificationId).ToAff()
            from verification in Client.GetEmailVerification(request)
            select verification.Code.Reveal(),
        TotpCode = totp => SuccessAff(Totp.Code(
            totp.Enrolled.Bind(static f => f.Totp).Bind(static t => t.Secret).Map(static s => s.Reveal()).IfNone(totpSecret),
            emu.Clock.GetUtcNow())),
        ChooseOrganization = step => SuccessAff(step.Organizations.Find(static o => o.Name == "Globex").IfNone(step.Organizations.Head)),
        OnStep = step => Eff(() => { seen.Add(step.GetType().Name); return unit; }).ToAff(),
    };

    [Fact]
    public async Task A_user_without_step_ups_is_signed_in_at_once()
    {
        var step = await Run.Succ(Password_("plain@example.com"));
        var signedIn = Assert.IsType<SignedIn>(step);
        Assert.Equal("user_plain", signedIn.Response.User.Id);
        Assert.False(signedIn.Response.AccessToken.IsEmpty);
        Assert.Equal(Some(AuthenticationMethod.Password), signedIn.Response.AuthenticationMethod);
    }

    [Fact]
    public async Task Wrong_password_fails_with_the_server_error_not_a_step()
    {
        var error = Assert.IsType<ApiError>(await Run.Fail(Password_("plain@example.com", "wrong-password")));
        Assert.Equal("invalid_credentials", error.ErrorCode);
    }

    [Fact]
    public async Task Email_verification_step_then_signed_in()
    {
        var email = EmulatorFixture.NewEmail("verify");
        await Run.Succ(Client.CreateUser(Run.Valid(CreateUserRequest.Create(email, password: Password))));
        var step = Assert.IsType<VerifyEmailStep>(await Run.Succ(Password_(email)));
        Assert.Equal(email, step.Email);

        var code = (await Run.Succ(Client.GetEmailVerification(Run.Valid(GetEmailVerificationRequest.Create(step.EmailVerificationId))))).Code.Reveal();
        var done = Assert.IsType<SignedIn>(await Run.Succ(step.Verify(code)));
        Assert.True(done.Response.User.EmailVerified);
    }

    [Fact]
    public async Task A_wrong_code_fails_and_the_same_step_still_accepts_the_right_one()
    {
        var email = EmulatorFixture.NewEmail("wrong");
        await Run.Succ(Client.CreateUser(Run.Valid(CreateUserRequest.Create(email, password: Password))));
        var step = Assert.IsType<VerifyEmailStep>(await Run.Succ(Password_(email)));
        var code = (await Run.Succ(Client.GetEmailVerification(Run.Valid(GetEmailVerificationRequest.Create(step.EmailVerificationId))))).Code.Reveal();
        var wrong = code == "000000" ? "111111" : "000000";

        var error = Assert.IsType<ApiError>(await Run.Fail(step.Verify(wrong)));
        Assert.Equal(400, error.Status);
        Assert.IsType<SignedIn>(await Run.Succ(step.Verify(code)));
    }

    [Fact]
    public async Task Mfa_challenge_of_a_listed_factor_with_a_real_TOTP_code()
    {
        var step = Assert.IsType<ChallengeMfaStep>(await Run.Succ(Password_("totp@example.com")));
        var factor = Assert.Single(step.Factors);
        Assert.Equal(FactorType.Totp, factor.Type);

        var totp = await Run.Succ(step.Challenge(factor));
        Assert.Equal(factor.Id, totp.Challenge.AuthenticationFactorId);
        Assert.True(totp.Enrolled.IsNone);
        var done = Assert.IsType<SignedIn>(await Run.Succ(totp.Verify(Totp.Code("JBSWY3DPEHPK3PXP", emu.Clock.GetUtcNow()))));
        Assert.Equal("user_totp", done.Response.User.Id);
    }

    [Fact]
    public async Task Challenging_a_factor_that_the_step_did_not_list_is_rejected_before_sending()
    {
        var step = Assert.IsType<ChallengeMfaStep>(await Run.Succ(Password_("totp@example.com")));
        var error = Assert.IsType<InvalidRequest>(await Run.Fail(step.Challenge(new AuthenticationFactorRef("auth_factor_other", FactorType.Totp))));
        Assert.Equal(Seq1("authentication_factor_id"), error.Fields);
    }

    [Fact]
    public async Task Organization_selection_picks_one_of_the_listed_organizations()
    {
        var step = Assert.IsType<SelectOrganizationStep>(await Run.Succ(Password_("multi@example.com")));
        Assert.Equal(new[] { "Acme", "Globex" }, step.Organizations.Map(static o => o.Name).OrderBy(static n => n));

        var globex = step.Organizations.Find(static o => o.Name == "Globex").IfNone(() => throw new Exception("no Globex"));
        var done = Assert.IsType<SignedIn>(await Run.Succ(step.Select(globex)));
        Assert.Equal(Some("org_globex"), done.Response.OrganizationId);
    }

    [Fact]
    public async Task Selecting_an_organization_outside_the_list_is_rejected_before_sending()
    {
        var step = Assert.IsType<SelectOrganizationStep>(await Run.Succ(Password_("multi@example.com")));
        var error = Assert.IsType<InvalidRequest>(await Run.Fail(step.Select(new OrganizationRef("org_sso", "SSO Only Inc"))));
        Assert.Equal(Seq1("organization_id"), error.Fields);
    }

    [Fact]
    public async Task Chained_step_ups_email_then_mfa_then_organization_in_one_pipeline()
    {
        var seen = new List<string>();
        var response = await Run.Succ(Password_("chain@example.com").Complete(Person(seen, "KRSXG5CTMVRXEZLU")));

        Assert.Equal(new[] { nameof(VerifyEmailStep), nameof(ChallengeMfaStep), nameof(SelectOrganizationStep), nameof(SignedIn) }, seen);
        Assert.Equal("user_chain", response.User.Id);
        Assert.Equal(Some("org_globex"), response.OrganizationId);
    }

    [Fact]
    public async Task A_step_without_a_handler_ends_the_flow_with_its_step_up_error()
    {
        var error = await Run.Fail(Password_("totp@example.com").Complete(new SignInHandlers()));
        var challenge = Assert.IsType<MfaChallengeRequired>(error);
        Assert.Equal("user_totp", challenge.User.Id);
    }

    [Fact]
    public async Task Sso_required_offers_the_authorization_url_of_its_connections_only()
    {
        var step = Assert.IsType<SsoRequiredStep>(await Run.Succ(Password_("ana@sso.example")));
        Assert.Equal(Seq1("conn_sso_1"), step.ConnectionIds);

        var url = Run.Valid(step.AuthorizationUrl("conn_sso_1", "https://app.example/callback", state: "s1"));
        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("conn_sso_1", query["connection_id"]);
        Assert.Equal("ana@sso.example", query["login_hint"]);
        Assert.Equal(emu.ClientId, query["client_id"]);
        Assert.Equal("s1", query["state"]);
        Assert.True(step.AuthorizationUrl("conn_elsewhere", "https://app.example/callback").IsLeft);
    }

    [Fact]
    public async Task Magic_auth_composes_create_read_code_and_sign_in()
    {
        var email = EmulatorFixture.NewEmail("magic");
        var seen = new List<string>();
        var program =
            from create in CreateMagicAuthRequest.Create(email).ToAff()
            from magic in Client.CreateMagicAuth(create)
            from grant in AuthenticateWithMagicAuthRequest.Create(emu.ClientId, magic.Code.Reveal(), email).ToAff()
            from signedIn in Client.SignInWithMagicAuth(grant).Complete(Person(seen))
            select signedIn;

        var response = await Run.Succ(program);
        Assert.Equal(email, response.User.Email);
        Assert.True(response.User.EmailVerified);
        Assert.Equal(Some(AuthenticationMethod.MagicAuth), response.AuthenticationMethod);
        Assert.Equal(new[] { nameof(SignedIn) }, seen);
    }

    [Fact]
    public async Task Authorization_code_with_PKCE_and_state_then_the_step_ups()
    {
        var pkce = Pkce.Generate();
        var state = Pkce.NewState();
        var url = Run.Valid(
            from request in GetAuthorizationURLRequest.Create(emu.ClientId, "https://app.example/callback", provider: Provider.AuthKit,
                loginHint: "multi@example.com", codeChallenge: pkce.Challenge, codeChallengeMethod: pkce.Method, state: state)
            from built in Client.GetAuthorizationURL(request)
            select built);

        // The browser: follow the authorization URL and read the redirect back to the app.
        using var browser = Bounded.Browser();
        var redirect = await browser.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.Found, redirect.StatusCode);
        var back = HttpUtility.ParseQueryString(redirect.Headers.Location!.Query);
        Assert.Equal(state, back["state"]);

        var seen = new List<string>();
        var response = await Run.Succ(
            from grant in AuthenticateWithCodeRequest.Create(emu.ClientId, back["code"], pkce.Verifier.Reveal()).ToAff()
            from done in Client.SignInWithCode(grant).Complete(Person(seen))
            select done);
        Assert.Equal("user_multi", response.User.Id);
        Assert.Equal(new[] { nameof(SelectOrganizationStep), nameof(SignedIn) }, seen);
    }

    [Fact]
    public async Task A_code_exchange_with_the_wrong_PKCE_verifier_is_invalid_grant()
    {
        var pkce = Pkce.Generate();
        var url = Run.Valid(Client.GetAuthorizationURL(Run.Valid(GetAuthorizationURLRequest.Create(emu.ClientId, "https://app.example/cb",
            provider: Provider.AuthKit, loginHint: "plain@example.com", codeChallenge: pkce.Challenge, codeChallengeMethod: pkce.Method))));
        using var browser = Bounded.Browser();
        var code = HttpUtility.ParseQueryString((await browser.GetAsync(url)).Headers.Location!.Query)["code"];

        var error = Assert.IsType<ApiError>(await Run.Fail(
            Client.SignInWithCode(Run.Valid(AuthenticateWithCodeRequest.Create(emu.ClientId, code, Pkce.Generate().Verifier.Reveal())))));
        Assert.Equal("invalid_grant", error.ErrorCode);
    }
}

/// <summary>Flows that need their own emulator: an environment requiring MFA, and a clock moved past expiry.</summary>
public sealed class SignInFlowEnvironmentTests
{
    [Fact]
    public async Task Mfa_enrollment_shows_the_new_secret_and_verifies_a_code_from_it()
    {
        var clock = new EmulatorClock(DateTimeOffset.UtcNow);
        await using var emu = await WorkOSEmulator.StartAsync(new EmulatorOptions { MfaRequired = true, Clock = clock });
        var client = WorkOSClient.Create(emu.ApiKey, emu.BaseUrl.ToString(), Bounded.Http()).IfLeft(e => throw new Exception(e.Message));
        await Run.Succ(client.CreateUser(Run.Valid(CreateUserRequest.Create("new@example.com", password: "correct-horse-1", emailVerified: true))));

        var seen = new List<string>();
        var secretShown = "";
        var response = await Run.Succ(
            from request in AuthenticateWithPasswordRequest.Create(emu.ClientId, "new@example.com", "correct-horse-1").ToAff()
            from done in client.SignInWithPassword(request).Complete(new SignInHandlers
            {
                TotpIssuer = "WorkOS.Functional tests",
                TotpCode = totp =>
                {
                    secretShown = totp.Enrolled.Bind(static f => f.Totp).Bind(static t => t.Secret).Map(static s => s.Reveal()).IfNone("");
                    return SuccessAff(Totp.Code(secretShown, clock.GetUtcNow()));
                },
                OnStep = step => Eff(() => { seen.Add(step.GetType().Name); return unit; }).ToAff(),
            })
            select done);

        Assert.NotEqual("", secretShown);
        Assert.Equal(new[] { nameof(EnrollMfaStep), nameof(SignedIn) }, seen);
        Assert.Equal("new@example.com", response.User.Email);
    }

    [Fact]
    public async Task An_expired_pending_token_fails_the_follow_up_grant()
    {
        var clock = new EmulatorClock(DateTimeOffset.UtcNow);
        await using var emu = await WorkOSEmulator.StartAsync(new EmulatorOptions { SeedJson = EmulatorFixture.Seed, Clock = clock });
        var client = WorkOSClient.Create(emu.ApiKey, emu.BaseUrl.ToString(), Bounded.Http()).IfLeft(e => throw new Exception(e.Message));
        var step = Assert.IsType<SelectOrganizationStep>(await Run.Succ(
            client.SignInWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create(emu.ClientId, "multi@example.com", "correct-horse-1")))));

        clock.Advance(TimeSpan.FromMinutes(11));
        var error = Assert.IsType<ApiError>(await Run.Fail(step.Select(step.Organizations.Head)));
        Assert.Equal("invalid_grant", error.ErrorCode);
    }

    [Fact]
    public async Task MaxSteps_bounds_a_sign_in_that_keeps_asking()
    {
        await using var emu = await WorkOSEmulator.StartAsync(new EmulatorOptions { SeedJson = EmulatorFixture.Seed });
        var client = WorkOSClient.Create(emu.ApiKey, emu.BaseUrl.ToString(), Bounded.Http()).IfLeft(e => throw new Exception(e.Message));
        var error = await Run.Fail(
            client.SignInWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create(emu.ClientId, "multi@example.com", "correct-horse-1")))
                .Complete(new SignInHandlers { MaxSteps = 0, ChooseOrganization = s => SuccessAff(s.Organizations.Head) }));
        Assert.IsType<OrganizationSelectionRequired>(error);
    }
}

/// <summary>
/// A step-up is recognised by its body, whatever the status: a server (or proxy) that answers one with 400 or 401
/// instead of 403 must not stop the sign-in. The emulator's hook replays a real step-up body at another status.
/// </summary>
public sealed class StepUpAtOtherStatusTests
{
    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    public async Task A_step_up_body_answered_with_another_status_still_continues_to_signed_in(int status)
    {
        await using var emu = await WorkOSEmulator.StartAsync(new EmulatorOptions { SeedJson = EmulatorFixture.Seed });
        var client = WorkOSClient.Create(emu.ApiKey, emu.BaseUrl.ToString(), Bounded.Http()).IfLeft(e => throw new Exception(e.Message));
        using var http = Bounded.Http();

        // A real email-verification step-up (with a pending token the emulator knows), then a hook that answers the
        // client's own password grant with that same body at another status.
        using var first = await http.PostAsync(new Uri(emu.BaseUrl, "user_management/authenticate"), JsonContent(
            $$"""{"client_id":"{{emu.ClientId}}","client_secret":"{{emu.ApiKey}}","grant_type":"password","email":"unverified@example.com","password":"correct-horse-1"}"""));
        Assert.Equal(403, (int)first.StatusCode);
        var stepUpBody = await first.Content.ReadAsStringAsync();
        Assert.Contains("email_verification_required", stepUpBody);
        using var hook = await http.PostAsync(new Uri(emu.BaseUrl, "_emulate/hooks"), JsonContent(
            $$"""{"method":"POST","path":"/user_management/authenticate","status":{{status}},"body":{{stepUpBody}},"count":1}"""));
        Assert.Equal(201, (int)hook.StatusCode);

        var seen = new List<string>();
        var response = await Run.Succ(
            from request in AuthenticateWithPasswordRequest.Create(emu.ClientId, "unverified@example.com", "correct-horse-1").ToAff()
            from done in client.SignInWithPassword(request).Complete(new SignInHandlers
            {
                EmailVerificationCode = step =>
                    from get in GetEmailVerificationRequest.Create(step.EmailVerificationId).ToAff()
                    from verification in client.GetEmailVerification(get)
                    select verification.Code.Reveal(),
                OnStep = step => Eff(() => { seen.Add(step.GetType().Name); return unit; }).ToAff(),
            })
            select done);

        Assert.Equal(new[] { nameof(VerifyEmailStep), nameof(SignedIn) }, seen);
        Assert.Equal("unverified@example.com", response.User.Email);
        Assert.True(response.User.EmailVerified);
        using var hooks = await http.GetAsync(new Uri(emu.BaseUrl, "_emulate/hooks"));
        Assert.DoesNotContain("/user_management/authenticate", await hooks.Content.ReadAsStringAsync()); // the hook fired (count 1)
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
