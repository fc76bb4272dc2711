namespace WorkOS.Functional;

/// <summary>
/// A pending email verification (spec §3.7). Timestamps are the ISO-8601 strings the server sends.
/// The one-time <see cref="Code"/> is a <see cref="Secret"/>, so printing the record never shows it.
/// </summary>
/// <param name="Id">The verification ID (<c>email_verification_…</c>).</param>
/// <param name="UserId">The user whose address is being verified.</param>
/// <param name="Email">The address being verified.</param>
/// <param name="ExpiresAt">When the code expires.</param>
/// <param name="Code">The one-time code.</param>
/// <param name="CreatedAt">Creation timestamp.</param>
/// <param name="UpdatedAt">Last update timestamp.</param>
public sealed record EmailVerification(
    string Id,
    string UserId,
    string Email,
    string ExpiresAt,
    Secret Code,
    string CreatedAt,
    string UpdatedAt);

/// <summary>
/// The <c>{"user": …}</c> envelope (spec §3.14) returned by <c>SendVerificationEmail</c>,
/// <c>VerifyEmail</c> and <c>ResetPassword</c>.
/// </summary>
/// <param name="User">The user, as it is after the operation.</param>
public sealed record UserResponse(User User);
