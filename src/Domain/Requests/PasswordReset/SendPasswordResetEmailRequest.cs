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
    public static Either<Error, SendPasswordResetEmailRequest> Create(string? email, string? passwordResetUrl) =>
        (Rules.Email("email", email), AbsoluteHttpUrl("password_reset_url", passwordResetUrl))
            .Apply(static (e, u) => new SendPasswordResetEmailRequest(e, u))
            .ToRequest();

    /// <summary>A required absolute http(s) URL, kept exactly as given.</summary>
    private static Validation<FieldProblem, string> AbsoluteHttpUrl(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Rules.Problem<string>(field, "is required")
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !value.Any(char.IsWhiteSpace)
            ? Success<FieldProblem, string>(value)
            : Rules.Problem<string>(field, "must be an absolute http or https URL");
}
