using System.Net.Http.Json;
using System.Text.RegularExpressions;
using WorkOS.Functional.Integration.Support;
using WorkOS.Functional.Sessions;
using WorkOS.Functional.Quickstart;

namespace WorkOS.Functional.Integration;

/// <summary>
/// The README's code, compiled here and run against the emulator. A test checks that the README shows
/// each region below verbatim, so the README cannot drift from code that compiles and works.
/// </summary>
public static class ReadmeExamples
{
    // <readme:basics>
    public static Aff<string> CreateAndFetch(WorkOSClient client) =>
        from request in CreateUserRequest.Create("ana@example.com", password: "S3cure!pass-42", firstName: "Ana").ToAff()
        from created in client.CreateUser(request)
        from get in GetUserRequest.Create(created.Id).ToAff()
        from user in client.GetUser(get)
        select $"{user.Id} {user.Email}";
    // </readme:basics>

    // <readme:signin>
    public static Aff<AuthenticateResponse> SignIn(WorkOSClient client, string clientId, string email, string password,
        Func<string, Aff<string>> ask) =>
        from request in AuthenticateWithPasswordRequest.Create(clientId, email, password).ToAff()
        from session in client.SignInWithPassword(request).Complete(new SignInHandlers
        {
            EmailVerificationCode = step => ask($"Enter the code we sent to {step.Email}"),
            TotpCode = totp => ask(totp.Enrolled.IsSome ? "Scan the QR code, then enter a code" : "Enter your authenticator code"),
            ChooseOrganization = step => SuccessAff(step.Organizations.Head),
        })
        select session;
    // </readme:signin>

    // <readme:recover>
    public static Aff<Option<User>> FindUser(WorkOSClient client, string userId) =>
        from request in GetUserRequest.Create(userId).ToAff()
        from user in client.GetUser(request).Map(Some)
            | @catchOf<ApiError, Option<User>>(e => e.Status == 404 ? SuccessAff(Option<User>.None) : FailAff<Option<User>>(e))
        select user;
    // </readme:recover>

    // <readme:sessions-setup>
    public static Either<Error, SessionManager> MakeSessions(WorkOSClient client, string clientId, string cookiePassword) =>
        from verifier in AccessTokenVerifier.Create(client, clientId, clockSkew: TimeSpan.FromSeconds(30))
        from passwords in SealPasswords.Create(cookiePassword)          // >= 32 characters; the Node SDK's password ID "1"
        from sessions in SessionManager.Create(client, clientId, passwords, verifier)
        select sessions;                                                 // keep one: it owns the key cache and the refresh coordinator
    // </readme:sessions-setup>

    // <readme:verify>
    public static Aff<string> WhoIsCalling(AccessTokenVerifier verifier, string? authorization) =>
        from token in Optional(authorization).Filter(h => h.StartsWith("Bearer ", StringComparison.Ordinal))
            .ToAff(Error.New(401, "no bearer token"))
        from claims in verifier.Verify(token["Bearer ".Length..])       // InvalidAccessToken on any problem, never an exception
        select $"{claims.Subject} in {claims.OrganizationId.IfNone("no organization")} as {claims.Role.IfNone("no role")}";
    // </readme:verify>

    // <readme:cookie>
    public static Aff<SealedSession> SignInToCookie(WorkOSClient client, SessionManager sessions, string clientId, string email, string password) =>
        from request in AuthenticateWithPasswordRequest.Create(clientId, email, password).ToAff()
        from response in client.AuthenticateWithPassword(request)
        select sessions.Seal(response);                                 // Set-Cookie: wos-session=<Value>; HttpOnly; Secure; SameSite=Lax

    /// <summary>The user of a request, and the cookie to send back when it changed (None: leave it; Some("") would clear it).</summary>
    public static Aff<(Option<User> User, Option<string> SetCookie)> LoadSession(SessionManager sessions, string? cookie) =>
        from state in sessions.Authenticate(cookie)
        from result in state.Match(
            authenticated: a => SuccessAff((Some(a.Session.User), Option<string>.None)),
            needsRefresh: n => sessions.Refresh(n.Session).Map(r => r.Match(
                refreshed: ok => (Some(ok.Session.User), Some(ok.Cookie.Value)),       // re-sealed: send the new cookie
                signInAgain: _ => (Option<User>.None, Some("")),                         // refresh token spent or refused: clear it
                tryLater: _ => (Option<User>.None, Option<string>.None))),               // 429, 5xx, network: keep it, try later
            invalid: _ => SuccessAff((Option<User>.None, Option<string>.None)))
        select result;
    // </readme:cookie>

    // <readme:device>
    public static Aff<AuthenticateResponse> SignInFromCli(WorkOSClient client, string clientId, DevicePollOptions? polling = null) =>
        from request in CreateDeviceRequest.Create(clientId).ToAff()
        from session in client.SignInWithDevice(request,
            show: device => Eff(() => { Console.WriteLine($"Open {device.VerificationUri} and enter {device.UserCode}"); return unit; }).ToAff(),
            polling)
        select session;
    // </readme:device>
}

public sealed class ReadmeExampleTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("basics")]
    [InlineData("signin")]
    [InlineData("recover")]
    [InlineData("sessions-setup")]
    [InlineData("verify")]
    [InlineData("cookie")]
    [InlineData("device")]
    public void The_README_shows_the_compiled_example_verbatim(string region)
        => Repository.AssertReadmeShows("ReadmeExamples.cs", region);

    [Fact]
    public async Task The_basics_example_runs()
    {
        var text = await Run.Succ(ReadmeExamples.CreateAndFetch(emu.Client));
        Assert.EndsWith(" ana@example.com", text);
    }

    [Fact]
    public async Task The_sign_in_example_runs_through_chained_step_ups()
    {
        var asked = new List<string>();
        Aff<string> Ask(string prompt)
        {
            asked.Add(prompt);
            return prompt.StartsWith("Enter the code we sent", StringComparison.Ordinal)
                ? Aff(async () => (await Emulator.EmulatorBackdoor.LatestEmailVerification(emu, "user_chain")).Code)
                : SuccessAff(Totp.Code("KRSXG5CTMVRXEZLU", emu.Clock.GetUtcNow()));
        }

        var session = await Run.Succ(ReadmeExamples.SignIn(emu.Client, emu.ClientId, "chain@example.com", "correct-horse-1", Ask));
        Assert.Equal("user_chain", session.User.Id);
        Assert.Equal(new[] { "Enter the code we sent to chain@example.com", "Enter your authenticator code" }, asked);
        Assert.True(session.OrganizationId.IsSome);
    }

    [Fact]
    public async Task The_recovery_example_turns_404_into_None()
    {
        Assert.Equal(Option<User>.None, await Run.Succ(ReadmeExamples.FindUser(emu.Client, "user_nobody")));
        Assert.True((await Run.Succ(ReadmeExamples.FindUser(emu.Client, "user_plain"))).IsSome);
    }

    [Fact]
    public async Task The_session_examples_verify_a_bearer_token_and_load_refresh_and_reseal_a_cookie()
    {
        var sessions = Run.Valid(ReadmeExamples.MakeSessions(emu.Client, emu.ClientId, "readme-cookie-password-0123456789-abcdef"));
        var cookie = await Run.Succ(ReadmeExamples.SignInToCookie(emu.Client, sessions, emu.ClientId, "plain@example.com", "correct-horse-1"));
        var session = Run.Valid(SessionSeal.Unseal(cookie.Value, sessions.Passwords, emu.Clock.GetUtcNow()));

        Assert.StartsWith("user_plain in ", await Run.Succ(ReadmeExamples.WhoIsCalling(sessions.Verifier, $"Bearer {session.AccessToken.Reveal()}")));
        Assert.IsType<InvalidAccessToken>(await Run.Fail(ReadmeExamples.WhoIsCalling(sessions.Verifier, "Bearer x.y.z")));
        Assert.Equal(401, (await Run.Fail(ReadmeExamples.WhoIsCalling(sessions.Verifier, null))).Code);

        var (user, setCookie) = await Run.Succ(ReadmeExamples.LoadSession(sessions, cookie.Value));
        Assert.Equal(("user_plain", Option<string>.None), (user.Map(static u => u.Id).IfNone(""), setCookie));

        // Past the token's life, loading refreshes and re-seals: the verifier judges time by the emulator's clock.
        var later = Run.Valid(SessionManager.Create(emu.Client, emu.ClientId, sessions.Passwords,
            Run.Valid(AccessTokenVerifier.Create(emu.Client, emu.ClientId, clock: emu.Clock))));
        emu.Clock.Advance(TimeSpan.FromMinutes(6));
        var (refreshedUser, newCookie) = await Run.Succ(ReadmeExamples.LoadSession(later, cookie.Value));
        Assert.Equal("user_plain", refreshedUser.Map(static u => u.Id).IfNone(""));
        Assert.IsType<Authenticated>(await Run.Succ(later.Authenticate(newCookie.IfNone(""))));
        Assert.Equal((Option<User>.None, Option<string>.None), await Run.Succ(ReadmeExamples.LoadSession(later, null)));
    }

    [Fact]
    public async Task The_device_flow_example_signs_in_once_the_person_approves()
    {
        var user = await Run.Succ(emu.Client.CreateUser(Run.Valid(CreateUserRequest.Create(EmulatorFixture.NewEmail("readme-cli"), emailVerified: true))));
        using var backdoor = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var shown = new StringWriter();
        // The person reads the code the CLI printed and approves it (as on the verification page) while the CLI waits.
        var polling = new DevicePollOptions
        {
            Clock = emu.Clock,
            Delay = (wait, _) => Aff(async () =>
            {
                emu.Clock.Advance(wait);
                var code = Regex.Match(shown.ToString(), "[A-Z]{4}-[A-Z]{4}").Value;
                using var approved = await backdoor.PostAsJsonAsync(new Uri(emu.Emulator.BaseUrl, "_emulate/device/approve"), new { user_code = code, user_id = user.Id });
                approved.EnsureSuccessStatusCode();
                return unit;
            }),
        };
        var original = Console.Out;
        Console.SetOut(shown);
        try
        {
            var session = await Run.Succ(ReadmeExamples.SignInFromCli(emu.Client, emu.ClientId, polling));
            Assert.Equal(user.Id, session.User.Id);
        }
        finally
        {
            Console.SetOut(original);
        }
        Assert.Matches(@"^Open http://127\.0\.0\.1:\d+/device and enter [A-Z]{4}-[A-Z]{4}", shown.ToString());
    }
}
