namespace WorkOS.Functional.Http;

// Wire shapes of spec §3.10–§3.12. Snake-case naming: OauthTokens ↔ oauth_tokens,
// AuthkitAuthorizationCode ↔ authkit_authorization_code.

internal sealed class AuthenticateResponseDto
{
    public UserDto? User { get; set; }
    public string? OrganizationId { get; set; }
    public string? AccessToken { get; set; }
    public string? RefreshToken { get; set; }
    public string? AuthenticationMethod { get; set; }
    public ImpersonatorDto? Impersonator { get; set; }
    public OAuthTokensDto? OauthTokens { get; set; }
    public string? AuthkitAuthorizationCode { get; set; }

    public AuthenticateResponse ToDomain() => new(
        (User ?? new UserDto()).ToDomain(),
        Wire.Opt(OrganizationId),
        Secret.Of(AccessToken),
        Secret.Of(RefreshToken),
        Wire.Opt(AuthenticationMethod).Map(static m => new AuthenticationMethod(m)),
        Optional(Impersonator).Map(static i => i.ToDomain()),
        Optional(OauthTokens).Map(static t => t.ToDomain()),
        Wire.OptSecret(AuthkitAuthorizationCode));
}

internal sealed class ImpersonatorDto
{
    public string? Email { get; set; }
    public string? Reason { get; set; }

    public Impersonator ToDomain() => new(Email ?? "", Wire.Opt(Reason));
}

internal sealed class OAuthTokensDto
{
    public string? AccessToken { get; set; }
    public string? RefreshToken { get; set; }
    public List<string?>? Scopes { get; set; }
    public long? ExpiresAt { get; set; }
    public string? Provider { get; set; }

    public OAuthTokens ToDomain() => new(
        Secret.Of(AccessToken), Secret.Of(RefreshToken),
        toSeq((Scopes ?? []).Where(static s => s is not null).Select(static s => s!)).Strict(),
        ExpiresAt ?? 0, Wire.Opt(Provider));
}

public static partial class Decode
{
    /// <summary>
    /// The answer of every authenticate grant (spec §3.11), refresh included. Lenient like Go: absent or null
    /// fields become empty values or <c>None</c>; a body that is not a JSON object is a <see cref="DecodeError"/>.
    /// </summary>
    public static Either<Error, AuthenticateResponse> AuthenticateResponse(HttpResponseSpec r) =>
        Body<AuthenticateResponseDto, AuthenticateResponse>("AuthenticateResponse", r, static d => d.ToDomain());
}
