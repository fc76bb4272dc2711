namespace WorkOS.Functional;

/// <summary>Validated input of <c>RevokeSession</c> (spec §2.10 #43).</summary>
public sealed record RevokeSessionRequest
{
    private RevokeSessionRequest(string sessionId) => SessionId = sessionId;

    /// <summary>The session to revoke (the <c>sid</c> claim of its access token).</summary>
    public string SessionId { get; }

    /// <summary>Validates: <c>session_id</c> non-blank.</summary>
    /// <param name="sessionId">The session ID.</param>
    public static Either<Error, RevokeSessionRequest> Create(string? sessionId) =>
        Rules.Required("session_id", sessionId).Map(static id => new RevokeSessionRequest(id)).ToRequest();
}
