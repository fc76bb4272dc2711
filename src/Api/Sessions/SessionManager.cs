namespace WorkOS.Functional.Sessions;

/// <summary>
/// Session cookies as a small state machine, interoperable with WorkOS's Node SDK:
/// <see cref="Seal"/> a sign-in into a cookie, <see cref="Authenticate"/> a cookie into a <see cref="SessionState"/>,
/// <see cref="Refresh"/> (once per session, through the <see cref="RefreshCoordinator"/>) into a
/// <see cref="RefreshResult"/>, <see cref="SwitchOrganization"/>, and <see cref="GetLogoutURL"/> from the <c>sid</c>.
/// A value with no static state: make one per client ID and keep it (a singleton in DI).
/// </summary>
public sealed class SessionManager
{
    private readonly WorkOSClient client;

    private SessionManager(WorkOSClient client, string clientId, SealPasswords passwords, AccessTokenVerifier verifier, RefreshCoordinator coordinator) =>
        (this.client, ClientId, Passwords, Verifier, Coordinator) = (client, clientId, passwords, verifier, coordinator);

    /// <summary>The WorkOS client ID.</summary>
    public string ClientId { get; }

    /// <summary>The cookie passwords.</summary>
    public SealPasswords Passwords { get; }

    /// <summary>The verifier of access tokens (its clock is this manager's clock).</summary>
    public AccessTokenVerifier Verifier { get; }

    /// <summary>The single-flight coordinator of refreshes.</summary>
    public RefreshCoordinator Coordinator { get; }

    /// <summary>Makes a manager.</summary>
    /// <param name="client">The client that refreshes (and fetches the JWKS).</param>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="passwords">The cookie passwords (<see cref="SealPasswords.Create(string?)"/>).</param>
    /// <param name="verifier">The access-token verifier; default one for <paramref name="clientId"/> with the default settings.</param>
    /// <param name="coordinator">The refresh coordinator; default a new one owned by this manager.</param>
    /// <returns>The manager, or an <see cref="InvalidRequest"/>.</returns>
    public static Either<Error, SessionManager> Create(WorkOSClient client, string? clientId, SealPasswords passwords,
        AccessTokenVerifier? verifier = null, RefreshCoordinator? coordinator = null) =>
        from id in Rules.Required("client_id", clientId).ToRequest()
        from v in verifier is null ? AccessTokenVerifier.Create(client, id) : Right<Error, AccessTokenVerifier>(verifier)
        select new SessionManager(client, id, passwords, v, coordinator ?? new RefreshCoordinator(clock: v.Clock));

    /// <summary>The refresh buffer for a token: 30 s when it lives 5 minutes or less, else (or when unknown) 60 s.</summary>
    /// <param name="claims">The token's claims.</param>
    public static TimeSpan RefreshBuffer(AccessTokenClaims claims) =>
        claims.Lifetime.Exists(static l => l <= TimeSpan.FromMinutes(5)) ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(60);

    /// <summary>Seals the session of a sign-in (any authenticate grant) into a cookie value.</summary>
    /// <param name="response">The authentication.</param>
    public SealedSession Seal(AuthenticateResponse response) => SessionSeal.Seal(SessionData.From(response), Passwords);

    /// <summary>
    /// What a cookie is worth. No cookie: <see cref="InvalidSessionReason.NoSessionCookieProvided"/>; a cookie that does
    /// not unseal: <see cref="InvalidSessionReason.InvalidSessionCookie"/>; an access token that is not authentic
    /// (algorithm, key, signature, issuer, <c>nbf</c>/<c>iat</c>): <see cref="InvalidSessionReason.InvalidJwt"/>; an
    /// authentic one expired or within the refresh buffer: <see cref="NeedsRefresh"/>; else <see cref="Authenticated"/>.
    /// The effect fails only when the key set cannot be fetched (with that fetch's error: try again later).
    /// </summary>
    /// <param name="cookie">The cookie value, or <c>null</c> when the request had none.</param>
    /// <param name="ct">Cancels a key-set fetch.</param>
    public Aff<SessionState> Authenticate(string? cookie, CancellationToken ct = default) =>
        string.IsNullOrEmpty(cookie)
            ? SuccessAff<SessionState>(new Invalid(InvalidSessionReason.NoSessionCookieProvided, None))
            : SessionSeal.Unseal(cookie, Passwords, Verifier.Clock.GetUtcNow()).Match(
                Left: e => SuccessAff<SessionState>(new Invalid(InvalidSessionReason.InvalidSessionCookie, Some(e))),
                Right: session => Judge(session, ct));

    private Aff<SessionState> Judge(SessionData session, CancellationToken ct) =>
        Verifier.VerifySignature(session.AccessToken.Reveal(), ct)
            .Bind(claims => Classify(claims, session).ToAff())
            | @catchOf<InvalidAccessToken, SessionState>(e => SuccessAff<SessionState>(new Invalid(InvalidSessionReason.InvalidJwt, Some<Error>(e))));

    private Either<Error, SessionState> Classify(AccessTokenClaims claims, SessionData session)
    {
        var now = Verifier.Clock.GetUtcNow();
        return
            from _ in AccessTokens.CheckIssuer(claims, Verifier.Issuer)
            from state in now >= claims.ExpiresAt - RefreshBuffer(claims)
                ? Right<Error, SessionState>(new NeedsRefresh(claims, session))
                : AccessTokens.CheckTimes(claims, now, Verifier.ClockSkew).Map(_ => (SessionState)new Authenticated(claims, session))
            select state;
    }

    /// <summary>
    /// Refreshes a session (grant <c>refresh_token</c>) into a new sealed cookie, keeping the organization of its
    /// access token unless <paramref name="organizationId"/> is given. Concurrent refreshes of one session share one
    /// grant and its result (see <see cref="RefreshCoordinator"/>). Never fails: failures are <see cref="SignInAgain"/>
    /// or <see cref="TryLater"/> (see <see cref="RefreshResult.Classify"/>).
    /// </summary>
    /// <param name="session">The session, e.g. <see cref="NeedsRefresh.Session"/>.</param>
    /// <param name="organizationId">The organization to switch to; default the current one.</param>
    /// <param name="ct">Stops this caller's wait; a shared refresh runs on for the others.</param>
    public Aff<RefreshResult> Refresh(SessionData session, string? organizationId = null, CancellationToken ct = default)
    {
        var org = Rules.Optional(organizationId)
            || AccessTokens.ReadUnverified(session.AccessToken.Reveal()).ToOption().Bind(static c => c.OrganizationId)
            || session.OrganizationId;
        return Coordinator.Run(RefreshCoordinator.Key(session.RefreshToken, org), () => RefreshOnce(session, org), ct);
    }

    private Aff<RefreshResult> RefreshOnce(SessionData session, Option<string> org) =>
        from request in AuthenticateWithRefreshTokenRequest.Create(ClientId, session.RefreshToken, org.IfNoneUnsafe((string?)null)).ToAff()
        from response in client.AuthenticateWithRefreshToken(request)
        from claims in NewTokenClaims(response.AccessToken.Reveal())
        let data = SessionData.From(response)
        select (RefreshResult)new Refreshed(SessionSeal.Seal(data, Passwords), data, claims);

    /// <summary>
    /// The claims of a token the refresh grant just answered. A token that is not authentic fails (terminal). When the
    /// key set cannot be fetched, the claims are read without verification (as the Node SDK always does): the refresh
    /// token is already spent, and failing now would lose the new session the server just issued over TLS.
    /// </summary>
    private Aff<AccessTokenClaims> NewTokenClaims(string token) =>
        Verifier.VerifySignature(token, CancellationToken.None)
            .Catch(e => e is InvalidAccessToken ? FailAff<AccessTokenClaims>(e) : AccessTokens.ReadUnverified(token).ToAff());

    /// <summary>
    /// Switches the session to another organization of the user: a refresh with <c>organization_id</c>, with the
    /// outcomes of <see cref="Refresh"/>. A blank <paramref name="organizationId"/> fails the effect with an
    /// <see cref="InvalidRequest"/> (nothing is sent, the session is untouched).
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="organizationId">The organization (non-blank).</param>
    /// <param name="ct">Stops this caller's wait.</param>
    public Aff<RefreshResult> SwitchOrganization(SessionData session, string? organizationId, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(organizationId)
            ? FailAff<RefreshResult>(new InvalidRequest(Seq1(new FieldProblem("organization_id", "is required"))))
            : Refresh(session, organizationId, ct);

    /// <summary>The logout URL of the session whose access token has these claims (its <c>sid</c>). Pure.</summary>
    /// <param name="claims">The claims, e.g. <see cref="Authenticated.Claims"/>.</param>
    /// <param name="returnTo">Where WorkOS sends the browser afterwards.</param>
    public Either<Error, Uri> GetLogoutURL(AccessTokenClaims claims, string? returnTo = null) =>
        GetLogoutURLRequest.Create(claims.SessionId.IfNoneUnsafe((string?)null), returnTo).Bind(client.GetLogoutURL);

    /// <summary>Shows the client ID and the password IDs, never a password.</summary>
    public override string ToString() => $"SessionManager {{ ClientId = {ClientId}, Passwords = {Passwords} }}";
}
