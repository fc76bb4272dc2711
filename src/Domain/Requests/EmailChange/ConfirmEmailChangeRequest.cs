namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>ConfirmEmailChange</c> (<c>POST /user_management/users/{id}/email_change/confirm</c>).
/// The one-time code is a <see cref="Secret"/>.
/// </summary>
public sealed record ConfirmEmailChangeRequest
{
    private ConfirmEmailChangeRequest(string userId, Secret code) => (UserId, Code) = (userId, code);

    /// <summary>The user whose address changes; escaped as one path segment.</summary>
    public string UserId { get; }
    /// <summary>The one-time code sent by <c>SendEmailChange</c>.</summary>
    public Secret Code { get; }

    /// <summary>Validates: <c>user_id</c> and <c>code</c> non-blank. Every problem is reported at once.</summary>
    /// <param name="userId">The user ID.</param>
    /// <param name="code">The one-time code.</param>
    public static Either<Error, ConfirmEmailChangeRequest> Create(string? userId, string? code) =>
        (Rules.PathSegment("user_id", userId), Rules.RequiredSecret("code", code))
            .Apply(static (u, c) => new ConfirmEmailChangeRequest(u, c))
            .ToRequest();
}
