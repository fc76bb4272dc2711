namespace WorkOS.Functional;

/// <summary>Validated input of <c>ResetPassword</c> (spec §2.5 #24). Token and password are <see cref="Secret"/>s.</summary>
public sealed record ResetPasswordRequest
{
    private ResetPasswordRequest(Secret token, Secret newPassword) => (Token, NewPassword) = (token, newPassword);

    /// <summary>The password reset token (from <see cref="PasswordReset.PasswordResetToken"/> or the emailed link).</summary>
    public Secret Token { get; }
    /// <summary>The new password.</summary>
    public Secret NewPassword { get; }

    /// <summary>Validates: <c>token</c> and <c>new_password</c> non-blank, both reported at once.</summary>
    /// <param name="token">The password reset token.</param>
    /// <param name="newPassword">The new password.</param>
    public static Either<Error, ResetPasswordRequest> Create(string? token, string? newPassword) =>
        (Rules.RequiredSecret("token", token), Rules.RequiredSecret("new_password", newPassword))
            .Apply(static (t, p) => new ResetPasswordRequest(t, p))
            .ToRequest();
}
