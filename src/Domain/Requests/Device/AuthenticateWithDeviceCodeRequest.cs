namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>AuthenticateWithDeviceCode</c> (grant <c>urn:ietf:params:oauth:grant-type:device_code</c>,
/// RFC 8628 §3.4): one poll for the device sign-in started by <c>CreateDevice</c>. A public-client grant: no
/// <c>client_secret</c> and no API key are sent. The device code is a <see cref="Secret"/>.
/// </summary>
public sealed record AuthenticateWithDeviceCodeRequest
{
    private AuthenticateWithDeviceCodeRequest(string clientId, Secret deviceCode, Option<string> ipAddress, Option<string> deviceId, Option<string> userAgent) =>
        (ClientId, DeviceCode, IpAddress, DeviceId, UserAgent) = (clientId, deviceCode, ipAddress, deviceId, userAgent);

    /// <summary>The WorkOS client ID.</summary>
    public string ClientId { get; }
    /// <summary>The device code of <see cref="DeviceAuthorizationResponse.DeviceCode"/>.</summary>
    public Secret DeviceCode { get; }
    /// <summary>The device's IP address; sent when set, even empty.</summary>
    public Option<string> IpAddress { get; }
    /// <summary>A stable ID of the device; sent when set, even empty.</summary>
    public Option<string> DeviceId { get; }
    /// <summary>The device's user agent; sent when set, even empty.</summary>
    public Option<string> UserAgent { get; }

    /// <summary>Validates: <c>client_id</c> and <c>device_code</c> non-blank. Every problem is reported at once.</summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="deviceCode">The device code (e.g. <see cref="DeviceAuthorizationResponse.DeviceCode"/>).</param>
    /// <param name="ipAddress">The device's IP address.</param>
    /// <param name="deviceId">A stable ID of the device.</param>
    /// <param name="userAgent">The device's user agent.</param>
    public static Either<Error, AuthenticateWithDeviceCodeRequest> Create(string? clientId, Secret? deviceCode,
        string? ipAddress = null, string? deviceId = null, string? userAgent = null) =>
        (Rules.Required("client_id", clientId), Rules.NonBlankSecret("device_code", deviceCode))
            .Apply((c, d) => new AuthenticateWithDeviceCodeRequest(c, d, Optional(ipAddress), Optional(deviceId), Optional(userAgent)))
            .ToRequest();
}
