using System.Globalization;
using System.Net;
using System.Security.Claims;
using WorkOS.Functional.AspNetCore;

namespace WorkOS.Functional.WebApp;

/// <summary>The app's pages: plain server-rendered HTML, every value HTML-encoded.</summary>
internal static class Pages
{
    public static IResult Html(string body) => Results.Content(Layout(body), "text/html; charset=utf-8");

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Layout(string body) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>WorkOS.Functional web app</title>
        <style>
          body { font: 16px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
          dt { font-weight: 600; } dd { margin: 0 0 .5rem 0; }
          form { display: inline-block; margin: 0 .5rem .5rem 0; }
          pre { background: #f4f4f4; padding: .5rem; white-space: pre-wrap; word-break: break-all; }
        </style>
        </head>
        <body>
        {{body}}
        </body>
        </html>
        """;

    public static string Home(HttpContext context)
    {
        var basePath = context.Request.PathBase.Value ?? "";
        return context.User.Identity?.IsAuthenticated == true
            ? $"""
              <h1>WorkOS.Functional web app</h1>
              <p>Signed in as {E(context.User.FindFirstValue(ClaimTypes.Email))}.</p>
              <p><a href="{E(basePath)}/dashboard">Dashboard</a></p>
              """
            : $"""
              <h1>WorkOS.Functional web app</h1>
              <p>A demo of sign-in with WorkOS: a session cookie for pages, bearer tokens for the API.</p>
              <p><a href="{E(basePath)}/auth/sign-in?return_to={E(Uri.EscapeDataString(basePath + "/dashboard"))}">Sign in</a></p>
              """;
    }

    /// <summary>The access token's expiry (the handler refreshes the session before it), readable and machine-readable.</summary>
    private static string Expiry(string? expiresAt) =>
        DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? $"<time id=\"expires-at\" datetime=\"{E(at.ToString("O", CultureInfo.InvariantCulture))}\">{E(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))} UTC</time> (the access token's; refreshed automatically)"
            : "unknown";

    public static string Dashboard(HttpContext context, Either<Error, Seq<OrganizationMembership>> memberships, string? accessToken, string? expiresAt)
    {
        var user = context.User;
        var basePath = context.Request.PathBase.Value ?? "";
        var organizationId = user.FindFirstValue(WorkOSClaimTypes.OrganizationId);
        var mine = memberships.IfLeft(Seq<OrganizationMembership>());
        var current = mine.Find(m => m.OrganizationId == organizationId);
        var organization = organizationId is null ? "none"
            : $"{current.Bind(static m => m.OrganizationName).IfNone(organizationId)} ({organizationId})";
        var roles = string.Join(", ", user.FindAll(ClaimTypes.Role).Select(static c => c.Value).Distinct());
        var permissions = string.Join(", ", user.FindAll(WorkOSClaimTypes.Permission).Select(static c => c.Value));
        var switches = string.Concat(mine.Filter(m => m.OrganizationId != organizationId).Map(m => $"""
            <form method="post" action="{E(basePath)}/auth/switch-organization">
              <input type="hidden" name="organization_id" value="{E(m.OrganizationId)}">
              <input type="hidden" name="return_to" value="{E(basePath)}/dashboard">
              <button>Switch organization to {E(m.OrganizationName.IfNone(m.OrganizationId))}</button>
            </form>
            """));
        var problem = memberships.Match(Right: static _ => "", Left: e => $"<p role=\"alert\">The organizations could not be listed: {E(e.Message)}</p>");
        // Demo choice: the access token goes into the page so its script can call the API the way a single-page app or
        // another service would. A real app keeps it server-side (the session cookie is HttpOnly for that reason).
        return $$"""
            <h1>Dashboard</h1>
            <dl>
              <dt>Email</dt><dd id="email">{{E(user.FindFirstValue(ClaimTypes.Email))}}</dd>
              <dt>User</dt><dd id="user-id">{{E(user.FindFirstValue(WorkOSClaimTypes.UserId))}}</dd>
              <dt>Organization</dt><dd id="organization">{{E(organization)}}</dd>
              <dt>Role</dt><dd id="role">{{E(roles)}}</dd>
              <dt>Permissions</dt><dd id="permissions">{{E(permissions)}}</dd>
              <dt>Session expires</dt><dd>{{Expiry(expiresAt)}}</dd>
            </dl>
            {{problem}}{{switches}}
            <form method="post" action="{{E(basePath)}}/auth/sign-out"><button>Sign out</button></form>
            <h2>API</h2>
            <p><button id="call-api" type="button" data-access-token="{{E(accessToken)}}" data-api="{{E(basePath)}}/api/me">Call API</button> <code>GET /api/me</code> with the access token as a bearer token</p>
            <pre id="api-result" aria-live="polite"></pre>
            <script>
              document.getElementById("call-api").addEventListener("click", async (event) => {
                const button = event.currentTarget;
                const out = document.getElementById("api-result");
                const response = await fetch(button.dataset.api, { headers: { Authorization: "Bearer " + button.dataset.accessToken } });
                out.dataset.status = String(response.status);
                out.textContent = await response.text();
              });
            </script>
            """;
    }
}
