namespace WorkOS.Functional;

/// <summary>Validated input of <c>AuthenticateWithRefreshToken</c> (spec §2.2 #10, grant <c>refresh_token</c>): rotates the tokens.</summary>
public sealed record AuthenticateWithRefreshTokenRequest
{
    private AuthenticateWithRefreshTokenRequest(string clientId, Secret refreshToken, Option<string> organizationId, Option<string> ipAddress, Option<string> userAgent, Option<string> deviceId) =>
        (ClientId, RefreshToken, OrganizationId, IpAddress, UserAgent, DeviceId) = (clientId, refreshToken, organizationId, ipAddress, userAgent, deviceId);

    /// <summary>The WorkOS client ID.</summary>
    public string ClientId { get; }
    /// <summary>The refresh token of the session.</summary>
    public Secret RefreshToken { get; }
    /// <summary>Switch the session to this organization (one the user belongs to).</summary>
    public Option<string> OrganizationId { get; }
    /// <summary>The end user's IP address.</summary>
    public Option<string> IpAddress { get; }
    /// <summary>The end user's browser user agent.</summary>
    public Option<string> UserAgent { get; }
    /// <summary>A stable ID of the end user's device (<c>device_id</c>), for risk checks.</summary>
    public Option<string> DeviceId { get; }

    /// <summary>Validates: <c>client_id</c> and <c>refresh_token</c> non-blank; the optional <c>device_id</c> not white space only when given. Every problem is reported at once.</summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="organizationId">The organization to switch the session to.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    public static Either<Error, AuthenticateWithRefreshTokenRequest> Create(string? clientId, string? refreshToken, string? organizationId = null,
        string? ipAddress = null, string? userAgent = null, string? deviceId = null) =>
        Create(clientId, refreshToken is null ? null : Secret.Of(refreshToken), organizationId, ipAddress, userAgent, deviceId);

    /// <summary>
    /// The same, from a refresh token that is already a <see cref="Secret"/> (e.g. the
    /// <see cref="AuthenticateResponse.RefreshToken"/> of an earlier sign-in), so it is never revealed to pass it on.
    /// </summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="organizationId">The organization to switch the session to.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    public static Either<Error, AuthenticateWithRefreshTokenRequest> Create(string? clientId, Secret? refreshToken, string? organizationId = null,
        string? ipAddress = null, string? userAgent = null, string? deviceId = null) =>
        (Rules.Required("client_id", clientId), Rules.NonBlankSecret("refresh_token", refreshToken), Rules.OptionalId("device_id", deviceId))
            .Apply((c, t, d) => new AuthenticateWithRefreshTokenRequest(c, t, Rules.Optional(organizationId), Rules.Optional(ipAddress), Rules.Optional(userAgent), d))
            .ToRequest();
}
