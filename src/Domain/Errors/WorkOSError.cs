namespace WorkOS.Functional;

/// <summary>What every non-2xx answer carries (spec §4.3), shared by all <see cref="WorkOSError"/> cases.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Reason">The reason phrase (e.g. <c>Unprocessable Entity</c>); may be empty.</param>
/// <param name="RequestId">The <c>X-Request-ID</c> response header; empty when absent.</param>
/// <param name="ErrorCode">The body's <c>code</c>, or <c>error</c> for OAuth-style bodies; empty when none.</param>
/// <param name="Message">The human-readable message.</param>
/// <param name="RawBody">The raw response body, hidden because error bodies can carry pending tokens.</param>
public sealed record HttpErrorContext(int Status, string Reason, string RequestId, string ErrorCode, string Message, Secret RawBody);

/// <summary>
/// The server answered with a status outside 200–299. The cases: <see cref="ApiError"/> (generic),
/// <see cref="RateLimited"/> (429) and the <see cref="AuthStepUp"/> family (spec §4.4).
/// </summary>
public abstract record WorkOSError : Expected
{
    private protected WorkOSError(HttpErrorContext context, int code)
        : base(context.Message, code, None) => Context = context;

    /// <summary>Status, reason, request id, server code, message and hidden raw body.</summary>
    public HttpErrorContext Context { get; }
    /// <summary>The HTTP status code.</summary>
    public int Status => Context.Status;
    /// <summary>The <c>X-Request-ID</c> of the answer; empty when absent.</summary>
    public string RequestId => Context.RequestId;
    /// <summary>The server's <c>code</c> (or OAuth <c>error</c>); empty when none.</summary>
    public string ErrorCode => Context.ErrorCode;

    /// <summary>
    /// <c>&lt;status&gt; &lt;reason&gt;: request id "&lt;id&gt;": &lt;message&gt;</c>, as Go prints it, minus
    /// the pending token. Sealed so that no case re-synthesises a printer that shows its fields.
    /// </summary>
    public sealed override string ToString() =>
        $"{Context.Status} {Context.Reason}: request id \"{Context.RequestId}\": {Context.Message}".Replace("  ", " ");
}

/// <summary>One field error of a 422 body (<c>errors: [{field, code}]</c>).</summary>
/// <param name="Field">The field the server rejected.</param>
/// <param name="Code">The server's code for the problem.</param>
public sealed record FieldError(string Field, string Code);

/// <summary>The generic API error of spec §4.3: any non-2xx answer that is not a step-up or a 429.</summary>
public sealed record ApiError : WorkOSError
{
    /// <summary>Creates the error.</summary>
    /// <param name="context">What every error answer carries.</param>
    /// <param name="fieldErrors">422 field errors.</param>
    /// <param name="errors">String errors of non-422 bodies.</param>
    /// <param name="pendingAuthenticationToken">A pending token the body carried, if any.</param>
    /// <param name="emailVerificationId">An email verification ID the body carried, if any.</param>
    public ApiError(HttpErrorContext context, Seq<FieldError> fieldErrors, Seq<string> errors,
        Option<Secret> pendingAuthenticationToken, Option<string> emailVerificationId)
        : base(context, ErrorCodes.ApiError) =>
        (FieldErrors, Errors, PendingAuthenticationToken, EmailVerificationId) =
        (fieldErrors, errors, pendingAuthenticationToken, emailVerificationId);

    /// <summary>The <c>errors: [{field, code}]</c> of a 422 body.</summary>
    public Seq<FieldError> FieldErrors { get; }
    /// <summary>The string <c>errors</c> of a non-422 body.</summary>
    public Seq<string> Errors { get; }
    /// <summary>A <c>pending_authentication_token</c> the body carried, if any.</summary>
    public Option<Secret> PendingAuthenticationToken { get; }
    /// <summary>An <c>email_verification_id</c> the body carried, if any.</summary>
    public Option<string> EmailVerificationId { get; }
}

/// <summary>HTTP 429: too many requests. <see cref="RetryAfter"/> comes from the <c>Retry-After</c> header.</summary>
public sealed record RateLimited : WorkOSError
{
    /// <summary>Creates the error.</summary>
    /// <param name="context">What every error answer carries.</param>
    /// <param name="retryAfter">How long the server asks to wait, when it said.</param>
    public RateLimited(HttpErrorContext context, Option<TimeSpan> retryAfter)
        : base(context, ErrorCodes.RateLimited) => RetryAfter = retryAfter;

    /// <summary>How long the server asks the caller to wait, when it said.</summary>
    public Option<TimeSpan> RetryAfter { get; }
}
