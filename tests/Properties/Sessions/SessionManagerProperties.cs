using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkOS.Functional.Sessions;

namespace WorkOS.Functional.Properties.Sessions;

/// <summary>
/// The verifier's key cache, the session state machine and the refresh coordinator over a scripted <see cref="HttpIO"/>
/// (no sockets): what is fetched and sent, how often, and what each answer becomes.
/// </summary>
public sealed class SessionManagerProperties
{
    private const string ClientId = "client_01";
    private const string UserJson = """{"object":"user","id":"user_01","email":"ana@example.com","email_verified":true,"created_at":"t","updated_at":"t"}""";
    private static readonly TestKey Key = new("key_live");
    private static readonly TestKey Rotated = new("key_next");
    private static readonly SealPasswords Passwords = T.Valid(SealPasswords.Create("session-manager-password-0123456789-abc"));

    public static string JwksJson(params TestKey[] keys) =>
        new JsonObject { ["keys"] = new JsonArray(keys.Select(static k => (JsonNode)new JsonObject
        {
            ["kty"] = "RSA", ["kid"] = k.Kid, ["use"] = "sig", ["alg"] = "RS256", ["x5t#S256"] = "ignored",
            ["n"] = k.Jwk().N.IfNone(""), ["e"] = k.Jwk().E.IfNone(""),
        }).ToArray()) }.ToJsonString();

    /// <summary>A scripted server: serves the JWKS of <see cref="Keys"/>, answers authenticate with <see cref="Grant"/>; records every request.</summary>
    private sealed class Server : HttpIO
    {
        public TestKey[] Keys = [Key];
        public bool JwksDown;
        public Func<HttpRequestSpec, Task<HttpResponseSpec>> Grant = _ => Task.FromResult(T.Json(500, "{}"));
        public readonly ConcurrentQueue<HttpRequestSpec> Requests = new();

        public int Count(string path) => Requests.Count(r => r.RenderPath() == path);

        public async ValueTask<HttpResponseSpec> Send(HttpRequestSpec request, CancellationToken ct)
        {
            Requests.Enqueue(request);
            return request.RenderPath().StartsWith("/sso/jwks/", StringComparison.Ordinal)
                ? JwksDown ? T.Json(503, "{}") : T.Json(200, JwksJson(Keys))
                : await Grant(request);
        }
    }

    private static (SessionManager Manager, Server Server, ManualClock Clock) Make(TimeSpan? retention = null)
    {
        var server = new Server();
        var clock = new ManualClock(Tokens.Now);
        var client = T.Valid(WorkOSClient.Create("sk_test_props", server));
        var verifier = T.Valid(AccessTokenVerifier.Create(client, ClientId, clock: clock));
        var manager = T.Valid(SessionManager.Create(client, ClientId, Passwords, verifier, new RefreshCoordinator(retention, clock)));
        return (manager, server, clock);
    }

    private static string Cookie(string accessToken, string refresh = "refresh_old") =>
        SessionSeal.Seal(SessionSealProperties.Session(access: accessToken, refresh: refresh), Passwords).Value;

    private static HttpResponseSpec Authenticated(string accessToken, string refresh = "refresh_new") =>
        T.Json(200, $$"""{"user":{{UserJson}},"organization_id":"org_01","access_token":"{{accessToken}}","refresh_token":"{{refresh}}","authentication_method":"Password"}""");

    // ------------------------------------------------------------------ the key cache

    [Fact]
    public async Task GetJWKS_is_a_GET_of_the_client_s_keys_without_the_API_key_and_decodes_the_set()
    {
        var server = new Server { Keys = [Key, Rotated] };
        var client = T.Valid(WorkOSClient.Create("sk_test_props", server));
        var jwks = (await client.GetJWKS(T.Valid(GetJWKSRequest.Create("client/01"))).Run()).ThrowIfFail();
        var sent = Assert.Single(server.Requests);
        Assert.Equal((HttpMethod.Get, "/sso/jwks/client%2F01"), (sent.Method, sent.RenderPath()));
        Assert.IsType<Auth.NoHeader>(sent.Auth);
        Assert.Equal(Seq(Some("key_live"), Some("key_next")), jwks.Keys.Map(static k => k.Kid));
        Assert.Equal(Some("ignored"), jwks.Keys.Head.X5tS256);
        Assert.Equal(Key.Jwk(), jwks.Keys.Head with { X5tS256 = None });
        Assert.True(T.SameSet(T.Fields(GetJWKSRequest.Create(" ")), "client_id"));
        Assert.True(T.SameSet(T.Fields(GetJWKSRequest.Create("..")), "client_id"));
        Assert.IsType<DecodeError>(Decode.Jwks(T.Json(200, "{}")).Swap().IfLeft(() => throw new Xunit.Sdk.XunitException("decoded")));
        Assert.IsType<DecodeError>(Decode.Jwks(T.Json(200, """{"keys":[{"kid":"k"}]}""")).Swap().IfLeft(() => throw new Xunit.Sdk.XunitException("decoded")));
        Assert.IsType<DecodeError>(Decode.Jwks(T.Json(200, "[]")).Swap().IfLeft(() => throw new Xunit.Sdk.XunitException("decoded")));
    }

    [Fact]
    public async Task Keys_are_fetched_once_then_once_more_for_a_rotated_kid_and_a_flood_of_unknown_kids_is_rate_limited()
    {
        var (manager, server, clock) = Make();
        var verifier = manager.Verifier;
        for (var i = 0; i < 3; i++) (await verifier.Verify(Key.Sign(Tokens.Claims())).Run()).ThrowIfFail();
        Assert.Equal(1, server.Count("/sso/jwks/client_01"));

        server.Keys = [Key, Rotated];
        clock.Advance(TimeSpan.FromMinutes(1));
        // The rotated kid is unknown, but the last fetch was 1 minute ago: no re-fetch within the 5-minute interval.
        var early = await verifier.Verify(Rotated.Sign(Tokens.Claims(iat: clock.GetUtcNow()))).Run();
        Assert.Equal(AccessTokenProblem.UnknownKey, ((InvalidAccessToken)early.Match(Succ: _ => throw new Xunit.Sdk.XunitException("verified"), Fail: e => e)).Problem);
        Assert.Equal(1, server.Count("/sso/jwks/client_01"));

        clock.Advance(TimeSpan.FromMinutes(5));
        (await verifier.Verify(Rotated.Sign(Tokens.Claims(iat: clock.GetUtcNow()))).Run()).ThrowIfFail();
        Assert.Equal(2, server.Count("/sso/jwks/client_01"));

        for (var i = 0; i < 50; i++)
            Assert.True((await verifier.Verify(Key.Sign(Tokens.Claims(iat: clock.GetUtcNow()), kid: $"key_bogus_{i}")).Run()).IsFail);
        Assert.Equal(2, server.Count("/sso/jwks/client_01"));
        Assert.Equal(2, verifier.KeySetFetches);
    }

    [Fact]
    public async Task A_key_set_that_cannot_be_fetched_fails_with_the_fetch_s_error_not_as_an_invalid_token()
    {
        var client = T.Valid(WorkOSClient.Create("sk_test_props", new FuncHttpIO(_ => T.Json(503, "{}"))));
        var verifier = T.Valid(AccessTokenVerifier.Create(client, ClientId));
        var e = (await verifier.Verify(Key.Sign(Tokens.Claims())).Run()).Match(Succ: _ => throw new Xunit.Sdk.XunitException("verified"), Fail: e => e);
        Assert.Equal(503, Assert.IsType<ApiError>(e).Status);
    }

    [Fact]
    public void Verifier_settings_are_validated_all_at_once() =>
        Assert.True(T.SameSet(T.Fields(AccessTokenVerifier.Create(_ => FailAff<Jwks>(Error.New("x")), TimeSpan.FromSeconds(-1), " ", TimeSpan.FromSeconds(-1))),
            "clock_skew", "issuer", "min_refetch_interval"));

    // ------------------------------------------------------------------ Authenticate

    private static async Task<SessionState> Judge(SessionManager m, string? cookie) => (await m.Authenticate(cookie).Run()).ThrowIfFail();

    [Fact]
    public async Task No_cookie_a_bad_cookie_and_a_forged_token_are_invalid_with_the_Node_SDK_s_reasons()
    {
        var (m, _, _) = Make();
        Assert.Equal(InvalidSessionReason.NoSessionCookieProvided, Assert.IsType<Invalid>(await Judge(m, null)).Reason);
        Assert.Equal(InvalidSessionReason.NoSessionCookieProvided, Assert.IsType<Invalid>(await Judge(m, "")).Reason);
        Assert.Equal(InvalidSessionReason.InvalidSessionCookie, Assert.IsType<Invalid>(await Judge(m, "Fe26.2*1*junk~2")).Reason);
        using var forger = new TestKey("key_live");
        var forged = Assert.IsType<Invalid>(await Judge(m, Cookie(forger.Sign(Tokens.Claims()))));
        Assert.Equal(InvalidSessionReason.InvalidJwt, forged.Reason);
        Assert.Equal("invalid_jwt", forged.Reason.Value);
        Assert.IsType<InvalidAccessToken>(forged.Cause.IfNone(() => throw new Xunit.Sdk.XunitException("no cause")));
    }

    [Theory]
    [InlineData(5, 269, true)]     // lives 5 min: 30 s buffer
    [InlineData(5, 270, false)]
    [InlineData(60, 3539, true)]   // lives 1 h: 60 s buffer
    [InlineData(60, 3540, false)]
    [InlineData(60, 7200, false)]  // long expired: still a refresh, the token is authentic
    public async Task A_token_is_authenticated_until_its_refresh_buffer_then_needs_refresh(int lifetimeMinutes, int secondsLater, bool authenticated)
    {
        var (m, _, clock) = Make();
        var cookie = Cookie(Key.Sign(Tokens.Claims(lifetime: TimeSpan.FromMinutes(lifetimeMinutes))));
        clock.Advance(TimeSpan.FromSeconds(secondsLater));
        var state = await Judge(m, cookie);
        Assert.Equal(authenticated, state is Authenticated);
        Assert.Equal(!authenticated, state is NeedsRefresh);
        var claims = state.Match(a => a.Claims, n => n.Claims, _ => throw new Xunit.Sdk.XunitException("invalid"));
        Assert.Equal(Some("session_01"), claims.SessionId);
    }

    // ------------------------------------------------------------------ Refresh

    [Fact]
    public async Task Refresh_sends_the_refresh_token_and_the_token_s_organization_and_seals_the_new_session()
    {
        var (m, server, _) = Make();
        var newToken = Key.Sign(Tokens.Claims(sid: "session_01", org: "org_01"));
        server.Grant = _ => Task.FromResult(Authenticated(newToken));
        var old = SessionSealProperties.Session(access: Key.Sign(Tokens.Claims(org: "org_01")), refresh: "refresh_old", org: None);

        var refreshed = Assert.IsType<Refreshed>((await m.Refresh(old).Run()).ThrowIfFail());
        var body = JsonDocument.Parse(T.Body(server.Requests.Single(r => r.RenderPath() == "/user_management/authenticate"))).RootElement;
        Assert.Equal(("refresh_token", "refresh_old", "org_01"),
            (body.GetProperty("grant_type").GetString(), body.GetProperty("refresh_token").GetString(), body.GetProperty("organization_id").GetString()));

        var reopened = T.Valid(SessionSeal.Unseal(refreshed.Cookie.Value, Passwords, Tokens.Now));
        Assert.Equal(("refresh_new", newToken, Some("org_01")), (reopened.RefreshToken.Reveal(), reopened.AccessToken.Reveal(), reopened.OrganizationId));
        Assert.IsType<Authenticated>(await Judge(m, refreshed.Cookie.Value));
    }

    [Theory]
    [InlineData(400, """{"error":"invalid_grant","error_description":"Refresh token already exchanged."}""", true)]
    [InlineData(401, """{"error":"invalid_client"}""", true)]
    [InlineData(403, """{"code":"mfa_enrollment","message":"m","pending_authentication_token":"p","user":""" + UserJson + "}", true)]
    [InlineData(429, """{"message":"slow down"}""", false)]
    [InlineData(500, """{"message":"oops"}""", false)]
    [InlineData(503, "<html>down</html>", false)]
    [InlineData(200, "<html>proxy</html>", false)]
    public async Task Refresh_failures_are_terminal_or_transient(int status, string body, bool terminal)
    {
        var (m, server, _) = Make();
        server.Grant = _ => Task.FromResult(T.Json(status, body));
        var result = (await m.Refresh(SessionSealProperties.Session(access: Key.Sign(Tokens.Claims()))).Run()).ThrowIfFail();
        Assert.Equal(terminal, result is SignInAgain);
        Assert.Equal(!terminal, result is TryLater);
    }

    [Fact]
    public async Task A_refresh_keeps_the_new_session_when_the_key_set_is_down_but_refuses_a_forged_new_token()
    {
        var (m, server, _) = Make();
        server.JwksDown = true;
        server.Grant = _ => Task.FromResult(Authenticated(Key.Sign(Tokens.Claims(sid: "session_new"))));
        var session = SessionSealProperties.Session(access: Key.Sign(Tokens.Claims()));
        var ok = Assert.IsType<Refreshed>((await m.Refresh(session).Run()).ThrowIfFail());
        Assert.Equal(Some("session_new"), ok.Claims.SessionId);
        Assert.DoesNotContain("refresh_new", ok.ToString());
        Assert.DoesNotContain(ok.Cookie.Value, ok.ToString());

        var (m2, server2, _) = Make();
        using var forger = new TestKey("key_live");
        server2.Grant = _ => Task.FromResult(Authenticated(forger.Sign(Tokens.Claims())));
        var refused = Assert.IsType<SignInAgain>((await m2.Refresh(session).Run()).ThrowIfFail());
        Assert.IsType<InvalidAccessToken>(refused.Cause);
    }

    [Fact]
    public async Task Concurrent_refreshes_of_one_session_share_one_grant_and_its_result()
    {
        var (m, server, _) = Make();
        var release = new TaskCompletionSource<HttpResponseSpec>(TaskCreationOptions.RunContinuationsAsynchronously);
        var grants = 0;
        server.Grant = _ => { Interlocked.Increment(ref grants); return release.Task; };
        var session = SessionSealProperties.Session(access: Key.Sign(Tokens.Claims()));

        var calls = Enumerable.Range(0, 20).Select(_ => m.Refresh(session).Run().AsTask()).ToArray();
        await Task.Delay(50);
        release.SetResult(Authenticated(Key.Sign(Tokens.Claims(sid: "session_01"))));
        var results = (await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10))).Select(static f => f.ThrowIfFail()).ToArray();

        Assert.Equal(1, grants);
        var first = Assert.IsType<Refreshed>(results[0]);
        Assert.All(results, r => Assert.Same(first, r));

        // A late caller with the old cookie, within the retention, gets the same session; another session refreshes on its own.
        Assert.Same(first, (await m.Refresh(session).Run()).ThrowIfFail());
        Assert.Equal(1, grants);
        Assert.Equal(1, m.Coordinator.RefreshesStarted);
    }

    [Fact]
    public async Task Transient_failures_are_not_kept_and_results_expire_after_the_retention()
    {
        var (m, server, clock) = Make(TimeSpan.FromSeconds(30));
        var grants = 0;
        server.Grant = _ => Task.FromResult(Interlocked.Increment(ref grants) == 1 ? T.Json(503, "{}") : Authenticated(Key.Sign(Tokens.Claims())));
        var session = SessionSealProperties.Session(access: Key.Sign(Tokens.Claims()));

        Assert.IsType<TryLater>((await m.Refresh(session).Run()).ThrowIfFail());
        var ok = Assert.IsType<Refreshed>((await m.Refresh(session).Run()).ThrowIfFail());
        Assert.Same(ok, (await m.Refresh(session).Run()).ThrowIfFail());
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.NotSame(ok, (await m.Refresh(session).Run()).ThrowIfFail());
        Assert.Equal(3, grants);
    }

    [Fact]
    public async Task Switching_organization_refreshes_into_it_and_a_blank_one_sends_nothing()
    {
        var (m, server, _) = Make();
        server.Grant = _ => Task.FromResult(Authenticated(Key.Sign(Tokens.Claims(org: "org_02"))));
        var session = SessionSealProperties.Session(access: Key.Sign(Tokens.Claims(org: "org_01")));

        var r = Assert.IsType<Refreshed>((await m.SwitchOrganization(session, "org_02").Run()).ThrowIfFail());
        Assert.Equal(Some("org_02"), r.Claims.OrganizationId);
        Assert.Equal(Some("org_02"), r.Session.OrganizationId);
        Assert.Equal("org_02", JsonDocument.Parse(T.Body(server.Requests.Last(r => r.RenderPath() == "/user_management/authenticate"))).RootElement.GetProperty("organization_id").GetString());

        var count = server.Requests.Count;
        Assert.IsType<InvalidRequest>((await m.SwitchOrganization(session, " ").Run()).Match(Succ: _ => throw new Xunit.Sdk.XunitException("ran"), Fail: e => e));
        Assert.Equal(count, server.Requests.Count);
    }

    [Fact]
    public void The_logout_URL_carries_the_session_s_sid()
    {
        var (m, _, _) = Make();
        var claims = T.Valid(AccessTokens.VerifySignature(Key.Sign(Tokens.Claims(sid: "session_9")), Tokens.Set(Key)));
        Assert.Equal("https://api.workos.com/user_management/sessions/logout?return_to=https%3A%2F%2Fapp.example%2F&session_id=session_9",
            T.Valid(m.GetLogoutURL(claims, "https://app.example/")).AbsoluteUri);
        var noSid = T.Valid(AccessTokens.VerifySignature(Key.Sign(Tokens.Claims(sid: null)), Tokens.Set(Key)));
        Assert.True(T.SameSet(T.Fields(m.GetLogoutURL(noSid)), "session_id"));
    }

    [Fact]
    public void Nothing_prints_a_password_or_token()
    {
        var (m, _, _) = Make();
        Assert.DoesNotContain("session-manager-password", m.ToString());
        Assert.DoesNotContain("session-manager-password", m.Passwords.ToString());
    }
}
