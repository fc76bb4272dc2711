namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>AuthenticateWithCode</c> (spec §2.2 #9, grant <c>authorization_code</c>): exchanges the
/// <c>code</c> that the authorization URL delivered to the redirect URI.
/// </summary>
public sealed record AuthenticateWithCodeRequest
{
    private AuthenticateWithCodeRequest(string clientId, Secret code, Option<Secret> codeVerifier, Option<string> ipAddress, Option<string> userAgent) =>
        (ClientId, Code, CodeVerifier, IpAddress, UserAgent) = (clientId, code, codeVerifier, ipAddress, userAgent);

    /// <summary>The WorkOS client ID.</summary>
    public string ClientId { get; }
    /// <summary>The authorization code from the redirect.</summary>
    public Secret Code { get; }
    /// <summary>The PKCE verifier, when the authorization URL carried a <c>code_challenge</c>.</summary>
    public Option<Secret> CodeVerifier { get; }
    /// <summary>The end user's IP address.</summary>
    public Option<string> IpAddress { get; }
    /// <summary>The end user's browser user agent.</summary>
    public Option<string> UserAgent { get; }

    /// <summary>Validates: <c>client_id</c> and <c>code</c> non-blank. Every problem is reported at once.</summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="code">The authorization code.</param>
    /// <param name="codeVerifier">The PKCE code verifier.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    public static Either<Error, AuthenticateWithCodeRequest> Create(string? clientId, string? code, string? codeVerifier = null,
        string? ipAddress = null, string? userAgent = null) =>
        (Rules.Required("client_id", clientId), Rules.RequiredSecret("code", code))
            .Apply((c, k) => new AuthenticateWithCodeRequest(c, k, Rules.OptionalSecret(codeVerifier), Rules.Optional(ipAddress), Rules.Optional(userAgent)))
            .ToRequest();
}
