using System.Text.Json;

namespace WorkOS.Functional.Sessions;

/// <summary>The WorkOS dashboard user acting as the signed-in user (the <c>act</c> claim) during impersonation.</summary>
/// <param name="Subject">The impersonator (<c>act.sub</c>, their email address).</param>
public sealed record TokenActor(string Subject);

/// <summary>
/// The claims of a verified WorkOS access token. WorkOS tokens carry no <c>aud</c>; claims this record does not
/// name are kept, as JSON, in <see cref="Other"/>.
/// </summary>
/// <param name="Subject">The user ID (<c>sub</c>).</param>
/// <param name="SessionId">The session ID (<c>sid</c>): for logout and <c>RevokeSession</c>.</param>
/// <param name="OrganizationId">The organization the session is scoped to (<c>org_id</c>).</param>
/// <param name="Role">The user's role in that organization (<c>role</c>).</param>
/// <param name="Roles">All the user's roles there (<c>roles</c>).</param>
/// <param name="Permissions">The permissions of those roles (<c>permissions</c>).</param>
/// <param name="Entitlements">The organization's entitlements (<c>entitlements</c>).</param>
/// <param name="FeatureFlags">Feature flags enabled for the session (<c>feature_flags</c>).</param>
/// <param name="Actor">Who is impersonating the user (<c>act</c>), during impersonation only.</param>
/// <param name="Issuer">The issuer (<c>iss</c>), when present.</param>
/// <param name="ExpiresAt">When the token expires (<c>exp</c>).</param>
/// <param name="IssuedAt">When the token was issued (<c>iat</c>), when present.</param>
/// <param name="NotBefore">When the token becomes valid (<c>nbf</c>), when present.</param>
/// <param name="TokenId">The token ID (<c>jti</c>), when present.</param>
/// <param name="Other">Every other claim, by name, as its JSON value.</param>
public sealed record AccessTokenClaims(
    string Subject,
    Option<string> SessionId,
    Option<string> OrganizationId,
    Option<string> Role,
    Seq<string> Roles,
    Seq<string> Permissions,
    Seq<string> Entitlements,
    Seq<string> FeatureFlags,
    Option<TokenActor> Actor,
    Option<string> Issuer,
    DateTimeOffset ExpiresAt,
    Option<DateTimeOffset> IssuedAt,
    Option<DateTimeOffset> NotBefore,
    Option<string> TokenId,
    HashMap<string, JsonElement> Other)
{
    /// <summary>The token's lifetime (<c>exp − iat</c>), when <c>iat</c> is present.</summary>
    public Option<TimeSpan> Lifetime => IssuedAt.Map(iat => ExpiresAt - iat);
}
