namespace WorkOS.Functional;

public sealed partial class WorkOSClient
{
    /// <summary>Gets an email verification by ID (<c>GET /user_management/email_verification/{id}</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<EmailVerification> GetEmailVerification(GetEmailVerificationRequest request, CancellationToken ct = default) =>
        Call(Encode.GetEmailVerification(request, apiKey), Decode.EmailVerification, ct);

    /// <summary>
    /// Emails the user a one-time verification code (<c>POST /user_management/users/{id}/email_verification/send</c>,
    /// no body). Rate-limited by the server (<see cref="RateLimited"/>).
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<UserResponse> SendVerificationEmail(SendVerificationEmailRequest request, CancellationToken ct = default) =>
        Call(Encode.SendVerificationEmail(request, apiKey), Decode.UserResponse, ct);

    /// <summary>Verifies the user's email with the code they received (<c>POST /user_management/users/{id}/email_verification/confirm</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<UserResponse> VerifyEmail(VerifyEmailRequest request, CancellationToken ct = default) =>
        Call(Encode.VerifyEmail(request, apiKey), Decode.UserResponse, ct);
}
