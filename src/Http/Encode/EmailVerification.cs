namespace WorkOS.Functional.Http;

public static partial class Encode
{
    /// <summary><c>GET /user_management/email_verification/{id}</c>.</summary>
    public static HttpRequestSpec GetEmailVerification(GetEmailVerificationRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, "email_verification", r.EmailVerificationId);

    /// <summary><c>POST /user_management/users/{id}/email_verification/send</c> with no body (spec §1.4 body-less write).</summary>
    public static HttpRequestSpec SendVerificationEmail(SendVerificationEmailRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "users", r.UserId, "email_verification", "send");

    /// <summary>
    /// <c>POST /user_management/users/{id}/email_verification/confirm</c> with <c>{"code"}</c> (always),
    /// without Go's <c>"User"</c> artefact key (spec §1.4).
    /// </summary>
    public static HttpRequestSpec VerifyEmail(VerifyEmailRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "users", r.UserId, "email_verification", "confirm")
            .WithBody(Json.Object(Json.Always("code", r.Code)));
}
