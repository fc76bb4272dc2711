using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkOS.Functional.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the WorkOS sign-in endpoints.</summary>
public static class WorkOSEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under the scheme's <see cref="WorkOSSessionOptions.PathPrefix"/> (default <c>/auth</c>):
    /// <list type="bullet">
    /// <item><c>GET /auth/sign-in</c> (<c>return_to</c> (a local path), <c>organization_id</c>, <c>login_hint</c>,
    /// <c>screen_hint=sign-up</c>): redirects to WorkOS's authorization URL with PKCE (S256) and a random <c>state</c>,
    /// both sealed with <c>return_to</c> into a 10-minute HttpOnly verifier cookie.</item>
    /// <item><c>GET /auth/callback</c>: checks the <c>state</c> against that cookie, exchanges the code with the PKCE
    /// verifier, sets the session cookie and redirects to the local <c>return_to</c> (or <c>/</c>).</item>
    /// <item><c>POST /auth/sign-out</c>: deletes the session cookie and redirects (303) to WorkOS's logout URL for the
    /// session, or to <see cref="WorkOSSessionOptions.SignedOutRedirect"/> when there is none.</item>
    /// <item><c>POST /auth/switch-organization</c> (form fields <c>organization_id</c>, <c>return_to</c>): refreshes the
    /// session into that organization, writes the new cookie and redirects (303) back.</item>
    /// </list>
    /// The POSTs take plain HTML form posts with no antiforgery token: they refuse requests whose <c>Sec-Fetch-Site</c>
    /// or <c>Origin</c> shows another site, and the session cookie is <c>SameSite=Lax</c>. Failures are problem details.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="scheme">The session scheme whose options and cookie the endpoints use.</param>
    /// <returns>The group of the endpoints, to add conventions (rate limiting, metadata).</returns>
    public static RouteGroupBuilder MapWorkOSAuth(this IEndpointRouteBuilder endpoints, string scheme = WorkOSAuthenticationDefaults.SessionScheme)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptionsMonitor<WorkOSSessionOptions>>().Get(scheme);
        var group = endpoints.MapGroup(options.PathPrefix.TrimEnd('/'));
        group.MapGet("/sign-in", (Func<HttpContext, IResult>)(context => WorkOSAuthEndpoints.SignIn(context, scheme)));
        group.MapGet("/callback", (Func<HttpContext, Task<IResult>>)(context => WorkOSAuthEndpoints.Callback(context, scheme)));
        group.MapPost("/sign-out", (Func<HttpContext, Task<IResult>>)(context => WorkOSAuthEndpoints.SignOut(context, scheme))).DisableAntiforgery();
        group.MapPost("/switch-organization", (Func<HttpContext, Task<IResult>>)(context => WorkOSAuthEndpoints.SwitchOrganization(context, scheme))).DisableAntiforgery();
        return group;
    }
}
