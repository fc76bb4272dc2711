namespace WorkOS.Functional.Sessions;

/// <summary>Why a session cookie gives no session; the values are the Node SDK's reasons.</summary>
/// <param name="Value">The reason's wire string.</param>
public sealed record InvalidSessionReason(string Value) : StringEnum(Value)
{
    /// <summary><c>no_session_cookie_provided</c>: there is no cookie.</summary>
    public static readonly InvalidSessionReason NoSessionCookieProvided = new("no_session_cookie_provided");
    /// <summary><c>invalid_session_cookie</c>: the cookie does not unseal (altered, another password, expired seal) or lacks the session.</summary>
    public static readonly InvalidSessionReason InvalidSessionCookie = new("invalid_session_cookie");
    /// <summary><c>invalid_jwt</c>: the cookie's access token is not authentic (signature, algorithm, key, issuer, nbf/iat).</summary>
    public static readonly InvalidSessionReason InvalidJwt = new("invalid_jwt");
}

/// <summary>
/// What a session cookie is worth, from <see cref="SessionManager.Authenticate"/>: <see cref="Authenticated"/>,
/// <see cref="NeedsRefresh"/> (authentic, but its access token has expired or is about to), or
/// <see cref="Invalid"/> (sign in again).
/// </summary>
public abstract record SessionState
{
    private protected SessionState() { }

    /// <summary>Exhaustive case analysis: exactly one function runs, the one for this state.</summary>
    /// <typeparam name="R">The result type.</typeparam>
    /// <param name="authenticated">The session is good.</param>
    /// <param name="needsRefresh">The session needs a refresh first.</param>
    /// <param name="invalid">There is no usable session.</param>
    public R Match<R>(Func<Authenticated, R> authenticated, Func<NeedsRefresh, R> needsRefresh, Func<Invalid, R> invalid) =>
        this switch
        {
            Authenticated x => authenticated(x),
            NeedsRefresh x => needsRefresh(x),
            Invalid x => invalid(x),
            _ => throw new InvalidOperationException("SessionState is closed: its constructor is private protected."),
        };
}

/// <summary>The cookie holds an authentic access token that is valid beyond the refresh buffer.</summary>
public sealed record Authenticated : SessionState
{
    internal Authenticated(AccessTokenClaims claims, SessionData session) => (Claims, Session) = (claims, session);

    /// <summary>The verified claims of the access token.</summary>
    public AccessTokenClaims Claims { get; }

    /// <summary>The session the cookie holds.</summary>
    public SessionData Session { get; }
}

/// <summary>
/// The cookie holds an authentic access token that has expired or expires within the refresh buffer (30 s for
/// tokens that live 5 minutes or less, else 60 s): refresh with <see cref="SessionManager.Refresh"/>.
/// </summary>
public sealed record NeedsRefresh : SessionState
{
    internal NeedsRefresh(AccessTokenClaims claims, SessionData session) => (Claims, Session) = (claims, session);

    /// <summary>The claims of the expiring token (its signature verified).</summary>
    public AccessTokenClaims Claims { get; }

    /// <summary>The session the cookie holds.</summary>
    public SessionData Session { get; }
}

/// <summary>The cookie gives no session.</summary>
public sealed record Invalid : SessionState
{
    internal Invalid(InvalidSessionReason reason, Option<Error> cause) => (Reason, Cause) = (reason, cause);

    /// <summary>Why, as the Node SDK names it.</summary>
    public InvalidSessionReason Reason { get; }

    /// <summary>The underlying failure (<see cref="InvalidSealedSession"/> or <see cref="InvalidAccessToken"/>), if any.</summary>
    public Option<Error> Cause { get; }
}

/// <summary>
/// The outcome of <see cref="SessionManager.Refresh"/>: <see cref="Refreshed"/>, or a failure that is either
/// terminal (<see cref="SignInAgain"/>: the refresh token is spent or refused) or transient (<see cref="TryLater"/>:
/// keep the cookie and try again later).
/// </summary>
public abstract record RefreshResult
{
    private protected RefreshResult() { }

    /// <summary>Exhaustive case analysis.</summary>
    /// <typeparam name="R">The result type.</typeparam>
    /// <param name="refreshed">A new session.</param>
    /// <param name="signInAgain">A terminal failure.</param>
    /// <param name="tryLater">A transient failure.</param>
    public R Match<R>(Func<Refreshed, R> refreshed, Func<SignInAgain, R> signInAgain, Func<TryLater, R> tryLater) =>
        this switch
        {
            Refreshed x => refreshed(x),
            SignInAgain x => signInAgain(x),
            TryLater x => tryLater(x),
            _ => throw new InvalidOperationException("RefreshResult is closed: its constructor is private protected."),
        };

    /// <summary>
    /// Sorts a refresh failure: rate limits (429), timeouts, cancellations, transport failures, 408 and 5xx answers, and
    /// unreadable 2xx bodies are transient; everything else (<c>invalid_grant</c> and other 4xx answers, step-ups such as
    /// <c>mfa_enrollment</c> or <c>sso_required</c>, an invalid request, a new token that does not verify) is terminal.
    /// </summary>
    /// <param name="error">The failure.</param>
    public static RefreshResult Classify(Error error) =>
        error switch
        {
            RateLimited or RequestTimedOut or RequestCancelled or TransportFailure or DecodeError => new TryLater(error),
            ApiError { Status: 408 or >= 500 } => new TryLater(error),
            AuthStepUp or ApiError or InvalidRequest or InvalidAccessToken => new SignInAgain(error),
            _ => new TryLater(error),
        };
}

/// <summary>The refresh succeeded.</summary>
public sealed record Refreshed : RefreshResult
{
    internal Refreshed(SealedSession cookie, SessionData session, AccessTokenClaims claims) => (Cookie, Session, Claims) = (cookie, session, claims);

    /// <summary>The new sealed session: set it as the cookie.</summary>
    public SealedSession Cookie { get; }

    /// <summary>The new session.</summary>
    public SessionData Session { get; }

    /// <summary>The claims of the new access token (verified, unless the key set could not be fetched just then).</summary>
    public AccessTokenClaims Claims { get; }
}

/// <summary>A terminal failure: the session is over; clear the cookie and sign in again.</summary>
public sealed record SignInAgain : RefreshResult
{
    internal SignInAgain(Error cause) => Cause = cause;

    /// <summary>The failure.</summary>
    public Error Cause { get; }
}

/// <summary>A transient failure: keep the cookie and try again later.</summary>
public sealed record TryLater : RefreshResult
{
    internal TryLater(Error cause) => Cause = cause;

    /// <summary>The failure.</summary>
    public Error Cause { get; }
}
