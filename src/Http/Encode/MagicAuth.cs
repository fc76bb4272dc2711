namespace WorkOS.Functional.Http;

public static partial class Encode
{
    /// <summary><c>GET /user_management/magic_auth/{id}</c>.</summary>
    public static HttpRequestSpec GetMagicAuth(GetMagicAuthRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, "magic_auth", r.MagicAuthId);

    /// <summary><c>POST /user_management/magic_auth</c> with <c>email</c> (always) and <c>invitation_token</c> (omit-if-empty).</summary>
    public static HttpRequestSpec CreateMagicAuth(CreateMagicAuthRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "magic_auth")
            .WithBody(Json.Object(Json.Always("email", r.Email), Json.NonEmpty("invitation_token", r.InvitationToken)));

    /// <summary>The deprecated <c>POST /user_management/magic_auth/send</c> with <c>{"email"}</c> (always).</summary>
    public static HttpRequestSpec SendMagicAuthCode(SendMagicAuthCodeRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "magic_auth", "send")
            .WithBody(Json.Object(Json.Always("email", r.Email)));
}
