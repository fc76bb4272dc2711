namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>AuthenticateWithRadarEmailChallenge</c> (grant
/// <c>urn:workos:oauth:grant-type:radar-email-challenge:code</c>): completes a <c>radar_email_challenge</c> step-up
/// with the emailed code.
/// </summary>
public sealed record AuthenticateWithRadarEmailChallengeRequest
{
    private AuthenticateWithRadarEmailChallengeRequest(string clientId, Secret code, string radarChallengeId, Secret pendingAuthenticationToken,
        Option<string> ipAddress, Option<string> deviceId, Option<string> userAgent) =>
        (ClientId, Code, RadarChallengeId, PendingAuthenticationToken, IpAddress, DeviceId, UserAgent) =
        (clientId, code, radarChallengeId, pendingAuthenticationToken, ipAddress, deviceId, userAgent);

    /// <summary>The WorkOS client ID.</summary>
    public string ClientId { get; }
    /// <summary>The emailed one-time code.</summary>
    public Secret Code { get; }
    /// <summary>The challenge ID of the step-up error.</summary>
    public string RadarChallengeId { get; }
    /// <summary>The pending token of the step-up error.</summary>
    public Secret PendingAuthenticationToken { get; }
    /// <summary>The end user's IP address; sent when set, even empty.</summary>
    public Option<string> IpAddress { get; }
    /// <summary>A stable ID of the end user's device; sent when set, even empty.</summary>
    public Option<string> DeviceId { get; }
    /// <summary>The end user's user agent; sent when set, even empty.</summary>
    public Option<string> UserAgent { get; }

    /// <summary>
    /// Validates: <c>client_id</c>, <c>code</c>, <c>radar_challenge_id</c> and <c>pending_authentication_token</c>
    /// non-blank. Every problem is reported at once.
    /// </summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="code">The emailed code.</param>
    /// <param name="radarChallengeId">The challenge ID.</param>
    /// <param name="pendingAuthenticationToken">The pending token of the step-up error.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    /// <param name="userAgent">The end user's user agent.</param>
    public static Either<Error, AuthenticateWithRadarEmailChallengeRequest> Create(string? clientId, string? code, string? radarChallengeId,
        Secret? pendingAuthenticationToken, string? ipAddress = null, string? deviceId = null, string? userAgent = null) =>
        (Rules.Required("client_id", clientId), Rules.RequiredSecret("code", code), Rules.Required("radar_challenge_id", radarChallengeId),
         Rules.NonBlankSecret("pending_authentication_token", pendingAuthenticationToken))
            .Apply((c, k, r, t) => new AuthenticateWithRadarEmailChallengeRequest(c, k, r, t, Optional(ipAddress), Optional(deviceId), Optional(userAgent)))
            .ToRequest();
}
