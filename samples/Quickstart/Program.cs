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
// real API instead. Whatever happens, it deletes the user and memberships it created, and it exits
// non-zero if any step fails.

var apiKey = Environment.GetEnvironmentVariable("WORKOS_API_KEY");
var redirectUri = Environment.GetEnvironmentVariable("WORKOS_REDIRECT_URI") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
await using var emulator = string.IsNullOrEmpty(apiKey)
    ? await WorkOSEmulator.StartAsync(new EmulatorOptions { MfaRequired = true, SeedJson = Demo.Seed })
    : null;

var settings = emulator is null
    ? new Settings(apiKey!, Environment.GetEnvironmentVariable("WORKOS_BASE_URL"), Environment.GetEnvironmentVariable("WORKOS_CLIENT_ID") ?? "",
        toSeq((Environment.GetEnvironmentVariable("WORKOS_ORGANIZATION_IDS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)),
        redirectUri ?? Demo.DefaultRedirectUri, Browser: Demo.IsLoopback(Environment.GetEnvironmentVariable("WORKOS_BASE_URL")))
    : new Settings(emulator.ApiKey, emulator.BaseUrl.ToString(), emulator.ClientId, Seq("org_acme", "org_globex"),
        redirectUri ?? Demo.DefaultRedirectUri, Browser: true);

Console.WriteLine(emulator is null
    ? $"WorkOS.Functional quickstart against {settings.BaseUrl ?? "https://api.workos.com"}"
    : $"WorkOS.Functional quickstart against the emulator at {emulator.BaseUrl} (MFA required, organizations Acme and Globex)");
Console.WriteLine(redirectUri is null
    ? $"Redirect URI: {settings.RedirectUri} (the default; set WORKOS_REDIRECT_URI to use another registered one)"
    : $"Redirect URI: {settings.RedirectUri} (from WORKOS_REDIRECT_URI)");

var result = await Demo.All(settings).Run();
return result.Match(
    Succ: _ => { Console.WriteLine("\nAll flows succeeded."); return 0; },
    Fail: e => { Console.Error.WriteLine($"\nFAILED: {e.GetType().Name}: {e}"); return 1; });

/// <summary>
/// Where to run: API key, base URL, client id, organizations to join, the redirect URI of the authorization-code
/// step, and whether a simulated browser can do that step (an emulator on this machine: no person needs to sign in).
/// </summary>
internal sealed record Settings(string ApiKey, string? BaseUrl, string ClientId, Seq<string> OrganizationIds, string RedirectUri, bool Browser)
{
    public override string ToString() => $"Settings {{ BaseUrl = {BaseUrl}, ClientId = {ClientId}, RedirectUri = {RedirectUri} }}";
}

/// <summary>What the run created on the server, newest first, each with the effect that deletes it.</summary>
internal sealed record Created(string What, Aff<Unit> Delete);

internal static class Demo
{
    public const string Password = "quickstart-Passw0rd!";

    public const string Seed = """
        { "organizations": [ {"id": "org_acme", "name": "Acme"}, {"id": "org_globex", "name": "Globex"} ] }
        """;

    /// <summary>A loopback callback: register it for the environment (or set WORKOS_REDIRECT_URI to one that is).</summary>
    public const string DefaultRedirectUri = "http://localhost:3000/callback";

    private static Aff<Unit> Say(string line) => Eff(() => { Console.WriteLine(line); return unit; }).ToAff();

    /// <summary>An emulator on this machine (a loopback base URL) answers authorize without a person signing in.</summary>
    public static bool IsLoopback(string? baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>Every flow, then the clean-up of what the flows created: after success and after failure alike.</summary>
    public static Aff<Unit> All(Settings s) =>
        from client in WorkOSClient.Create(s.ApiKey, s.BaseUrl).ToAff()
        let created = Atom(Seq<Created>())
        from _ in Flows(client, s, created).BiBind(
            Succ: _ => Cleanup(created, "\n7. Cleanup: deleting what the run created"),
            Fail: e => Cleanup(created, $"\nA step failed ({e.GetType().Name}); cleaning up what the run created before reporting it")
                .Bind(_ => FailAff<Unit>(e)))
        select unit;

    private static Aff<Unit> Flows(WorkOSClient client, Settings s, Atom<Seq<Created>> created) =>
        from email in SuccessAff($"quickstart-{Guid.NewGuid():N}@example.com")
        let person = Person(client, s, Atom(""), Atom(0L))
        from user in SignUp(client, s, email, person, created)
        from _1 in JoinOrganizations(client, s, user, created)
        from session in SignInAgain(client, s, email, person)
        from _2 in MagicAuth(client, s, email, person)
        from _3 in s.Browser ? AuthorizationCode(client, s, email, person)
            : Say("\n4. Authorization code + PKCE: skipped (needs a person to sign in at a browser)")
        from _4 in Sessions(client, s, session)
        from _5 in s.Browser ? DeviceFlowDemo.Run(client, s, email, Password)
            : Say("\n6. Device flow: skipped (needs a person to approve the code at the verification page)")
        select unit;

    /// <summary>Remembers that <paramref name="what"/> exists on the server, so it is deleted however the run ends.</summary>
    private static Aff<Unit> Remember(Atom<Seq<Created>> created, string what, Aff<Unit> delete) =>
        Eff(() => { created.Swap(xs => new Created(what, delete).Cons(xs)); return unit; }).ToAff();

    /// <summary>
    /// What the person in front of the app provides, played by the quickstart, printing each step.
    /// <paramref name="authenticatorApp"/> is the person's authenticator app: it keeps the TOTP secret once enrolled.
    /// </summary>
    private static SignInHandlers Person(WorkOSClient client, Settings s, Atom<string> authenticatorApp, Atom<long> lastStep) => new()
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
            from code in FreshCode(secret, s, lastStep)
            select code,
        ChooseOrganization = step =>
            from _ in Say($"     the person picks {step.Organizations.Last.Name}")
            select step.Organizations.Last,
    };

    /// <summary>
    /// The authenticator app shows one code per 30-second step, and a code accepted once is refused the next time (a
    /// replayed TOTP code), so for a second sign-in within the same step the person waits for the next code. An emulator
    /// on this machine keeps its own time: the quickstart reads it there and moves it forward instead of waiting.
    /// </summary>
    private static Aff<string> FreshCode(string secret, Settings s, Atom<long> lastStep) =>
        Aff(async () =>
        {
            var emulator = IsLoopback(s.BaseUrl);
            var now = emulator ? await EmulatorTime(s.BaseUrl!, 0) : DateTimeOffset.UtcNow;
            if (now.ToUnixTimeSeconds() / 30 <= lastStep.Value)
            {
                var wait = (lastStep.Value + 1) * 30 - now.ToUnixTimeSeconds();
                if (emulator) now = await EmulatorTime(s.BaseUrl!, wait);
                else
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait));
                    now = DateTimeOffset.UtcNow;
                }
            }
            lastStep.Swap(_ => now.ToUnixTimeSeconds() / 30);
            return Totp.Code(secret, now);
        });

    /// <summary>The emulator's time after moving it <paramref name="advanceSeconds"/> forward (its <c>POST /_emulate/clock</c>).</summary>
    private static async Task<DateTimeOffset> EmulatorTime(string baseUrl, long advanceSeconds)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsync(new Uri(new Uri(baseUrl), "/_emulate/clock"),
            new StringContent($$"""{"advance_seconds":{{advanceSeconds}}}""", Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return DateTimeOffset.Parse(json.RootElement.GetProperty("now").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Aff<User> SignUp(WorkOSClient client, Settings s, string email, SignInHandlers person, Atom<Seq<Created>> created) =>
        from _ in Say($"\n1. Sign-up: create {email} and sign in with the password")
        from create in CreateUserRequest.Create(email, password: Password, firstName: "Quick", lastName: "Start").ToAff()
        from user in client.CreateUser(create)
        from delete in DeleteUserRequest.Create(user.Id).ToAff()
        from remembered in Remember(created, $"user {user.Id}", client.DeleteUser(delete))
        from __ in Say($"   created {user.Id}")
        from signIn in AuthenticateWithPasswordRequest.Create(s.ClientId, email, Password).ToAff()
        from response in client.SignInWithPassword(signIn).Complete(person)
        select response.User;

    private static Aff<Unit> JoinOrganizations(WorkOSClient client, Settings s, User user, Atom<Seq<Created>> created) =>
        from _ in Say($"\n   {user.Email} joins {s.OrganizationIds.Count} organization(s)")
        from memberships in s.OrganizationIds.Map(org =>
                from request in CreateOrganizationMembershipRequest.Create(user.Id, org).ToAff()
                from membership in client.CreateOrganizationMembership(request)
                from delete in DeleteOrganizationMembershipRequest.Create(membership.Id).ToAff()
                from remembered in Remember(created, $"membership {membership.Id}", client.DeleteOrganizationMembership(delete))
                select membership)
            .SequenceSerial()
        from __ in Say($"   memberships: {string.Join(", ", memberships.Map(static m => $"{m.OrganizationName.IfNone(m.OrganizationId)} ({m.Role.Slug})"))}")
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
        from request in GetAuthorizationURLRequest.Create(s.ClientId, s.RedirectUri, provider: Provider.AuthKit,
            loginHint: email, codeChallenge: pkce.Challenge, codeChallengeMethod: pkce.Method, state: state).ToAff()
        from url in client.GetAuthorizationURL(request).ToAff()
        from __ in Say($"   authorization URL built ({url.GetLeftPart(UriPartial.Path)}?…redirect_uri={s.RedirectUri}…code_challenge_method=S256…)")
        from callback in Browse(url, s.RedirectUri)
        from ___ in guard(callback.State == state, Error.New("the state on the redirect back to the app does not match the one sent"))
        from ____ in Say("   the browser came back to the app with a code and the right state")
        from grant in AuthenticateWithCodeRequest.Create(s.ClientId, callback.Code, pkce.Verifier.Reveal()).ToAff()
        from response in client.SignInWithCode(grant).Complete(person)
        select unit;

    /// <summary>
    /// The browser: opens the authorization URL and reads the redirect back to the app. Anything else — an error
    /// answer, an OAuth error on the redirect, a redirect elsewhere (a sign-in page) — fails with what the server said.
    /// </summary>
    private static Aff<(string Code, string State)> Browse(Uri url, string redirectUri) =>
        AffMaybe<(string, string)>(async () =>
        {
            using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
            using var response = await browser.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            return Callback((int)response.StatusCode, response.ReasonPhrase ?? "", response.Headers.Location, body, redirectUri);
        });

    /// <summary>The code and state of a redirect back to <paramref name="redirectUri"/>, or an error quoting the server's answer.</summary>
    private static Fin<(string Code, string State)> Callback(int status, string reason, Uri? location, string body, string redirectUri)
    {
        if (status is < 300 or >= 400 || location is null)
            return FinFail<(string, string)>(Error.New($"authorize answered {status} {reason} instead of redirecting to {redirectUri}: {Explain(body)}"));
        var target = location.IsAbsoluteUri ? location : new Uri(new Uri(redirectUri), location);
        if (!target.GetLeftPart(UriPartial.Path).Equals(new Uri(redirectUri).GetLeftPart(UriPartial.Path), StringComparison.OrdinalIgnoreCase))
            return FinFail<(string, string)>(Error.New(
                $"authorize redirected to {target.GetLeftPart(UriPartial.Path)}, not to {redirectUri}: a sign-in page needs a person at a browser"));
        var query = HttpUtility.ParseQueryString(target.Query);
        return query["error"] is { Length: > 0 } error
            ? FinFail<(string, string)>(Error.New($"authorize redirected back with error {error}: {query["error_description"] ?? "(no description)"}"))
            : query["code"] is { Length: > 0 } code
                ? FinSucc((code, query["state"] ?? ""))
                : FinFail<(string, string)>(Error.New($"authorize redirected back to {redirectUri} without a code"));
    }

    /// <summary>The error code and description of an error body (OAuth or WorkOS shape), else the start of its text.</summary>
    private static string Explain(string body)
    {
        var parsed = Try(() =>
        {
            using var doc = JsonDocument.Parse(body);
            var o = doc.RootElement;
            string Field(string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
            var code = Field("error") is { Length: > 0 } e ? e : Field("code");
            var description = Field("error_description") is { Length: > 0 } d ? d : Field("message");
            return string.Join(": ", new[] { code, description }.Where(static x => x.Length > 0));
        }).ToOption().Filter(static x => x.Length > 0);
        return parsed.IfNone(() => body.Length == 0 ? "(empty body)" : body.Length <= 200 ? body : body[..200] + "…");
    }

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

    /// <summary>
    /// Deletes what the run created, newest first (memberships, then the user), and says so. It never fails: a
    /// deletion that does not work is reported and the others still run.
    /// </summary>
    private static Aff<Unit> Cleanup(Atom<Seq<Created>> created, string heading) =>
        from _ in Say(created.Value.IsEmpty ? $"{heading}: nothing was created" : heading)
        from __ in created.Value.Map(static c => c.Delete.Bind(_ => Say($"   deleted {c.What}"))
                | @catch(e => Say($"   could not delete {c.What}: {e.Message}")))
            .SequenceSerial()
        select unit;
}
