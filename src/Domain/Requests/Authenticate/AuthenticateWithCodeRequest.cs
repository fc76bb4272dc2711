namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>AuthenticateWithCode</c> (spec §2.2 #9, grant <c>authorization_code</c>): exchanges the
/// <c>code</c> that the authorization URL delivered to the redirect URI.
/// </summary>
public sealed record AuthenticateWithCodeRequest
{
    private AuthenticateWithCodeRequest(string clientId, Secret code, Option<Secret> codeVerifier, Option<string> ipAddress, Option<string> userAgent,
        Option<Secret> invitationToken, Option<string> deviceId, Option<string> signalsId) =>
        (ClientId, Code, CodeVerifier, IpAddress, UserAgent, InvitationToken, DeviceId, SignalsId) =
        (clientId, code, codeVerifier, ipAddress, userAgent, invitationToken, deviceId, signalsId);

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
    /// <summary>The token of an invitation to accept with this sign-in (<c>invitation_token</c>).</summary>
    public Option<Secret> InvitationToken { get; }
    /// <summary>A stable ID of the end user's device (<c>device_id</c>), for risk checks.</summary>
    public Option<string> DeviceId { get; }
    /// <summary>The ID of the browser signals collected for Radar (<c>signals_id</c>).</summary>
    public Option<string> SignalsId { get; }

    /// <summary>
    /// Validates: <c>client_id</c> and <c>code</c> non-blank; the optional <c>invitation_token</c>, <c>device_id</c>
    /// and <c>signals_id</c> not white space only when given. Every problem is reported at once.
    /// </summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="code">The authorization code.</param>
    /// <param name="codeVerifier">The PKCE code verifier.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    /// <param name="invitationToken">The token of an invitation to accept.</param>
    /// <param name="deviceId">A stable ID of the end user's device.</param>
    /// <param name="signalsId">The ID of the browser signals collected for Radar.</param>
    public static Either<Error, AuthenticateWithCodeRequest> Create(string? clientId, string? code, string? codeVerifier = null,
        string? ipAddress = null, string? userAgent = null, string? invitationToken = null, string? deviceId = null, string? signalsId = null) =>
        (Rules.Required("client_id", clientId), Rules.RequiredSecret("code", code), Rules.OptionalSecretId("invitation_token", invitationToken),
         Rules.OptionalId("device_id", deviceId), Rules.OptionalId("signals_id", signalsId))
            .Apply((c, k, i, d, s) => new AuthenticateWithCodeRequest(c, k, Rules.OptionalSecret(codeVerifier), Rules.Optional(ipAddress),
                Rules.Optional(userAgent), i, d, s))
            .ToRequest();
}
