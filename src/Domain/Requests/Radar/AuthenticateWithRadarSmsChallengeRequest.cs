namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>AuthenticateWithRadarSmsChallenge</c> (grant
/// <c>urn:workos:oauth:grant-type:radar-sms-challenge:code</c>): completes a <c>radar_sms_challenge</c> step-up with
/// the code texted by <c>CreateRadarChallenge</c>.
/// </summary>
public sealed record AuthenticateWithRadarSmsChallengeRequest
{
    private AuthenticateWithRadarSmsChallengeRequest(string clientId, Secret code, string verificationId, string phoneNumber,
        Secret pendingAuthenticationToken, Option<string> ipAddress, Option<string> deviceId, Option<string> userAgent) =>
        (ClientId, Code, VerificationId, PhoneNumber, PendingAuthenticationToken, IpAddress, DeviceId, UserAgent) =
        (clientId, code, verificationId, phoneNumber, pendingAuthenticationToken, ipAddress, deviceId, userAgent);

    /// <summary>The WorkOS client ID.</summary>
    public string ClientId { get; }
    /// <summary>The texted one-time code.</summary>
    public Secret Code { get; }
    /// <summary>The verification ID of <see cref="SendRadarSmsChallengeResponse.VerificationId"/>.</summary>
    public string VerificationId { get; }
    /// <summary>The phone number the code was sent to, E.164.</summary>
    public string PhoneNumber { get; }
    /// <summary>The pending token of the step-up error.</summary>
    public Secret PendingAuthenticationToken { get; }
    /// <summary>The end user's IP address; sent when set, even empty.</summary>
    public Option<string> IpAddress { get; }
    /// <summary>A stable ID of the end user's device; sent when set, even empty.</summary>
    public Option<string> DeviceId { get; }
    /// <summary>The end user's user agent; sent when set, even empty.</summary>
    public Option<string> UserAgent { get; }

    /// <summary>
    /// Validates: <c>client_id</c>, <c>code</c>, <c>verification_id</c> and <c>pending_authentication_token</c>
    /// non-blank, <c>phone_number</c> E.164. Every problem is reported at once.
    /// </summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="code">The texted code.</param>
    /// <param name="verificationId">The verification ID.</param>
    /// <param name="phoneNumber">The phone number, E.164.</param>
    /// <param name="pendingAuthenticationToken">The pending token of the step-up error.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    /// <param name="userAgent">The end user's user agent.</param>
    public static Either<Error, AuthenticateWithRadarSmsChallengeRequest> Create(string? clientId, string? code, string? verificationId,
        string? phoneNumber, Secret? pendingAuthenticationToken, string? ipAddress = null, string? deviceId = null, string? userAgent = null) =>
        (Rules.Required("client_id", clientId), Rules.RequiredSecret("code", code), Rules.Required("verification_id", verificationId),
         Rules.PhoneNumber("phone_number", phoneNumber), Rules.NonBlankSecret("pending_authentication_token", pendingAuthenticationToken))
            .Apply((c, k, v, p, t) => new AuthenticateWithRadarSmsChallengeRequest(c, k, v, p, t, Optional(ipAddress), Optional(deviceId), Optional(userAgent)))
            .ToRequest();
}
