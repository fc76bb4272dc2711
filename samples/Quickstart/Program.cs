using System.Text;
using System.Text.Json;
using System.Web;
using LanguageExt;
using LanguageExt.Common;
using WorkOS.Functional;
using WorkOS.Functional.Emulator;
using WorkOS.Functional.Quickstart;
using static LanguageExt.Prelude;

// The quickstart: every authentication flow of the library, step by step, as Aff pipelines.
// By default it starts the WorkOS emulator in-process (an environment that requires MFA, with two
// organizations). With WORKOS_API_KEY and WORKOS_CLIENT_ID set it talks to WORKOS_BASE_URL or the
// real API instead. It exits non-zero if any step fails.

var apiKey = Environment.GetEnvironmentVariable("WORKOS_API_KEY");
await using var emulator = string.IsNullOrEmpty(apiKey)
    ? await WorkOSEmulator.StartAsync(new EmulatorOptions { MfaRequired = true, SeedJson = Demo.Seed })
    : null;

var settings = emulator is null
    ? new Settings(apiKey!, Environment.GetEnvironmentVariable("WORKOS_BASE_URL"), Environment.GetEnvironmentVariable("WORKOS_CLIENT_ID") ?? "",
        toSeq((Environment.GetEnvironmentVariable("WORKOS_ORGANIZATION_IDS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)), Browser: false)
    : new Settings(emulator.ApiKey, emulator.BaseUrl.ToString(), emulator.ClientId, Seq("org_acme", "org_globex"), Browser: true);

Console.WriteLine(emulator is null
    ? $"WorkOS.Functional quickstart against {settings.BaseUrl ?? "https://api.workos.com"}"
    : $"WorkOS.Functional quickstart against the emulator at {emulator.BaseUrl} (MFA required, organizations Acme and Globex)");

var result = await Demo.All(settings).Run();
return result.Match(
    Succ: _ => { Console.WriteLine("\nAll flows succeeded."); return 0; },
    Fail: e => { Console.Error.WriteLine($"\nFAILED: {e.GetType().Name}: {e}"); return 1; });

/// <summary>Where to run: API key, base URL, client id, organizations to join, and whether a simulated browser can follow redirects.</summary>
internal sealed record Settings(string ApiKey, string? BaseUrl, string ClientId, Seq<string> OrganizationIds, bool Browser)
{
    public override string ToString() => $"Settings {{ BaseUrl = {BaseUrl}, ClientId = {ClientId} }}";
}

internal static class Demo
{
    public const string Password = "quickstart-Passw0rd!";

    public const string Seed = """
        { "organizations": [ {"id": "org_acme", "name": "Acme"}, {"id": "org_globex", "name": "Globex"} ] }
        """;

    private static Aff<Unit> Say(string line) => Eff(() => { Console.WriteLine(line); return unit; }).ToAff();

    public static Aff<Unit> All(Settings s) =>
        from client in WorkOSClient.Create(s.ApiKey, s.BaseUrl).ToAff()
        from email in SuccessAff($"quickstart-{Guid.NewGuid():N}@example.com")
        let person = Person(client, Atom(""))
        from user in SignUp(client, s, email, person)
        from _1 in JoinOrganizations(client, s, user)
        from session in SignInAgain(client, s, email, person)
        from _2 in MagicAuth(client, s, email, person)
        from _3 in s.Browser ? AuthorizationCode(client, s, email, person) : Say("\n4. Authorization code + PKCE: skipped (needs a real browser)")
        from _4 in Sessions(client, s, session)
        from _6 in s.Browser ? DeviceFlowDemo.Run(client, s, email, Password) : Say("\n6. Device flow: skipped (needs a person at the verification page)")
        from _5 in Cleanup(client, user)
        select unit;

    /// <summary>
    /// What the person in front of the app provides, played by the quickstart, printing each step.
    /// <paramref name="authenticatorApp"/> is the person's authenticator app: it keeps the TOTP secret once enrolled.
    /// </summary>
    private static SignInHandlers Person(WorkOSClient client, Atom<string> authenticatorApp) => new()
    {
        OnStep = step => Say("   → " + step.Match(
            signedIn: s => $"signed in as {s.Response.User.Email} (organization: {s.Response.OrganizationId.IfNone("none")}, method: {s.Response.AuthenticationMethod.Map(static m => m.Value).IfNone("?")})",
            verifyEmail: v => $"email verification required: a code was sent to {v.Email}",
            enrollMfa: e => $"MFA enrollment required for {e.User.Email}: enrolling a TOTP factor",
            challengeMfa: c => $"MFA challenge required: {c.Factors.Count} factor(s) ({string.Join(", ", c.Factors.Map(static f => f.Type.Value))})",
            selectOrganization: o => $"organization selection required: {string.Join(", ", o.Organizations.Map(static x => x.Name))}",
            sso: s => $"SSO required via {string.Join(", ", s.ConnectionIds)}",
            restrictedMethods: r => $"the organization allows only: {string.Join(", ", r.AuthMethods.Filter(static v => v).Keys)}",
            unrecognized: u => $"unrecognized step-up {u.StepUp.ErrorCode}")),
        EmailVerificationCode = step =>
            from request in GetEmailVerificationRequest.Create(step.EmailVerificationId).ToAff()
            from verification in client.GetEmailVerification(request)
            from _ in Say("     the person reads the code from the email and types it")
            select verification.Code.Reveal(),
        TotpIssuer = "WorkOS.Functional quickstart",
        TotpCode = totp =>
            from secret in totp.Enrolled.Bind(static f => f.Totp).Bind(static t => t.Secret).Map(static s => s.Reveal())
                .Match(Some: SuccessAff, None: () => SuccessAff(authenticatorApp.Value))
            from _ in Eff(() => { authenticatorApp.Swap(_ => secret); return unit; }).ToAff()
            from __ in Say(totp.Enrolled.IsSome
                ? $"     factor {totp.Enrolled.Map(static f => f.Id).IfNone("")} enrolled; the person scans it and types the app's code"
                : $"     challenge {totp.Challenge.Id} sent; the person types the app's code")
            select Totp.Code(secret, DateTimeOffset.UtcNow),
        ChooseOrganization = step =>
            from _ in Say($"     the person picks {step.Organizations.Last.Name}")
            select step.Organizations.Last,
    };

    private static Aff<User> SignUp(WorkOSClient client, Settings s, string email, SignInHandlers person) =>
        from _ in Say($"\n1. Sign-up: create {email} and sign in with the password")
        from create in CreateUserRequest.Create(email, password: Password, firstName: "Quick", lastName: "Start").ToAff()
        from user in client.CreateUser(create)
        from __ in Say($"   created {user.Id}")
        from signIn in AuthenticateWithPasswordRequest.Create(s.ClientId, email, Password).ToAff()
        from response in client.SignInWithPassword(signIn).Complete(person)
        select response.User;

    private static Aff<Unit> JoinOrganizations(WorkOSClient client, Settings s, User user) =>
        from _ in Say($"\n   {user.Email} joins {s.OrganizationIds.Count} organization(s)")
        from memberships in s.OrganizationIds.Map(org =>
                from request in CreateOrganizationMembershipRequest.Create(user.Id, org).ToAff()
                from membership in client.CreateOrganizationMembership(request)
                select membership)
            .SequenceSerial()
        from __ in Say($"   memberships: {string.Join(", ", memberships.Map(static m => $"{m.OrganizationName} ({m.Role.Slug})"))}")
        select unit;

    private static Aff<AuthenticateResponse> SignInAgain(WorkOSClient client, Settings s, string email, SignInHandlers person) =>
        from _ in Say("\n2. Sign-in again with the password")
        from signIn in AuthenticateWithPasswordRequest.Create(s.ClientId, email, Password).ToAff()
        from response in client.SignInWithPassword(signIn).Complete(person)
        select response;

    private static Aff<Unit> MagicAuth(WorkOSClient client, Settings s, string email, SignInHandlers person) =>
        from _ in Say("\n3. Magic Auth: create a one-time code and sign in with it")
        from create in CreateMagicAuthRequest.Create(email).ToAff()
        from magic in client.CreateMagicAuth(create)
        from __ in Say($"   magic auth {magic.Id} created; the app delivers the code")
        from grant in AuthenticateWithMagicAuthRequest.Create(s.ClientId, magic.Code.Reveal(), email).ToAff()
        from response in client.SignInWithMagicAuth(grant).Complete(person)
        select unit;

    private static Aff<Unit> AuthorizationCode(WorkOSClient client, Settings s, string email, SignInHandlers person) =>
        from _ in Say("\n4. Authorization code with PKCE and state")
        let pkce = Pkce.Generate()
        let state = Pkce.NewState()
        from request in GetAuthorizationURLRequest.Create(s.ClientId, "https://app.example/callback", provider: Provider.AuthKit,
            loginHint: email, codeChallenge: pkce.Challenge, codeChallengeMethod: pkce.Method, state: state).ToAff()
        from url in client.GetAuthorizationURL(request).ToAff()
        from __ in Say($"   authorization URL built ({url.GetLeftPart(UriPartial.Path)}?…code_challenge_method=S256…)")
        from callback in Browse(url)
        from ___ in guard(callback.State == state, Error.New("the state on the redirect does not match"))
        from ____ in Say("   the browser came back to the app with a code and the right state")
        from grant in AuthenticateWithCodeRequest.Create(s.ClientId, callback.Code, pkce.Verifier.Reveal()).ToAff()
        from response in client.SignInWithCode(grant).Complete(person)
        select unit;

    /// <summary>The browser: follows the authorization URL and reads the redirect back to the app.</summary>
    private static Aff<(string Code, string State)> Browse(Uri url) =>
        Aff(async () =>
        {
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var response = await browser.GetAsync(url);
            var query = HttpUtility.ParseQueryString(response.Headers.Location?.Query ?? "");
            return (query["code"] ?? "", query["state"] ?? "");
        });

    private static Aff<Unit> Sessions(WorkOSClient client, Settings s, AuthenticateResponse session) =>
        from _ in Say("\n5. Sessions: refresh the tokens, find the JWKS, build the logout URL, revoke")
        from refresh in AuthenticateWithRefreshTokenRequest.Create(s.ClientId, session.RefreshToken).ToAff()
        from refreshed in client.AuthenticateWithRefreshToken(refresh)
        from __ in Say($"   refreshed: new tokens for {refreshed.User.Email} in {refreshed.OrganizationId.IfNone("no organization")}")
        from jwks in client.GetJWKSURL(s.ClientId).ToAff()
        from ___ in Say($"   verify access tokens with the keys at {jwks}")
        from sessionId in SessionId(refreshed.AccessToken).ToAff()
        from logout in GetLogoutURLRequest.Create(sessionId, returnTo: "https://app.example/signed-out").ToAff()
        from logoutUrl in client.GetLogoutURL(logout).ToAff()
        from ____ in Say($"   logout URL for the browser: {logoutUrl.GetLeftPart(UriPartial.Path)}?…")
        from revoke in RevokeSessionRequest.Create(sessionId).ToAff()
        from _____ in client.RevokeSession(revoke)
        from ______ in Say($"   session {sessionId} revoked")
        select unit;

    /// <summary>The <c>sid</c> claim of an access token (no signature check: that is the JWKS's job).</summary>
    private static Either<Error, string> SessionId(Secret accessToken) =>
        Try(() =>
        {
            var payload = accessToken.Reveal().Split('.')[1].Replace('-', '+').Replace('_', '/');
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')));
            return JsonDocument.Parse(json).RootElement.GetProperty("sid").GetString() ?? "";
        }).ToEither(static _ => Error.New("the access token has no readable sid claim"));

    private static Aff<Unit> Cleanup(WorkOSClient client, User user) =>
        from request in DeleteUserRequest.Create(user.Id).ToAff()
        from _ in client.DeleteUser(request)
        from __ in Say($"\n7. Cleanup: deleted {user.Id}")
        select unit;
}
