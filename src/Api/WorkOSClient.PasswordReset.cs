namespace WorkOS.Functional;

public sealed partial class WorkOSClient
{
    /// <summary>Gets a password reset by ID (<c>GET /user_management/password_reset/{id}</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<PasswordReset> GetPasswordReset(GetPasswordResetRequest request, CancellationToken ct = default) =>
        Call(Encode.GetPasswordReset(request, apiKey), Decode.PasswordReset, ct);

    /// <summary>
    /// Creates a password reset token and link for the user with that email (<c>POST /user_management/password_reset</c>),
    /// so the app can deliver it.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<PasswordReset> CreatePasswordReset(CreatePasswordResetRequest request, CancellationToken ct = default) =>
        Call(Encode.CreatePasswordReset(request, apiKey), Decode.PasswordReset, ct);

    /// <summary>
    /// Deprecated: asks WorkOS to email a reset link built on <c>password_reset_url</c>
    /// (<c>POST /user_management/password_reset/send</c>). Any 2xx succeeds; its body is ignored.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    [Obsolete("SendPasswordResetEmail is deprecated by WorkOS: use CreatePasswordReset instead.")]
    public Aff<Unit> SendPasswordResetEmail(SendPasswordResetEmailRequest request, CancellationToken ct = default) =>
        Call(Encode.SendPasswordResetEmail(request, apiKey), Decode.Nothing, ct);

    /// <summary>Sets a new password with a reset token (<c>POST /user_management/password_reset/confirm</c>); also marks the email verified.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<UserResponse> ResetPassword(ResetPasswordRequest request, CancellationToken ct = default) =>
        Call(Encode.ResetPassword(request, apiKey), Decode.UserResponse, ct);
}
