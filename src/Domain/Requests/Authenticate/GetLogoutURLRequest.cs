namespace WorkOS.Functional;

/// <summary>Validated options of <c>GetLogoutURL</c> (spec §2.3 #16): where to send the browser to end a session.</summary>
public sealed record GetLogoutURLRequest
{
    /// <summary>Go's message when <c>session_id</c> is missing.</summary>
    public const string MissingSessionId = "incomplete arguments: missing SessionID";

    private GetLogoutURLRequest(string sessionId, Option<string> returnTo) => (SessionId, ReturnTo) = (sessionId, returnTo);

    /// <summary>The session to end (the <c>sid</c> claim of the access token).</summary>
    public string SessionId { get; }
    /// <summary>Where the server sends the browser after logout.</summary>
    public Option<string> ReturnTo { get; }

    /// <summary>Validates: <c>session_id</c> non-blank, reported with Go's message <see cref="MissingSessionId"/>; <c>return_to</c>, when given, an absolute http(s) URL.</summary>
    /// <param name="sessionId">The session ID.</param>
    /// <param name="returnTo">The URL to return to after logout.</param>
    public static Either<Error, GetLogoutURLRequest> Create(string? sessionId, string? returnTo = null) =>
        (Rules.Check(!string.IsNullOrWhiteSpace(sessionId), "session_id", MissingSessionId),
         Rules.OptionalAbsoluteHttpUrl("return_to", returnTo))
            .Apply((_, back) => new GetLogoutURLRequest(sessionId!, back))
            .ToRequest();
}
