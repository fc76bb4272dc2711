using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using WorkOS.Functional.Sessions;

namespace WorkOS.Functional.AspNetCore;

/// <summary>The principal both schemes build from an access token's claims (and, for a session, its user).</summary>
internal static class WorkOSPrincipal
{
    public static ClaimsPrincipal From(AccessTokenClaims claims, Option<string> email, string scheme)
    {
        var list = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, claims.Subject),
            new(WorkOSClaimTypes.UserId, claims.Subject),
        };
        email.IfSome(e => list.AddRange([new Claim(ClaimTypes.Email, e), new Claim(WorkOSClaimTypes.Email, e)]));
        claims.SessionId.IfSome(s => list.Add(new Claim(WorkOSClaimTypes.Sid, s)));
        claims.OrganizationId.IfSome(o => list.Add(new Claim(WorkOSClaimTypes.OrganizationId, o)));
        foreach (var role in claims.Role.ToSeq().Concat(claims.Roles).Distinct())
            list.AddRange([new Claim(ClaimTypes.Role, role), new Claim(WorkOSClaimTypes.Role, role)]);
        foreach (var permission in claims.Permissions.Distinct())
            list.Add(new Claim(WorkOSClaimTypes.Permission, permission));
        return new ClaimsPrincipal(new ClaimsIdentity(list, scheme, WorkOSClaimTypes.Email, ClaimTypes.Role));
    }

    /// <summary>
    /// The ticket: the principal, and the access token as the standard tokens <c>access_token</c> and <c>expires_at</c>
    /// (round-trip ISO 8601), for <c>HttpContext.GetTokenAsync("access_token")</c>.
    /// </summary>
    public static AuthenticationTicket Ticket(AccessTokenClaims claims, Option<string> email, string accessToken, string scheme)
    {
        var properties = new AuthenticationProperties { ExpiresUtc = claims.ExpiresAt };
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = accessToken },
            new AuthenticationToken { Name = "expires_at", Value = claims.ExpiresAt.ToString("o", CultureInfo.InvariantCulture) },
        ]);
        return new AuthenticationTicket(From(claims, email, scheme), properties, scheme);
    }
}
