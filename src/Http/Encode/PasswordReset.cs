namespace WorkOS.Functional.Http;

public static partial class Encode
{
    /// <summary><c>GET /user_management/password_reset/{id}</c>.</summary>
    public static HttpRequestSpec GetPasswordReset(GetPasswordResetRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, "password_reset", r.PasswordResetId);

    /// <summary><c>POST /user_management/password_reset</c> with <c>{"email"}</c> (always).</summary>
    public static HttpRequestSpec CreatePasswordReset(CreatePasswordResetRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "password_reset")
            .WithBody(Json.Object(Json.Always("email", r.Email)));

    /// <summary>
    /// The deprecated <c>POST /user_management/password_reset/send</c> with
    /// <c>{"email","password_reset_url"}</c> (both always).
    /// </summary>
    public static HttpRequestSpec SendPasswordResetEmail(SendPasswordResetEmailRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "password_reset", "send")
            .WithBody(Json.Object(Json.Always("email", r.Email), Json.Always("password_reset_url", r.PasswordResetUrl)));

    /// <summary><c>POST /user_management/password_reset/confirm</c> with <c>{"token","new_password"}</c> (both always).</summary>
    public static HttpRequestSpec ResetPassword(ResetPasswordRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "password_reset", "confirm")
            .WithBody(Json.Object(Json.Always("token", r.Token), Json.Always("new_password", r.NewPassword)));
}
