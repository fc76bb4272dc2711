namespace WorkOS.Functional;

/// <summary>
/// Validated input of the deprecated <c>SendPasswordResetEmail</c> (spec §2.5 #23); prefer
/// <see cref="CreatePasswordResetRequest"/>.
/// </summary>
public sealed record SendPasswordResetEmailRequest
{
    private SendPasswordResetEmailRequest(string email, string passwordResetUrl) => (Email, PasswordResetUrl) = (email, passwordResetUrl);

    /// <summary>The email address of the user whose password is to be reset.</summary>
    public string Email { get; }
    /// <summary>The app page the emailed link opens; the server appends the reset token to it.</summary>
    public string PasswordResetUrl { get; }

    /// <summary>
    /// Validates: <c>email</c> required and address-shaped; <c>password_reset_url</c> required and an
    /// absolute http or https URL. Both are reported at once.
    /// </summary>
    /// <param name="email">The user's email address.</param>
    /// <param name="passwordResetUrl">The app's password reset page.</param>
    /// <remarks>The URL is sent exactly as given, not as <see cref="Uri"/> would normalise it.</remarks>
    public static Either<Error, SendPasswordResetEmailRequest> Create(string? email, string? passwordResetUrl) =>
        (Rules.Email("email", email), Rules.AbsoluteHttpUrl("password_reset_url", passwordResetUrl).Map(_ => passwordResetUrl!))
            .Apply(static (e, u) => new SendPasswordResetEmailRequest(e, u))
            .ToRequest();
}
