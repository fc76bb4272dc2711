namespace WorkOS.Functional;

/// <summary>
/// The exception of the <see cref="Task"/> forms (<see cref="TaskInterop.RunOrThrow{A}"/>, the pagers'
/// <c>await foreach</c>): it carries the typed <see cref="Error"/> of the closed set unchanged. Its
/// message is the error's message, which never holds a secret.
/// </summary>
public sealed class WorkOSException : Exception
{
    /// <summary>Wraps <paramref name="error"/>.</summary>
    /// <param name="error">The typed error: <see cref="ApiError"/>, <see cref="RateLimited"/>, a step-up, <see cref="InvalidRequest"/>, …</param>
    public WorkOSException(Error error) : base(error.Message) => Error = error;

    /// <summary>The typed error: match it with <c>switch</c> or <c>is</c> (e.g. <c>ex.Error is ApiError { Status: 404 }</c>).</summary>
    public Error Error { get; }

    /// <summary>The error's code (<see cref="ErrorCodes"/>).</summary>
    public int Code => Error.Code;
}
