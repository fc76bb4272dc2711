namespace WorkOS.Functional.Http;

/// <summary>The exact <c>grant_type</c> of each authenticate grant (spec §2.2).</summary>
public static class GrantTypes
{
    /// <summary><c>AuthenticateWithPassword</c>.</summary>
    public const string Password = "password";
    /// <summary><c>AuthenticateWithCode</c>.</summary>
    public const string AuthorizationCode = "authorization_code";
    /// <summary><c>AuthenticateWithRefreshToken</c>.</summary>
    public const string RefreshToken = "refresh_token";
    /// <summary><c>AuthenticateWithMagicAuth</c>.</summary>
    public const string MagicAuth = "urn:workos:oauth:grant-type:magic-auth:code";
    /// <summary><c>AuthenticateWithTOTP</c>.</summary>
    public const string Totp = "urn:workos:oauth:grant-type:mfa-totp";
    /// <summary><c>AuthenticateWithEmailVerificationCode</c>.</summary>
    public const string EmailVerificationCode = "urn:workos:oauth:grant-type:email-verification:code";
    /// <summary><c>AuthenticateWithOrganizationSelection</c>.</summary>
    public const string OrganizationSelection = "urn:workos:oauth:grant-type:organization-selection";
    /// <summary><c>AuthenticateWithDeviceCode</c> (RFC 8628).</summary>
    public const string DeviceCode = "urn:ietf:params:oauth:grant-type:device_code";
    /// <summary><c>AuthenticateWithRadarEmailChallenge</c>.</summary>
    public const string RadarEmailChallenge = "urn:workos:oauth:grant-type:radar-email-challenge:code";
    /// <summary><c>AuthenticateWithRadarSmsChallenge</c>.</summary>
    public const string RadarSmsChallenge = "urn:workos:oauth:grant-type:radar-sms-challenge:code";
}

public static partial class Encode
{
    /// <summary><c>POST /user_management/authenticate</c>, grant <c>password</c> (spec §2.2 #8); the optional keys added after Go v6.3 after the forwarded ones.</summary>
    public static HttpRequestSpec AuthenticateWithPassword(AuthenticateWithPasswordRequest r, Secret apiKey) =>
        Authenticate(apiKey, GrantTypes.Password,
            Json.Always("client_id", r.ClientId),
            Json.Always("email", r.Email),
            Json.Always("password", r.Password),
            Json.NonEmpty("ip_address", r.IpAddress),
            Json.NonEmpty("user_agent", r.UserAgent),
            Json.NonEmpty("invitation_token", r.InvitationToken),
            Json.NonEmpty("device_id", r.DeviceId),
            Json.NonEmpty("signals_id", r.SignalsId),
            Json.NonEmpty("radar_auth_attempt_id", r.RadarAuthAttemptId));

    /// <summary><c>POST /user_management/authenticate</c>, grant <c>authorization_code</c> (spec §2.2 #9).</summary>
    public static HttpRequestSpec AuthenticateWithCode(AuthenticateWithCodeRequest r, Secret apiKey) =>
        Authenticate(apiKey, GrantTypes.AuthorizationCode,
            Json.Always("client_id", r.ClientId),
            Json.Always("code", r.Code),
            Json.NonEmpty("code_verifier", r.CodeVerifier),
            Json.NonEmpty("ip_address", r.IpAddress),
            Json.NonEmpty("user_agent", r.UserAgent),
            Json.NonEmpty("invitation_token", r.InvitationToken),
            Json.NonEmpty("device_id", r.DeviceId),
            Json.NonEmpty("signals_id", r.SignalsId));

    /// <summary><c>POST /user_management/authenticate</c>, grant <c>refresh_token</c> (spec §2.2 #10).</summary>
    public static HttpRequestSpec AuthenticateWithRefreshToken(AuthenticateWithRefreshTokenRequest r, Secret apiKey) =>
        Authenticate(apiKey, GrantTypes.RefreshToken,
            Json.Always("client_id", r.ClientId),
            Json.Always("refresh_token", r.RefreshToken),
            Json.NonEmpty("organization_id", r.OrganizationId),
            Json.NonEmpty("ip_address", r.IpAddress),
            Json.NonEmpty("user_agent", r.UserAgent),
            Json.NonEmpty("device_id", r.DeviceId));

    /// <summary><c>POST /user_management/authenticate</c>, the magic-auth grant (spec §2.2 #11).</summary>
    public static HttpRequestSpec AuthenticateWithMagicAuth(AuthenticateWithMagicAuthRequest r, Secret apiKey) =>
        Authenticate(apiKey, GrantTypes.MagicAuth,
            Json.Always("client_id", r.ClientId),
            Json.Always("code", r.Code),
            Json.Always("email", r.Email),
            Json.NonEmpty("link_authorization_code", r.LinkAuthorizationCode),
            Json.NonEmpty("ip_address", r.IpAddress),
            Json.NonEmpty("user_agent", r.UserAgent),
            Json.NonEmpty("invitation_token", r.InvitationToken),
            Json.NonEmpty("device_id", r.DeviceId),
            Json.NonEmpty("radar_auth_attempt_id", r.RadarAuthAttemptId));

    /// <summary>
    /// <c>POST /user_management/authenticate</c>, the TOTP grant (spec §2.2 #12). Note Go's order: the optional
    /// <c>ip_address</c>/<c>user_agent</c> come before the pending token and challenge ID.
    /// </summary>
    public static HttpRequestSpec AuthenticateWithTOTP(AuthenticateWithTOTPRequest r, Secret apiKey) =>
        Authenticate(apiKey, GrantTypes.Totp,
            Json.Always("client_id", r.ClientId),
            Json.Always("code", r.Code),
            Json.NonEmpty("ip_address", r.IpAddress),
            Json.NonEmpty("user_agent", r.UserAgent),
            Json.Always("pending_authentication_token", r.PendingAuthenticationToken),
            Json.Always("authentication_challenge_id", r.AuthenticationChallengeId),
            Json.NonEmpty("device_id", r.DeviceId));

    /// <summary><c>POST /user_management/authenticate</c>, the email-verification grant (spec §2.2 #13).</summary>
    public static HttpRequestSpec AuthenticateWithEmailVerificationCode(AuthenticateWithEmailVerificationCodeRequest r, Secret apiKey) =>
        Authenticate(apiKey, GrantTypes.EmailVerificationCode,
            Json.Always("client_id", r.ClientId),
            Json.Always("code", r.Code),
            Json.Always("pending_authentication_token", r.PendingAuthenticationToken),
            Json.NonEmpty("ip_address", r.IpAddress),
            Json.NonEmpty("user_agent", r.UserAgent),
            Json.NonEmpty("device_id", r.DeviceId));

    /// <summary><c>POST /user_management/authenticate</c>, the organization-selection grant (spec §2.2 #14).</summary>
    public static HttpRequestSpec AuthenticateWithOrganizationSelection(AuthenticateWithOrganizationSelectionRequest r, Secret apiKey) =>
        Authenticate(apiKey, GrantTypes.OrganizationSelection,
            Json.Always("client_id", r.ClientId),
            Json.Always("pending_authentication_token", r.PendingAuthenticationToken),
            Json.Always("organization_id", r.OrganizationId),
            Json.NonEmpty("ip_address", r.IpAddress),
            Json.NonEmpty("user_agent", r.UserAgent),
            Json.NonEmpty("device_id", r.DeviceId));

    /// <summary><c>POST /user_management/sessions/revoke</c> with <c>{"session_id": …}</c> (spec §2.10 #43), bearer auth.</summary>
    public static HttpRequestSpec RevokeSession(RevokeSessionRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "sessions", "revoke").WithBody(Json.Object(
            Json.Always("session_id", r.SessionId)));

    /// <summary>
    /// The shape shared by the seven grants (spec §1.3, §2.2): the grant's fields in Go order, then
    /// <c>client_secret</c> (the API key) and <c>grant_type</c>, both always; no <c>Authorization</c> header.
    /// </summary>
    private static HttpRequestSpec Authenticate(Secret apiKey, string grantType, params ReadOnlySpan<Option<(string Key, JsonValue Value)>> fields) =>
        // Built at once (not Post(...).WithoutAuthHeader().WithBody(...), a copy per step), the fields passed without an array.
        new(HttpMethod.Post, AuthenticatePath, Seq<(string, string)>(), Some<JsonValue>(Json.Object(fields,
            [Json.Always("client_secret", apiKey), Json.Always("grant_type", grantType)])), Auth.None);

    private static readonly Seq<string> AuthenticatePath = Seq(UserManagement, "authenticate");
}
