namespace WorkOS.Functional;

/// <summary>Validated input of <c>AuthenticateWithPassword</c> (spec §2.2 #8, grant <c>password</c>).</summary>
public sealed record AuthenticateWithPasswordRequest
{
    private AuthenticateWithPasswordRequest(string clientId, string email, Secret password, Option<string> ipAddress, Option<string> userAgent,
        Option<Secret> invitationToken, Option<string> deviceId, Option<string> signalsId, Option<string> radarAuthAttemptId) =>
        (ClientId, Email, Password, IpAddress, UserAgent, InvitationToken, DeviceId, SignalsId, RadarAuthAttemptId) =
        (clientId, email, password, ipAddress, userAgent, invitationToken, deviceId, signalsId, radarAuthAttemptId);

    /// <summary>The WorkOS client ID (<c>client_…</c>).</summary>
    public string ClientId { get; }
    /// <summary>The user's email address.</summary>
    public string Email { get; }
    /// <summary>The user's password.</summary>
    public Secret Password { get; }
    /// <summary>The end user's IP address, forwarded for session records and risk checks.</summary>
    public Option<string> IpAddress { get; }
    /// <summary>The end user's browser user agent (not the HTTP <c>User-Agent</c> of this client).</summary>
    public Option<string> UserAgent { get; }
    /// <summary>The token of an invitation to accept with this sign-in (<c>invitation_token</c>).</summary>
    public Option<Secret> InvitationToken { get; }
    /// <summary>A stable ID of the end user's device (<c>device_id</c>), for risk checks.</summary>
    public Option<string> DeviceId { get; }
    /// <summary>The ID of the browser signals collected for Radar (<c>signals_id</c>).</summary>
    public Option<string> SignalsId { get; }
    /// <summary>The ID of the Radar authentication attempt this sign-in continues (<c>radar_auth_attempt_id</c>).</summary>
    public Option<string> RadarAuthAttemptId { get; }

    /// <summary>
    /// Validates: <c>client_id</c> non-blank, <c>email</c> address-shaped, <c>password</c> non-blank; the optional
    /// <c>invitation_token</c>, <c>device_id</c>, <c>signals_id</c> and <c>radar_auth_attempt_id</c> not white space
    /// only when given. Every problem is reported at once.
    /// </summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="email">The user's email address.</param>
    /// <param name="password">The user's password.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    /// <param name="invitationToken">The token of an invitation to accept.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    /// <param name="signalsId">The ID of the browser signals collected for Radar.</param>
    /// <param name="radarAuthAttemptId">The ID of the Radar authentication attempt.</param>
    public static Either<Error, AuthenticateWithPasswordRequest> Create(string? clientId, string? email, string? password,
        string? ipAddress = null, string? userAgent = null, string? invitationToken = null, string? deviceId = null,
        string? signalsId = null, string? radarAuthAttemptId = null) =>
        (Rules.Required("client_id", clientId), Rules.Email("email", email), Rules.RequiredSecret("password", password),
         Rules.OptionalSecretId("invitation_token", invitationToken), Rules.OptionalId("device_id", deviceId),
         Rules.OptionalId("signals_id", signalsId), Rules.OptionalId("radar_auth_attempt_id", radarAuthAttemptId))
            .Apply((c, e, p, i, d, s, r) => new AuthenticateWithPasswordRequest(c, e, p, Rules.Optional(ipAddress), Rules.Optional(userAgent), i, d, s, r))
            .ToRequest();
}
