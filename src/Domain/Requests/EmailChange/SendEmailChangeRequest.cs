namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>SendEmailChange</c> (<c>POST /user_management/users/{id}/email_change/send</c>): emails a
/// one-time code that <c>ConfirmEmailChange</c> redeems to switch the user's address.
/// </summary>
public sealed record SendEmailChangeRequest
{
    private SendEmailChangeRequest(string userId, string newEmail) => (UserId, NewEmail) = (userId, newEmail);

    /// <summary>The user whose address changes; escaped as one path segment.</summary>
    public string UserId { get; }
    /// <summary>The new address, sent verbatim (a <c>+</c> stays a <c>+</c>).</summary>
    public string NewEmail { get; }

    /// <summary>Validates: <c>user_id</c> non-blank, <c>new_email</c> address-shaped. Every problem is reported at once.</summary>
    /// <param name="userId">The user ID.</param>
    /// <param name="newEmail">The new email address.</param>
    public static Either<Error, SendEmailChangeRequest> Create(string? userId, string? newEmail) =>
        (Rules.PathSegment("user_id", userId), Rules.Email("new_email", newEmail))
            .Apply(static (u, e) => new SendEmailChangeRequest(u, e))
            .ToRequest();
}
