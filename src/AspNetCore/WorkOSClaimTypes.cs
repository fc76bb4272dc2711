namespace WorkOS.Functional.AspNetCore;

/// <summary>
/// The claim types the WorkOS schemes put on a principal, named as in the access token. Each principal also carries
/// the standard <see cref="System.Security.Claims.ClaimTypes.NameIdentifier"/> (user ID),
/// <see cref="System.Security.Claims.ClaimTypes.Email"/> (when known) and <see cref="System.Security.Claims.ClaimTypes.Role"/>
/// (one per role) claims.
/// </summary>
public static class WorkOSClaimTypes
{
    /// <summary>The user ID (<c>sub</c>).</summary>
    public const string UserId = "sub";

    /// <summary>The user's email address (<c>email</c>): always from the session cookie; a bearer token may lack it.</summary>
    public const string Email = "email";

    /// <summary>The session ID (<c>sid</c>).</summary>
    public const string Sid = "sid";

    /// <summary>The organization the session is scoped to (<c>org_id</c>).</summary>
    public const string OrganizationId = "org_id";

    /// <summary>One role (<c>role</c>), one claim per role of the token's <c>role</c> and <c>roles</c>.</summary>
    public const string Role = "role";

    /// <summary>One permission (<c>permission</c>), one claim per entry of the token's <c>permissions</c>.</summary>
    public const string Permission = "permission";
}
