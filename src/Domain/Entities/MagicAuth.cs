namespace WorkOS.Functional;

/// <summary>
/// A Magic Auth one-time code (spec §3.5), valid about ten minutes. The <see cref="Code"/> is a
/// <see cref="Secret"/>, so printing the record never shows it.
/// </summary>
/// <param name="Id">The Magic Auth ID (<c>magic_auth_…</c>).</param>
/// <param name="UserId">The user the code signs in (created by the server if needed).</param>
/// <param name="Email">The email address the code is for.</param>
/// <param name="ExpiresAt">When the code expires.</param>
/// <param name="Code">The six-digit code; pass it to <c>AuthenticateWithMagicAuth</c>.</param>
/// <param name="CreatedAt">Creation timestamp.</param>
/// <param name="UpdatedAt">Last update timestamp.</param>
public sealed record MagicAuth(
    string Id,
    string UserId,
    string Email,
    string ExpiresAt,
    Secret Code,
    string CreatedAt,
    string UpdatedAt);
