namespace WorkOS.Functional.Http;

// The endpoints WorkOS added after Go v6.3, in Go v10's key order. Optional fields are
// presence-based (IfSet): None is omitted, any set value is sent, "" included.
public static partial class Encode
{
    /// <summary><c>GET /user_management/users/{id}/sessions?…</c>: limit and order always, cursors when set.</summary>
    public static HttpRequestSpec ListSessions(ListSessionsRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, "users", r.UserId, "sessions")
            .WithQuery(Paging(r.Limit, r.Order, r.Before, r.After));

    /// <summary><c>POST /user_management/invitations/{id}/accept</c>, no body.</summary>
    public static HttpRequestSpec AcceptInvitation(AcceptInvitationRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "invitations", r.InvitationId, "accept");

    /// <summary><c>POST /user_management/users/{id}/email_change/send</c> with <c>{"new_email": …}</c>.</summary>
    public static HttpRequestSpec SendEmailChange(SendEmailChangeRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "users", r.UserId, "email_change", "send")
            .WithBody(Json.Object(Json.Always("new_email", r.NewEmail)));

    /// <summary><c>POST /user_management/users/{id}/email_change/confirm</c> with <c>{"code": …}</c>.</summary>
    public static HttpRequestSpec ConfirmEmailChange(ConfirmEmailChangeRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "users", r.UserId, "email_change", "confirm")
            .WithBody(Json.Object(Json.Always("code", r.Code)));

    /// <summary><c>POST /user_management/authorize/device</c> with <c>{"client_id": …}</c> and no <c>Authorization</c> header.</summary>
    public static HttpRequestSpec CreateDevice(CreateDeviceRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "authorize", "device").WithoutAuthHeader()
            .WithBody(Json.Object(Json.Always("client_id", r.ClientId)));

    /// <summary>
    /// <c>POST /user_management/authenticate</c>, the device-code grant: a public-client grant, so neither
    /// <c>client_secret</c> nor an <c>Authorization</c> header is sent.
    /// </summary>
    public static HttpRequestSpec AuthenticateWithDeviceCode(AuthenticateWithDeviceCodeRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "authenticate").WithoutAuthHeader().WithBody(Json.Object(
            Json.Always("grant_type", GrantTypes.DeviceCode),
            Json.Always("device_code", r.DeviceCode),
            Json.Always("client_id", r.ClientId),
            Json.IfSet("ip_address", r.IpAddress),
            Json.IfSet("device_id", r.DeviceId),
            Json.IfSet("user_agent", r.UserAgent)));

    /// <summary><c>POST /user_management/radar_challenges</c>: user_id, pending_authentication_token, phone_number, then the optional ip_address, user_agent.</summary>
    public static HttpRequestSpec CreateRadarChallenge(CreateRadarChallengeRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "radar_challenges").WithBody(Json.Object(
            Json.Always("user_id", r.UserId),
            Json.Always("pending_authentication_token", r.PendingAuthenticationToken),
            Json.Always("phone_number", r.PhoneNumber),
            Json.IfSet("ip_address", r.IpAddress),
            Json.IfSet("user_agent", r.UserAgent)));

    /// <summary><c>GET /user_management/radar_challenges/{id}</c>.</summary>
    public static HttpRequestSpec GetRadarChallenge(GetRadarChallengeRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, "radar_challenges", r.RadarChallengeId);

    /// <summary><c>POST /user_management/authenticate</c>, the Radar email grant; <c>client_secret</c> is the API key.</summary>
    public static HttpRequestSpec AuthenticateWithRadarEmailChallenge(AuthenticateWithRadarEmailChallengeRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "authenticate").WithoutAuthHeader().WithBody(Json.Object(
            Json.Always("grant_type", GrantTypes.RadarEmailChallenge),
            Json.Always("code", r.Code),
            Json.Always("radar_challenge_id", r.RadarChallengeId),
            Json.Always("pending_authentication_token", r.PendingAuthenticationToken),
            Json.Always("client_id", r.ClientId),
            Json.Always("client_secret", apiKey),
            Json.IfSet("ip_address", r.IpAddress),
            Json.IfSet("device_id", r.DeviceId),
            Json.IfSet("user_agent", r.UserAgent)));

    /// <summary><c>POST /user_management/authenticate</c>, the Radar SMS grant; <c>client_secret</c> is the API key.</summary>
    public static HttpRequestSpec AuthenticateWithRadarSmsChallenge(AuthenticateWithRadarSmsChallengeRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "authenticate").WithoutAuthHeader().WithBody(Json.Object(
            Json.Always("grant_type", GrantTypes.RadarSmsChallenge),
            Json.Always("code", r.Code),
            Json.Always("verification_id", r.VerificationId),
            Json.Always("phone_number", r.PhoneNumber),
            Json.Always("pending_authentication_token", r.PendingAuthenticationToken),
            Json.Always("client_id", r.ClientId),
            Json.Always("client_secret", apiKey),
            Json.IfSet("ip_address", r.IpAddress),
            Json.IfSet("device_id", r.DeviceId),
            Json.IfSet("user_agent", r.UserAgent)));

    /// <summary><c>GET /user_management/organization_memberships/{id}/groups?…</c>: limit and order always, cursors when set.</summary>
    public static HttpRequestSpec ListOrganizationMembershipGroups(ListOrganizationMembershipGroupsRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, "organization_memberships", r.OrganizationMembershipId, "groups")
            .WithQuery(Paging(r.Limit, r.Order, r.Before, r.After));
}
