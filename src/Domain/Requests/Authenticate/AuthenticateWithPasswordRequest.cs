namespace WorkOS.Functional;

/// <summary>Validated input of <c>AuthenticateWithPassword</c> (spec §2.2 #8, grant <c>password</c>).</summary>
public sealed record AuthenticateWithPasswordRequest
{
    private AuthenticateWithPasswordRequest(string clientId, string email, Secret password, Option<string> ipAddress, Option<string> userAgent) =>
        (ClientId, Email, Password, IpAddress, UserAgent) = (clientId, email, password, ipAddress, userAgent);

    /// <summary>The WorkOS client ID (<c>client_…</c>).</summary>
    public string ClientId { get; }
    /// <summary>The user's email address.</summary>
    public string Email { get; }
    /// <summary>The user's password.</summary>
    public Secret Password { get; }
    /// <summary>The end user's IP address, forwarded for session records and risk checks.</summary>
    public Option<string> IpAddress { get; }
    /// <summary>The end user's browser user agent (not the HTTP <c>User-Agent</c> of this client).</summary>
    public Option<string> UserAgent { get; }

    /// <summary>Validates: <c>client_id</c> non-blank, <c>email</c> address-shaped, <c>password</c> non-blank. Every problem is reported at once.</summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="email">The user's email address.</param>
    /// <param name="password">The user's password.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's browser user agent.</param>
    public static Either<Error, AuthenticateWithPasswordRequest> Create(string? clientId, string? email, string? password,
        string? ipAddress = null, string? userAgent = null) =>
        (Rules.Required("client_id", clientId), Rules.Email("email", email), Rules.RequiredSecret("password", password))
            .Apply((c, e, p) => new AuthenticateWithPasswordRequest(c, e, p, Rules.Optional(ipAddress), Rules.Optional(userAgent)))
            .ToRequest();
}
