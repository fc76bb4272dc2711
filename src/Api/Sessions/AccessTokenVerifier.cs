namespace WorkOS.Functional.Sessions;

/// <summary>
/// Verifies WorkOS access tokens against the client's JWKS (see <see cref="AccessTokens"/> for the rules: RS256
/// only, the key named by <c>kid</c>, <c>exp</c>/<c>nbf</c>/<c>iat</c> within a clock skew, <c>iss</c> when configured).
/// It owns a cache of the key set: the first verification fetches it; a token whose <c>kid</c> is not in the cache
/// triggers one re-fetch (keys rotate), but at most one per <see cref="MinRefetchInterval"/>, so a flood of tokens
/// with made-up <c>kid</c>s cannot hammer the JWKS endpoint. Concurrent fetches are shared.
/// Make one per client ID and keep it (a singleton in DI): there is no static state.
/// </summary>
public sealed class AccessTokenVerifier
{
    /// <summary>The default <see cref="MinRefetchInterval"/>: 5 minutes, as WorkOS's Node SDK.</summary>
    public static readonly TimeSpan DefaultMinRefetchInterval = TimeSpan.FromMinutes(5);

    private readonly Func<CancellationToken, Aff<Jwks>> fetch;
    private readonly Lock gate = new();
    private Option<Jwks> keys = None;
    private Option<DateTimeOffset> lastFetch = None;
    private Task<Fin<Jwks>>? inFlight;
    private int fetches;

    private AccessTokenVerifier(Func<CancellationToken, Aff<Jwks>> fetch, TimeSpan clockSkew, Option<string> issuer, TimeSpan minRefetchInterval, TimeProvider clock) =>
        (this.fetch, ClockSkew, Issuer, MinRefetchInterval, Clock) = (fetch, clockSkew, issuer, minRefetchInterval, clock);

    /// <summary>How far the issuer's clock and this one may disagree when judging <c>exp</c>, <c>nbf</c> and <c>iat</c>.</summary>
    public TimeSpan ClockSkew { get; }

    /// <summary>The required <c>iss</c>, if one is configured.</summary>
    public Option<string> Issuer { get; }

    /// <summary>The least time between two fetches of the key set caused by unknown <c>kid</c>s.</summary>
    public TimeSpan MinRefetchInterval { get; }

    /// <summary>The clock the times are judged by.</summary>
    public TimeProvider Clock { get; }

    /// <summary>How many times the key set has been fetched (for diagnostics).</summary>
    public int KeySetFetches => Volatile.Read(ref fetches);

    /// <summary>
    /// A verifier for <paramref name="clientId"/>'s tokens, fetching keys with <see cref="WorkOSClient.GetJWKS"/>.
    /// </summary>
    /// <param name="client">The client that fetches the JWKS.</param>
    /// <param name="clientId">The WorkOS client ID (non-blank).</param>
    /// <param name="clockSkew">Allowed clock skew, 0–5 minutes; default 0.</param>
    /// <param name="issuer">The required <c>iss</c>, e.g. <see cref="AccessTokens.WorkOSIssuer"/>; default: not checked.</param>
    /// <param name="minRefetchInterval">The least time between re-fetches on unknown <c>kid</c>s, not negative; default 5 minutes.</param>
    /// <param name="clock">The clock; default <see cref="TimeProvider.System"/>.</param>
    /// <returns>The verifier, or an <see cref="InvalidRequest"/> naming every bad argument.</returns>
    public static Either<Error, AccessTokenVerifier> Create(WorkOSClient client, string? clientId, TimeSpan? clockSkew = null, string? issuer = null,
        TimeSpan? minRefetchInterval = null, TimeProvider? clock = null) =>
        GetJWKSRequest.Create(clientId).Bind(request =>
            Create(ct => client.GetJWKS(request, ct), clockSkew, issuer, minRefetchInterval, clock));

    /// <summary>A verifier that fetches its key set with <paramref name="fetchKeys"/> (any source of a JWKS).</summary>
    /// <param name="fetchKeys">Fetches the current key set.</param>
    /// <param name="clockSkew">Allowed clock skew, 0–5 minutes; default 0.</param>
    /// <param name="issuer">The required <c>iss</c>; default: not checked.</param>
    /// <param name="minRefetchInterval">The least time between re-fetches on unknown <c>kid</c>s, not negative; default 5 minutes.</param>
    /// <param name="clock">The clock; default <see cref="TimeProvider.System"/>.</param>
    /// <returns>The verifier, or an <see cref="InvalidRequest"/> naming every bad argument.</returns>
    public static Either<Error, AccessTokenVerifier> Create(Func<CancellationToken, Aff<Jwks>> fetchKeys, TimeSpan? clockSkew = null, string? issuer = null,
        TimeSpan? minRefetchInterval = null, TimeProvider? clock = null) =>
        (Rules.Check(clockSkew is null || (clockSkew >= TimeSpan.Zero && clockSkew <= TimeSpan.FromMinutes(5)), "clock_skew", "must be between 0 and 5 minutes"),
         Rules.Check(issuer is null || !string.IsNullOrWhiteSpace(issuer), "issuer", "must not be blank when given"),
         Rules.Check(minRefetchInterval is null || minRefetchInterval >= TimeSpan.Zero, "min_refetch_interval", "must not be negative"))
            .Apply((_, _, _) => new AccessTokenVerifier(fetchKeys, clockSkew ?? TimeSpan.Zero, Optional(issuer),
                minRefetchInterval ?? DefaultMinRefetchInterval, clock ?? TimeProvider.System))
            .ToRequest();

    /// <summary>
    /// Verifies a token: its claims, or an <see cref="InvalidAccessToken"/>. A failure to fetch the key set fails
    /// with that fetch's own error (e.g. <see cref="TransportFailure"/>): the token may well be good.
    /// </summary>
    /// <param name="token">The compact JWS, e.g. from an <c>Authorization: Bearer</c> header.</param>
    /// <param name="ct">Cancels a key-set fetch.</param>
    public Aff<AccessTokenClaims> Verify(string? token, CancellationToken ct = default) =>
        from claims in VerifySignature(token, ct)
        from _ in AccessTokens.CheckIssuer(claims, Issuer).ToAff()
        from __ in AccessTokens.CheckTimes(claims, Clock.GetUtcNow(), ClockSkew).ToAff()
        select claims;

    /// <summary>Like <see cref="Verify"/> but without the time checks: the claims of an authentic token, expired or not.</summary>
    internal Aff<AccessTokenClaims> VerifySignature(string? token, CancellationToken ct) =>
        from kid in AccessTokens.KeyId(token).ToAff()
        from set in KeysFor(kid, ct)
        from claims in AccessTokens.VerifySignature(token, set).ToAff()
        select claims;

    /// <summary>The cached set when it has <paramref name="kid"/>; otherwise a fetched one if the rate limit allows, else the cached one.</summary>
    private Aff<Jwks> KeysFor(string kid, CancellationToken ct)
    {
        Task<Fin<Jwks>> task;
        lock (gate)
        {
            var now = Clock.GetUtcNow();
            if (keys.Exists(k => k.Find(kid).IsSome)) return SuccessAff(keys.IfNone(() => new Jwks(Seq<Jwk>())));
            var mayFetch = keys.IsNone || lastFetch.ForAll(t => now - t >= MinRefetchInterval);
            if (inFlight is null && !mayFetch) return SuccessAff(keys.IfNone(() => new Jwks(Seq<Jwk>())));
            if (inFlight is null)
            {
                lastFetch = now;
                Interlocked.Increment(ref fetches);
                inFlight = Fetch();
            }
            task = inFlight;
        }
        return AffMaybe<Jwks>(async () =>
        {
            try { return await task.WaitAsync(ct).ConfigureAwait(false); }
            catch (OperationCanceledException) { return FinFail<Jwks>(new RequestCancelled()); }
        });
    }

    /// <summary>One shared fetch, not cancelled by any one caller; it stores the set it got, then clears itself.</summary>
    private async Task<Fin<Jwks>> Fetch()
    {
        await Task.Yield();
        var result = await fetch(CancellationToken.None).Run().ConfigureAwait(false);
        lock (gate)
        {
            result.IfSucc(k => keys = Some(k));
            inFlight = null;
        }
        return result;
    }

    /// <summary>Shows the settings, not the keys.</summary>
    public override string ToString() =>
        $"AccessTokenVerifier {{ ClockSkew = {ClockSkew}, Issuer = {Issuer}, MinRefetchInterval = {MinRefetchInterval} }}";
}
