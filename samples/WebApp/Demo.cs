using System.Security.Claims;
using System.Security.Cryptography;
using WorkOS.Functional.AspNetCore;
using WorkOS.Functional.Emulator;

namespace WorkOS.Functional.WebApp;

/// <summary>The demo environment the embedded emulator starts with, and the app's small pieces of logic.</summary>
internal static class Demo
{
    /// <summary>Where the app listens unless <c>--urls</c> or <c>ASPNETCORE_URLS</c> say otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>The API's policy: a bearer access token whose role grants <c>widgets:read</c>.</summary>
    public const string ApiPolicy = "api:widgets:read";

    // Emulator-only demo values: they exist nowhere but in the in-memory emulator this app starts.
    public const string UserId = "user_demo";
    public const string Email = "demo@example.com";
    public const string Password = "Demo-Passw0rd!";

    /// <summary>
    /// A user whose email is not verified yet (so the sign-in asks for the code), an environment that requires MFA (so
    /// the first sign-in enrols an authenticator app), and two organizations with different roles and permissions.
    /// </summary>
    public const string Seed = $$"""
        {
          "mfa_required": true,
          "roles": [
            {"slug": "admin", "permissions": ["widgets:read", "widgets:write"]},
            {"slug": "member", "permissions": ["widgets:read"]}
          ],
          "organizations": [ {"id": "org_acme", "name": "Acme"}, {"id": "org_globex", "name": "Globex"} ],
          "users": [ {"id": "{{UserId}}", "email": "{{Email}}", "password": "{{Password}}", "first_name": "Demo", "email_verified": false} ],
          "memberships": [
            {"user": "{{UserId}}", "organization": "org_acme", "role_slug": "admin"},
            {"user": "{{UserId}}", "organization": "org_globex", "role_slug": "member"}
          ]
        }
        """;

    /// <summary>The settings <c>AddWorkOS(configuration)</c> reads, pointing at the embedded emulator.</summary>
    public static Dictionary<string, string?> Settings(WorkOSEmulator emulator) => new()
    {
        ["WorkOS:ApiKey"] = emulator.ApiKey,
        ["WorkOS:ClientId"] = emulator.ClientId,
        ["WorkOS:BaseUrl"] = emulator.BaseUrl.GetLeftPart(UriPartial.Authority),
    };

    /// <summary>A random cookie password for this run (the session handler needs at least 32 characters).</summary>
    public static string NewCookiePassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>What the console shows next to the app's URL: the emulator and how to sign in there.</summary>
    public static string Banner(WorkOSEmulator emulator)
    {
        var root = emulator.BaseUrl.GetLeftPart(UriPartial.Authority);
        return $"""
            Embedded WorkOS emulator at {root} (set WORKOS_API_KEY, WORKOS_CLIENT_ID and WORKOS_COOKIE_PASSWORD to use a real environment)
            Demo sign-in (emulator-only values): {Email} / {Password}
              the email verification code: {root}/_emulate/users/{UserId}/email_verification
              MFA enrolment: scan the QR code the sign-in page shows (or type its key) into any authenticator app (TOTP, 6 digits, 30 s)
            """;
    }

    /// <summary>
    /// The signed-in user's active memberships (one page of up to 100: enough for a demo), for the organization names and
    /// the switch buttons; a failure is shown on the page instead.
    /// </summary>
    public static async Task<Either<Error, Seq<OrganizationMembership>>> Memberships(WorkOSClient client, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await (
            from request in ListOrganizationMembershipsRequest.Create(userId: user.FindFirstValue(WorkOSClaimTypes.UserId), limit: 100).ToAff()
            from page in client.ListOrganizationMemberships(request, ct)
            select page.Data).Run();
        return result.ToEither();
    }

    /// <summary>The JSON of <c>GET /api/me</c>: what the bearer token says about its holder.</summary>
    public static object Me(ClaimsPrincipal user) => new
    {
        user_id = user.FindFirstValue(WorkOSClaimTypes.UserId),
        organization_id = user.FindFirstValue(WorkOSClaimTypes.OrganizationId),
        session_id = user.FindFirstValue(WorkOSClaimTypes.Sid),
        roles = user.FindAll(WorkOSClaimTypes.Role).Select(static c => c.Value).Distinct().ToArray(),
        permissions = user.FindAll(WorkOSClaimTypes.Permission).Select(static c => c.Value).ToArray(),
    };
}
