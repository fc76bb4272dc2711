namespace WorkOS.Functional;

/// <summary>The WorkOS dashboard user impersonating the signed-in user (spec §3.10).</summary>
/// <param name="Email">The impersonator's email address.</param>
/// <param name="Reason">The stated reason, when given.</param>
public sealed record Impersonator(string Email, Option<string> Reason);

/// <summary>The OAuth provider's own tokens, when enabled for the provider in the dashboard (spec §3.12).</summary>
/// <param name="AccessToken">The provider's access token.</param>
/// <param name="RefreshToken">The provider's refresh token.</param>
/// <param name="Scopes">The granted scopes.</param>
/// <param name="ExpiresAt">When the access token expires (Unix seconds, as sent).</param>
/// <param name="Provider">The provider (newer servers), when sent.</param>
public sealed record OAuthTokens(Secret AccessToken, Secret RefreshToken, Seq<string> Scopes, long ExpiresAt, Option<string> Provider);

/// <summary>
/// A successful authentication (spec §3.11), answered by all seven <c>AuthenticateWith*</c> grants. Tokens are
/// <see cref="Secret"/>s, so printing a response never shows them.
/// <c>AuthenticateWithRefreshToken</c> also answers with this full type: a superset of Go's
/// <c>RefreshAuthenticationResponse</c> (spec §3.13), which keeps only the two tokens of the same payload.
/// </summary>
/// <param name="User">The signed-in user.</param>
/// <param name="OrganizationId">The organization the session is scoped to, if any.</param>
/// <param name="AccessToken">The access token (a JWT; verify it with the keys at <c>GetJWKSURL</c>).</param>
/// <param name="RefreshToken">The refresh token, for <c>AuthenticateWithRefreshToken</c>.</param>
/// <param name="AuthenticationMethod">How the user authenticated, when sent; unknown values are kept as-is.</param>
/// <param name="Impersonator">Who is impersonating the user, during impersonation only.</param>
/// <param name="OAuthTokens">The OAuth provider's tokens, when enabled.</param>
/// <param name="AuthkitAuthorizationCode">An AuthKit authorization code (newer servers), when sent.</param>
public sealed record AuthenticateResponse(
    User User,
    Option<string> OrganizationId,
    Secret AccessToken,
    Secret RefreshToken,
    Option<AuthenticationMethod> AuthenticationMethod,
    Option<Impersonator> Impersonator,
    Option<OAuthTokens> OAuthTokens,
    Option<Secret> AuthkitAuthorizationCode);
