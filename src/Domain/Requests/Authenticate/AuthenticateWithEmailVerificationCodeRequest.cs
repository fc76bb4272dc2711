namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>AuthenticateWithEmailVerificationCode</c> (spec §2.2 #13, grant
/// <c>urn:workos:oauth:grant-type:email-verification:code</c>): completes an <see cref="EmailVerificationRequired"/> step-up.
/// </summary>
public sealed record AuthenticateWithEmailVerificationCodeRequest
{
    private AuthenticateWithEmailVerificationCodeRequest(string clientId, Secret code, Secret pendingAuthenticationToken,
        Option<string> ipAddress, Option<string> userAgent, Option<string> deviceId) =>
        (ClientId, Code, PendingAuthenticationToken, IpAddress, UserAgent, DeviceId) = (clientId, code, pendingAuthenticationToken, ipAddress, userAgent, deviceId);

    /// <summary>The WorkOS client ID.</summary>
    public string ClientId { get; }
    /// <summary>The emailed verification code.</summary>
    public Secret Code { get; }
    /// <summary>The pending token of the step-up error.</summary>
    public Secret PendingAuthenticationToken { get; }
    /// <summary>The end user's IP address.</summary>
    public Option<string> IpAddress { get; }
    /// <summary>The end user's browser user agent.</summary>
    public Option<string> UserAgent { get; }
    /// <summary>A stable ID of the end user's device (<c>device_id</c>), for risk checks.</summary>
    public Option<string> DeviceId { get; }

    /// <summary>Validates: <c>client_id</c>, <c>code</c> and <c>pending_authentication_token</c> non-blank; the optional <c>device_id</c> not white space only when given. Every problem is reported at once.</summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="code">The emailed code.</param>
    /// <param name="pendingAuthenticationToken">The pending token of the step-up error.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    public static Either<Error, AuthenticateWithEmailVerificationCodeRequest> Create(string? clientId, string? code, string? pendingAuthenticationToken,
        string? ipAddress = null, string? userAgent = null, string? deviceId = null) =>
        Create(clientId, code, pendingAuthenticationToken is null ? null : Secret.Of(pendingAuthenticationToken), ipAddress, userAgent, deviceId);

    /// <summary>The same, from the pending token of an <see cref="EmailVerificationRequired"/> error, which stays wrapped.</summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="code">The emailed code.</param>
    /// <param name="pendingAuthenticationToken">The pending token of the step-up error.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    public static Either<Error, AuthenticateWithEmailVerificationCodeRequest> Create(string? clientId, string? code, Secret? pendingAuthenticationToken,
        string? ipAddress = null, string? userAgent = null, string? deviceId = null) =>
        (Rules.Required("client_id", clientId), Rules.RequiredSecret("code", code),
         Rules.NonBlankSecret("pending_authentication_token", pendingAuthenticationToken), Rules.OptionalId("device_id", deviceId))
            .Apply((c, k, p, d) => new AuthenticateWithEmailVerificationCodeRequest(c, k, p, Rules.Optional(ipAddress), Rules.Optional(userAgent), d))
            .ToRequest();
}
