namespace WorkOS.Functional;

/// <summary>
/// A password reset (spec §3.6). Both the token and the URL (which embeds the token) are
/// <see cref="Secret"/>s, so printing the record never shows either. There is no <c>updated_at</c>.
/// </summary>
/// <param name="Id">The password reset ID (<c>password_reset_…</c>).</param>
/// <param name="UserId">The user whose password may be reset.</param>
/// <param name="Email">The user's email address.</param>
/// <param name="PasswordResetToken">The token to pass to <c>ResetPassword</c>.</param>
/// <param name="PasswordResetUrl">The link to deliver to the user; it contains the token.</param>
/// <param name="ExpiresAt">When the token expires.</param>
/// <param name="CreatedAt">Creation timestamp.</param>
public sealed record PasswordReset(
    string Id,
    string UserId,
    string Email,
    Secret PasswordResetToken,
    Secret PasswordResetUrl,
    string ExpiresAt,
    string CreatedAt);
