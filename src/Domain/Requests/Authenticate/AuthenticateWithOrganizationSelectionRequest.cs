namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>AuthenticateWithOrganizationSelection</c> (spec §2.2 #14, grant
/// <c>urn:workos:oauth:grant-type:organization-selection</c>): completes an
/// <see cref="OrganizationSelectionRequired"/> step-up with one of its organizations.
/// </summary>
public sealed record AuthenticateWithOrganizationSelectionRequest
{
    private AuthenticateWithOrganizationSelectionRequest(string clientId, Secret pendingAuthenticationToken, string organizationId,
        Option<string> ipAddress, Option<string> userAgent, Option<string> deviceId) =>
        (ClientId, PendingAuthenticationToken, OrganizationId, IpAddress, UserAgent, DeviceId) = (clientId, pendingAuthenticationToken, organizationId, ipAddress, userAgent, deviceId);

    /// <summary>The WorkOS client ID.</summary>
    public string ClientId { get; }
    /// <summary>The pending token of the step-up error.</summary>
    public Secret PendingAuthenticationToken { get; }
    /// <summary>The chosen organization (one listed in the step-up error).</summary>
    public string OrganizationId { get; }
    /// <summary>The end user's IP address.</summary>
    public Option<string> IpAddress { get; }
    /// <summary>The end user's browser user agent.</summary>
    public Option<string> UserAgent { get; }
    /// <summary>A stable ID of the end user's device (<c>device_id</c>), for risk checks.</summary>
    public Option<string> DeviceId { get; }

    /// <summary>Validates: <c>client_id</c>, <c>pending_authentication_token</c> and <c>organization_id</c> non-blank; the optional <c>device_id</c> not white space only when given. Every problem is reported at once.</summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="pendingAuthenticationToken">The pending token of the step-up error.</param>
    /// <param name="organizationId">The chosen organization.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    public static Either<Error, AuthenticateWithOrganizationSelectionRequest> Create(string? clientId, string? pendingAuthenticationToken,
        string? organizationId, string? ipAddress = null, string? userAgent = null, string? deviceId = null) =>
        Create(clientId, pendingAuthenticationToken is null ? null : Secret.Of(pendingAuthenticationToken), organizationId, ipAddress, userAgent, deviceId);

    /// <summary>The same, from the pending token of an <see cref="OrganizationSelectionRequired"/> error, which stays wrapped.</summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="pendingAuthenticationToken">The pending token of the step-up error.</param>
    /// <param name="organizationId">The chosen organization.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    public static Either<Error, AuthenticateWithOrganizationSelectionRequest> Create(string? clientId, Secret? pendingAuthenticationToken,
        string? organizationId, string? ipAddress = null, string? userAgent = null, string? deviceId = null) =>
        (Rules.Required("client_id", clientId), Rules.NonBlankSecret("pending_authentication_token", pendingAuthenticationToken),
         Rules.Required("organization_id", organizationId), Rules.OptionalId("device_id", deviceId))
            .Apply((c, p, o, d) => new AuthenticateWithOrganizationSelectionRequest(c, p, o, Rules.Optional(ipAddress), Rules.Optional(userAgent), d))
            .ToRequest();
}
