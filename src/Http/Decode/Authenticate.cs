namespace WorkOS.Functional.Http;

// Wire shapes of spec §3.10–§3.12. Snake-case naming: OauthTokens ↔ oauth_tokens,
// AuthkitAuthorizationCode ↔ authkit_authorization_code.

internal sealed class AuthenticateResponseDto : IWireObject
{
    public WireUser? User { get; set; }
    public string? OrganizationId { get; set; }
    public string? AccessToken { get; set; }
    public string? RefreshToken { get; set; }
    public string? AuthenticationMethod { get; set; }
    public ImpersonatorDto? Impersonator { get; set; }
    public OAuthTokensDto? OauthTokens { get; set; }
    public string? AuthkitAuthorizationCode { get; set; }

    public Seq<string> Missing(string at) =>
        User is { IsComplete: true } && Wire.IsSet(AccessToken) && Wire.IsSet(RefreshToken)
            && Impersonator is null && OauthTokens is null
            ? Seq<string>() // the common answer, checked without building paths or joining sequences
            : Wire.Missing(at, ("user", User), ("access_token", AccessToken), ("refresh_token", RefreshToken))
              + Wire.Nested(at, "user", User) + Wire.Nested(at, "impersonator", Impersonator) + Wire.Nested(at, "oauth_tokens", OauthTokens);

    public AuthenticateResponse ToDomain() => new(
        User!.Value.User,
        Wire.Opt(OrganizationId),
        Secret.Of(AccessToken),
        Secret.Of(RefreshToken),
        Wire.Opt(AuthenticationMethod).Map(static m => new AuthenticationMethod(m)),
        Optional(Impersonator).Map(static i => i.ToDomain()),
        Optional(OauthTokens).Map(static t => t.ToDomain()),
        Wire.OptSecret(AuthkitAuthorizationCode));
}

internal sealed class ImpersonatorDto : IWireObject
{
    public string? Email { get; set; }
    public string? Reason { get; set; }

    public Seq<string> Missing(string at) => Wire.Missing(at, ("email", Email));

    public Impersonator ToDomain() => new(Email ?? "", Wire.Opt(Reason));
}

internal sealed class OAuthTokensDto : IWireObject
{
    public string? AccessToken { get; set; }
    public string? RefreshToken { get; set; }
    public List<string?>? Scopes { get; set; }
    public long? ExpiresAt { get; set; }
    public string? Provider { get; set; }

    /// <summary>Both tokens and <c>expires_at</c> are required when the object is there; absent <c>scopes</c> are none.</summary>
    public Seq<string> Missing(string at) => Wire.Missing(at, ("access_token", AccessToken), ("refresh_token", RefreshToken), ("expires_at", ExpiresAt));

    public OAuthTokens ToDomain() => new(
        Secret.Of(AccessToken), Secret.Of(RefreshToken),
        toSeq((Scopes ?? []).Where(static s => s is not null).Select(static s => s!)).Strict(),
        ExpiresAt ?? 0, Wire.Opt(Provider));
}

public static partial class Decode
{
    /// <summary>
    /// The answer of every authenticate grant (spec §3.11), refresh included. Absent or null optional fields are
    /// <c>None</c>; a missing <c>user</c> (or one of its required fields), <c>access_token</c> or <c>refresh_token</c>,
    /// or a body that is not a JSON object, is a <see cref="DecodeError"/> naming what is missing.
    /// </summary>
    public static Either<Error, AuthenticateResponse> AuthenticateResponse(HttpResponseSpec r) =>
        Body<AuthenticateResponseDto, AuthenticateResponse>("AuthenticateResponse", r, static d => d.ToDomain());
}
