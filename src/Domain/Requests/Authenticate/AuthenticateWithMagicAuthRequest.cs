namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>AuthenticateWithMagicAuth</c> (spec §2.2 #11, grant
/// <c>urn:workos:oauth:grant-type:magic-auth:code</c>): the one-time code emailed by <c>CreateMagicAuth</c>.
/// </summary>
public sealed record AuthenticateWithMagicAuthRequest
{
    private AuthenticateWithMagicAuthRequest(string clientId, Secret code, string email, Option<Secret> linkAuthorizationCode,
        Option<string> ipAddress, Option<string> userAgent, Option<Secret> invitationToken, Option<string> deviceId, Option<string> radarAuthAttemptId) =>
        (ClientId, Code, Email, LinkAuthorizationCode, IpAddress, UserAgent, InvitationToken, DeviceId, RadarAuthAttemptId) =
        (clientId, code, email, linkAuthorizationCode, ipAddress, userAgent, invitationToken, deviceId, radarAuthAttemptId);

    /// <summary>The WorkOS client ID.</summary>
    public string ClientId { get; }
    /// <summary>The one-time code.</summary>
    public Secret Code { get; }
    /// <summary>The address the code was sent to.</summary>
    public string Email { get; }
    /// <summary>An authorization code of an earlier attempt whose credential should be linked to this user.</summary>
    public Option<Secret> LinkAuthorizationCode { get; }
    /// <summary>The end user's IP address.</summary>
    public Option<string> IpAddress { get; }
    /// <summary>The end user's browser user agent.</summary>
    public Option<string> UserAgent { get; }
    /// <summary>The token of an invitation to accept with this sign-in (<c>invitation_token</c>).</summary>
    public Option<Secret> InvitationToken { get; }
    /// <summary>A stable ID of the end user's device (<c>device_id</c>), for risk checks.</summary>
    public Option<string> DeviceId { get; }
    /// <summary>The ID of the Radar authentication attempt this sign-in continues (<c>radar_auth_attempt_id</c>).</summary>
    public Option<string> RadarAuthAttemptId { get; }

    /// <summary>
    /// Validates: <c>client_id</c> and <c>code</c> non-blank, <c>email</c> address-shaped; the optional
    /// <c>invitation_token</c>, <c>device_id</c> and <c>radar_auth_attempt_id</c> not white space only when given.
    /// Every problem is reported at once.
    /// </summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="code">The one-time code.</param>
    /// <param name="email">The address the code was sent to.</param>
    /// <param name="linkAuthorizationCode">An earlier attempt's authorization code to link.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    /// <param name="invitationToken">The token of an invitation to accept.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    /// <param name="radarAuthAttemptId">The ID of the Radar authentication attempt.</param>
    public static Either<Error, AuthenticateWithMagicAuthRequest> Create(string? clientId, string? code, string? email,
        string? linkAuthorizationCode = null, string? ipAddress = null, string? userAgent = null, string? invitationToken = null,
        string? deviceId = null, string? radarAuthAttemptId = null) =>
        (Rules.Required("client_id", clientId), Rules.RequiredSecret("code", code), Rules.Email("email", email),
         Rules.OptionalSecretId("invitation_token", invitationToken), Rules.OptionalId("device_id", deviceId),
         Rules.OptionalId("radar_auth_attempt_id", radarAuthAttemptId))
            .Apply((c, k, e, i, d, r) => new AuthenticateWithMagicAuthRequest(c, k, e, Rules.OptionalSecret(linkAuthorizationCode),
                Rules.Optional(ipAddress), Rules.Optional(userAgent), i, d, r))
            .ToRequest();
}
