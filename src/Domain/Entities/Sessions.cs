namespace WorkOS.Functional;

/// <summary>
/// One of a user's sessions, as <c>ListSessions</c> returns it. Its <see cref="Id"/> is the access token's
/// <c>sid</c> claim, so it can be passed to <c>RevokeSession</c> and <c>GetLogoutURL</c>.
/// </summary>
/// <param name="Id">The session ID (<c>session_…</c>).</param>
/// <param name="UserId">The signed-in user.</param>
/// <param name="Status">The status: <c>active</c>, <c>expired</c> or <c>revoked</c>; other values survive as-is.</param>
/// <param name="AuthMethod">How the session was started (lower-case, e.g. <c>password</c>, <c>oauth</c>); kept open.</param>
/// <param name="IpAddress">The IP address the session was started from, when known.</param>
/// <param name="UserAgent">The user agent the session was started from, when known.</param>
/// <param name="OrganizationId">The organization the session is scoped to, if any.</param>
/// <param name="Impersonator">Who impersonates the user, during impersonation only.</param>
/// <param name="ExpiresAt">Expiry timestamp.</param>
/// <param name="EndedAt">When the session ended, if it did.</param>
/// <param name="CreatedAt">Creation timestamp.</param>
/// <param name="UpdatedAt">Last update timestamp.</param>
public sealed record Session(
    string Id,
    string UserId,
    SessionStatus Status,
    string AuthMethod,
    Option<string> IpAddress,
    Option<string> UserAgent,
    Option<string> OrganizationId,
    Option<Impersonator> Impersonator,
    string ExpiresAt,
    Option<string> EndedAt,
    string CreatedAt,
    string UpdatedAt);

/// <summary>A session's status; values this library does not know survive as-is.</summary>
/// <param name="Value">The wire string.</param>
public sealed record SessionStatus(string Value) : StringEnum(Value)
{
    /// <summary><c>active</c>.</summary>
    public static readonly SessionStatus Active = new("active");
    /// <summary><c>expired</c>.</summary>
    public static readonly SessionStatus Expired = new("expired");
    /// <summary><c>revoked</c>.</summary>
    public static readonly SessionStatus Revoked = new("revoked");
}

/// <summary>One page of a user's <see cref="Session"/>s.</summary>
/// <param name="Data">The sessions of this page.</param>
/// <param name="ListMetadata">Cursors for the neighbouring pages.</param>
public sealed record ListSessionsResponse(Seq<Session> Data, ListMetadata ListMetadata) : IListResponse<Session>;
