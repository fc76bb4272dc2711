using System.Text;
using WorkOS.Functional.Integration.Support;
using WorkOS.Functional.Sessions;

namespace WorkOS.Functional.Integration.Emulator;

/// <summary>
/// The session machinery end to end over loopback HTTP against the emulator: tokens the emulator signs verify against
/// its JWKS, a sealed sign-in authenticates, the emulator's clock drives it to NeedsRefresh, and 50 concurrent
/// refreshes of one session send exactly one refresh_token grant.
/// </summary>
public sealed class SessionManagerOnEmulatorTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private const string CookiePassword = "emulator-cookie-password-0123456789-abc";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Counts the refresh_token grants that leave the client, by reading each authenticate body on the way out.</summary>
    private sealed class GrantCounter() : DelegatingHandler(new HttpClientHandler())
    {
        public int RefreshGrants;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.RequestUri!.AbsolutePath == "/user_management/authenticate" && request.Content is not null)
            {
                var body = await request.Content.ReadAsStringAsync(ct);
                if (body.Contains("\"grant_type\":\"refresh_token\"", StringComparison.Ordinal)) Interlocked.Increment(ref RefreshGrants);
            }
            return await base.SendAsync(request, ct);
        }
    }

    private (SessionManager Sessions, GrantCounter Counter, WorkOSClient Client) Make(TimeSpan? retention = null)
    {
        var counter = new GrantCounter();
        var client = Run.Valid(WorkOSClient.Create(emu.Emulator.ApiKey, emu.Emulator.BaseUrl.ToString(), new HttpClient(counter) { Timeout = Limit }));
        var verifier = Run.Valid(AccessTokenVerifier.Create(client, emu.ClientId, clock: emu.Clock));
        var sessions = Run.Valid(SessionManager.Create(client, emu.ClientId, Run.Valid(SealPasswords.Create(CookiePassword)), verifier,
            new RefreshCoordinator(retention, emu.Clock)));
        return (sessions, counter, client);
    }

    private async Task<AuthenticateResponse> SignIn(WorkOSClient client, string email = "plain@example.com") =>
        await Run.Succ(
            from request in AuthenticateWithPasswordRequest.Create(emu.ClientId, email, "correct-horse-1").ToAff()
            from response in client.AuthenticateWithPassword(request)
            select response).WaitAsync(Limit);

    [Fact]
    public async Task The_emulator_s_access_token_verifies_against_its_JWKS_and_a_tampered_one_does_not()
    {
        var (sessions, _, client) = Make();
        var signedIn = await SignIn(client);
        var claims = await Run.Succ(sessions.Verifier.Verify(signedIn.AccessToken.Reveal())).WaitAsync(Limit);
        Assert.Equal("user_plain", claims.Subject);
        Assert.StartsWith("session_", claims.SessionId.IfNone(""));

        var parts = signedIn.AccessToken.Reveal().Split('.');
        var forged = $"{parts[0]}.{Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"sub":"user_multi","exp":9999999999}""")).TrimEnd('=')}.{parts[2]}";
        var e = Assert.IsType<InvalidAccessToken>(await Run.Fail(sessions.Verifier.Verify(forged)).WaitAsync(Limit));
        Assert.Equal(AccessTokenProblem.BadSignature, e.Problem);
        Assert.Equal(1, sessions.Verifier.KeySetFetches);
    }

    [Fact]
    public async Task A_sealed_sign_in_authenticates_then_needs_refresh_then_refreshes_into_a_new_cookie()
    {
        var (sessions, counter, client) = Make();
        var cookie = sessions.Seal(await SignIn(client)).Value;

        var fresh = Assert.IsType<Authenticated>(await Run.Succ(sessions.Authenticate(cookie)).WaitAsync(Limit));
        Assert.Equal("user_plain", fresh.Claims.Subject);

        emu.Clock.Advance(TimeSpan.FromMinutes(5));
        var stale = Assert.IsType<NeedsRefresh>(await Run.Succ(sessions.Authenticate(cookie)).WaitAsync(Limit));
        var refreshed = Assert.IsType<Refreshed>(await Run.Succ(sessions.Refresh(stale.Session)).WaitAsync(Limit));
        Assert.Equal(1, counter.RefreshGrants);
        Assert.Equal(fresh.Claims.SessionId, refreshed.Claims.SessionId);
        Assert.IsType<Authenticated>(await Run.Succ(sessions.Authenticate(refreshed.Cookie.Value)).WaitAsync(Limit));

        // The old cookie's refresh token is spent: without the coordinator's memory, the server refuses it for good.
        var (forgetful, _, _) = Make(TimeSpan.Zero);
        var spent = Assert.IsType<SignInAgain>(await Run.Succ(forgetful.Refresh(stale.Session)).WaitAsync(Limit));
        Assert.Equal("invalid_grant", Assert.IsType<ApiError>(spent.Cause).ErrorCode);

        var logout = Run.Valid(sessions.GetLogoutURL(refreshed.Claims, "https://app.example/"));
        Assert.Contains($"session_id={refreshed.Claims.SessionId.IfNone("")}", logout.Query);
    }

    [Fact]
    public async Task Fifty_concurrent_refreshes_of_one_session_send_one_refresh_token_grant_and_all_get_the_same_new_session()
    {
        var (sessions, counter, client) = Make();
        var cookie = sessions.Seal(await SignIn(client)).Value;
        emu.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.IsType<NeedsRefresh>(await Run.Succ(sessions.Authenticate(cookie)).WaitAsync(Limit)); // also warms the key cache

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var state = await Run.Succ(sessions.Authenticate(cookie));
            return await Run.Succ(sessions.Refresh(Assert.IsType<NeedsRefresh>(state).Session));
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(requests).WaitAsync(Limit);

        Assert.Equal(1, counter.RefreshGrants);
        var cookies = results.Select(r => Assert.IsType<Refreshed>(r).Cookie.Value).Distinct().ToList();
        Assert.Single(cookies);
        Assert.IsType<Authenticated>(await Run.Succ(sessions.Authenticate(cookies[0])).WaitAsync(Limit));
    }

    [Fact]
    public async Task Switching_organization_refreshes_the_session_into_the_other_organization()
    {
        var (sessions, _, client) = Make();
        var step = Assert.IsType<SelectOrganizationStep>(await Run.Succ(
            client.SignInWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create(emu.ClientId, "multi@example.com", "correct-horse-1")))).WaitAsync(Limit));
        var acme = Assert.IsType<SignedIn>(await Run.Succ(step.Select(step.Organizations.Find(o => o.Id == "org_acme").IfNone(() => throw new Xunit.Sdk.XunitException("no acme")))).WaitAsync(Limit));
        var cookie = sessions.Seal(acme.Response).Value;
        var state = Assert.IsType<Authenticated>(await Run.Succ(sessions.Authenticate(cookie)).WaitAsync(Limit));
        Assert.Equal(Some("org_acme"), state.Claims.OrganizationId);

        var globex = Assert.IsType<Refreshed>(await Run.Succ(sessions.SwitchOrganization(state.Session, "org_globex")).WaitAsync(Limit));
        Assert.Equal(Some("org_globex"), globex.Claims.OrganizationId);
        Assert.Equal(Some("org_globex"), globex.Session.OrganizationId);

        var refused = Assert.IsType<SignInAgain>(await Run.Succ(sessions.SwitchOrganization(globex.Session, "org_sso")).WaitAsync(Limit));
        Assert.Equal(400, Assert.IsType<ApiError>(refused.Cause).Status);
    }
}
