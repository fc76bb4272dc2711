namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>AuthenticateWithTOTP</c> (spec §2.2 #12, grant <c>urn:workos:oauth:grant-type:mfa-totp</c>):
/// completes an <see cref="MfaEnrollmentRequired"/> or <see cref="MfaChallengeRequired"/> step-up.
/// </summary>
public sealed record AuthenticateWithTOTPRequest
{
    private AuthenticateWithTOTPRequest(string clientId, Secret code, Secret pendingAuthenticationToken, string authenticationChallengeId,
        Option<string> ipAddress, Option<string> userAgent, Option<string> deviceId) =>
        (ClientId, Code, PendingAuthenticationToken, AuthenticationChallengeId, IpAddress, UserAgent, DeviceId) =
        (clientId, code, pendingAuthenticationToken, authenticationChallengeId, ipAddress, userAgent, deviceId);

    /// <summary>The WorkOS client ID.</summary>
    public string ClientId { get; }
    /// <summary>The 6-digit TOTP code.</summary>
    public Secret Code { get; }
    /// <summary>The pending token of the step-up error.</summary>
    public Secret PendingAuthenticationToken { get; }
    /// <summary>The challenge ID (from <c>EnrollAuthFactor</c> or a challenge of a listed factor).</summary>
    public string AuthenticationChallengeId { get; }
    /// <summary>The end user's IP address.</summary>
    public Option<string> IpAddress { get; }
    /// <summary>The end user's browser user agent.</summary>
    public Option<string> UserAgent { get; }
    /// <summary>A stable ID of the end user's device (<c>device_id</c>), for risk checks.</summary>
    public Option<string> DeviceId { get; }

    /// <summary>
    /// Validates: <c>client_id</c>, <c>code</c>, <c>pending_authentication_token</c> and
    /// <c>authentication_challenge_id</c> non-blank; the optional <c>device_id</c> not white space only when given. Every problem is reported at once.
    /// </summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="code">The TOTP code.</param>
    /// <param name="pendingAuthenticationToken">The pending token of the step-up error.</param>
    /// <param name="authenticationChallengeId">The challenge ID.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    public static Either<Error, AuthenticateWithTOTPRequest> Create(string? clientId, string? code, string? pendingAuthenticationToken,
        string? authenticationChallengeId, string? ipAddress = null, string? userAgent = null, string? deviceId = null) =>
        Create(clientId, code, pendingAuthenticationToken is null ? null : Secret.Of(pendingAuthenticationToken), authenticationChallengeId, ipAddress, userAgent, deviceId);

    /// <summary>
    /// The same, from the pending token a step-up error carries (<see cref="AuthStepUp.PendingAuthenticationToken"/>),
    /// which stays wrapped.
    /// </summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="code">The TOTP code.</param>
    /// <param name="pendingAuthenticationToken">The pending token of the step-up error.</param>
    /// <param name="authenticationChallengeId">The challenge ID.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    public static Either<Error, AuthenticateWithTOTPRequest> Create(string? clientId, string? code, Secret? pendingAuthenticationToken,
        string? authenticationChallengeId, string? ipAddress = null, string? userAgent = null, string? deviceId = null) =>
        (Rules.Required("client_id", clientId), Rules.RequiredSecret("code", code),
         Rules.NonBlankSecret("pending_authentication_token", pendingAuthenticationToken),
         Rules.Required("authentication_challenge_id", authenticationChallengeId), Rules.OptionalId("device_id", deviceId))
            .Apply((c, k, p, ch, d) => new AuthenticateWithTOTPRequest(c, k, p, ch, Rules.Optional(ipAddress), Rules.Optional(userAgent), d))
            .ToRequest();
}
