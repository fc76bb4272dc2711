namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>AuthenticateWithMagicAuth</c> (spec §2.2 #11, grant
/// <c>urn:workos:oauth:grant-type:magic-auth:code</c>): the one-time code emailed by <c>CreateMagicAuth</c>.
/// </summary>
public sealed record AuthenticateWithMagicAuthRequest
{
    private AuthenticateWithMagicAuthRequest(string clientId, Secret code, string email, Option<Secret> linkAuthorizationCode,
        Option<string> ipAddress, Option<string> userAgent) =>
        (ClientId, Code, Email, LinkAuthorizationCode, IpAddress, UserAgent) = (clientId, code, email, linkAuthorizationCode, ipAddress, userAgent);

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

    /// <summary>Validates: <c>client_id</c> and <c>code</c> non-blank, <c>email</c> address-shaped. Every problem is reported at once.</summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="code">The one-time code.</param>
    /// <param name="email">The address the code was sent to.</param>
    /// <param name="linkAuthorizationCode">An earlier attempt's authorization code to link.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    public static Either<Error, AuthenticateWithMagicAuthRequest> Create(string? clientId, string? code, string? email,
        string? linkAuthorizationCode = null, string? ipAddress = null, string? userAgent = null) =>
        (Rules.Required("client_id", clientId), Rules.RequiredSecret("code", code), Rules.Email("email", email))
            .Apply((c, k, e) => new AuthenticateWithMagicAuthRequest(c, k, e, Rules.OptionalSecret(linkAuthorizationCode),
                Rules.Optional(ipAddress), Rules.Optional(userAgent)))
            .ToRequest();
}
