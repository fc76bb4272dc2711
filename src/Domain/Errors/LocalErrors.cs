namespace WorkOS.Functional;

/// <summary>
/// A request failed local validation; nothing was sent. Every problem is reported at once,
/// each naming the wire field it concerns.
/// </summary>
public sealed record InvalidRequest : Expected
{
    /// <summary>Creates the error from its problems (at least one).</summary>
    /// <param name="problems">The problems found, in field order.</param>
    public InvalidRequest(Seq<FieldProblem> problems)
        : base($"Invalid request: {string.Join("; ", problems)}", ErrorCodes.InvalidRequest, None) =>
        Problems = problems;

    /// <summary>Every problem found, each naming its field.</summary>
    public Seq<FieldProblem> Problems { get; }

    /// <summary>The wire names of the offending fields.</summary>
    public Seq<string> Fields => Problems.Map(static p => p.Field);

    /// <summary>The message, listing each field and its problem.</summary>
    public override string ToString() => Message;
}

/// <summary>
/// A 2xx answer whose body is not the JSON that was expected: HTML from a proxy, truncated JSON,
/// an empty body where a value was expected, or JSON of another shape.
/// The message describes the failure without quoting the body, which may hold tokens.
/// </summary>
public sealed record DecodeError : Expected
{
    /// <summary>Creates the error.</summary>
    /// <param name="what">What was being decoded (e.g. <c>User</c>).</param>
    /// <param name="status">The HTTP status of the answer.</param>
    /// <param name="reason">Why it could not be decoded.</param>
    public DecodeError(string what, int status, string reason)
        : base($"Could not decode {what} from the {status} answer: {reason}", ErrorCodes.DecodeError, None) =>
        (What, Status, Reason) = (what, status, reason);

    /// <summary>What was being decoded.</summary>
    public string What { get; }
    /// <summary>The HTTP status of the answer.</summary>
    public int Status { get; }
    /// <summary>Why decoding failed.</summary>
    public string Reason { get; }

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}

/// <summary>No HTTP answer was received: the connection was refused, reset or dropped.</summary>
public sealed record TransportFailure : Expected
{
    /// <summary>Creates the error.</summary>
    /// <param name="detail">The transport's own description (exception type and message).</param>
    public TransportFailure(string detail)
        : base($"Transport failure: {detail}", ErrorCodes.TransportFailure, None) => Detail = detail;

    /// <summary>The transport's description of the failure.</summary>
    public string Detail { get; }

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}

/// <summary>The request was abandoned because the HTTP client's timeout elapsed.</summary>
public sealed record RequestTimedOut() : Expected("The request timed out", ErrorCodes.RequestTimedOut, None)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}

/// <summary>The request was abandoned because the caller's cancellation token fired.</summary>
public sealed record RequestCancelled() : Expected("The request was cancelled", ErrorCodes.RequestCancelled, None)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
