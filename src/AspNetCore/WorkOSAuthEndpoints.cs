using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkOS.Functional.Sessions;

namespace WorkOS.Functional.AspNetCore;

/// <summary>
/// The endpoints of <c>MapWorkOSAuth</c>. Every failure is an RFC 7807 problem-details answer with a title and status;
/// none shows a stack trace, a code, a token, the verifier or a cookie.
/// </summary>
internal static class WorkOSAuthEndpoints
{
    /// <summary>How long a sign-in may take between <c>/sign-in</c> and <c>/callback</c>.</summary>
    public static readonly TimeSpan VerifierLifetime = TimeSpan.FromMinutes(10);

    public static string VerifierCookieName(WorkOSSessionOptions o) => o.CookieName + "-verifier";

    // ---- GET {prefix}/sign-in?return_to&organization_id&login_hint&screen_hint ----------------------------------------
    public static IResult SignIn(HttpContext context, string scheme)
    {
        var rt = Runtime(context, scheme);
        var o = rt.Options;
        var query = context.Request.Query;
        string? returnTo = query["return_to"];
        string? screen = query["screen_hint"];
        if (!string.IsNullOrEmpty(returnTo) && !LocalUrl.IsLocal(returnTo))
            return Problem(400, "Invalid return_to", "return_to must be a path of this site (starting with a single '/').");
        if (!string.IsNullOrEmpty(screen) && screen is not ("sign-up" or "sign-in"))
            return Problem(400, "Invalid screen_hint", "screen_hint must be 'sign-up' or 'sign-in'.");
        var pkce = Pkce.Generate();
        var state = Pkce.NewState();
        var redirectUri = o.RedirectUri ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{o.CallbackPath}";
        return GetAuthorizationURLRequest.Create(rt.ClientId, redirectUri, new Provider(o.Provider),
                organizationId: query["organization_id"], codeChallenge: pkce.Challenge, codeChallengeMethod: pkce.Method,
                loginHint: query["login_hint"], state: state, screenHint: string.IsNullOrEmpty(screen) ? null : new ScreenHint(screen))
            .Bind(rt.Client.GetAuthorizationURL)
            .Match(
                Right: url =>
                {
                    var content = new JsonObject { ["v"] = pkce.Verifier.Reveal(), ["s"] = state, ["r"] = returnTo ?? "" }.ToJsonString();
                    var expires = Now(o).Add(VerifierLifetime);
                    WorkOSCookies.Write(context, VerifierCookieName(o), Iron.Seal(content, rt.Manager.Passwords, expires), VerifierCookie(context, o));
                    return Results.Redirect(url.AbsoluteUri);
                },
                Left: e => Problem(400, "Sign-in could not start", e.Message));
    }

    // ---- GET {prefix}/callback?code&state  (or ?error&error_description) ---------------------------------------------
    public static async Task<IResult> Callback(HttpContext context, string scheme)
    {
        var rt = Runtime(context, scheme);
        var o = rt.Options;
        var query = context.Request.Query;
        var verifierCookie = WorkOSCookies.Read(context, VerifierCookieName(o));
        WorkOSCookies.Delete(context, VerifierCookieName(o), VerifierCookie(context, o));
        if (!string.IsNullOrEmpty(query["error"]))
        {
            var error = Cut(query["error"].ToString(), 100);
            var description = Cut(query["error_description"].ToString(), 300);
            return Problem(error == "access_denied" ? 403 : 400, "Sign-in was not completed",
                $"WorkOS answered '{error}'" + (description.Length > 0 ? $": {description}" : "."));
        }
        string? code = query["code"];
        if (string.IsNullOrEmpty(code)) return Problem(400, "Invalid callback", "The callback has no code.");
        if (string.IsNullOrEmpty(verifierCookie))
            return Problem(400, "No sign-in in progress", "The sign-in cookie is missing or has expired (10 minutes): start the sign-in again.");
        var pending = Iron.Unseal(verifierCookie, rt.Manager.Passwords, Now(o), Iron.DefaultSkew).Bind(ReadPending);
        if (pending.IsLeft)
            return Problem(400, "No sign-in in progress", "The sign-in cookie is invalid or has expired (10 minutes): start the sign-in again.");
        var (verifier, expectedState, returnTo) = pending.IfLeft(default((string, string, string)));
        if (!SameSecret(expectedState, query["state"].ToString()))
            return Problem(400, "Invalid state", "The state of the callback does not match the sign-in started in this browser: start the sign-in again.");
        var exchange = await (
            from request in AuthenticateWithCodeRequest.Create(rt.ClientId, code, verifier,
                ipAddress: context.Connection.RemoteIpAddress?.ToString(), userAgent: context.Request.Headers.UserAgent.ToString()).ToAff()
            from response in rt.Client.AuthenticateWithCode(request, context.RequestAborted)
            select rt.Manager.Seal(response)).Run();
        return exchange.Match(
            Succ: sealedSession =>
            {
                WorkOSCookies.Write(context, o.CookieName, sealedSession.Value, SessionCookie(context, o));
                return Results.Redirect(LocalUrl.Local(returnTo).IfNone(() => $"{context.Request.PathBase}/"));
            },
            Fail: e => FromError(context, e, "Sign-in failed"));
    }

    private static Either<Error, (string Verifier, string State, string ReturnTo)> ReadPending(string json) =>
        Try(() =>
        {
            var node = JsonNode.Parse(json)!.AsObject();
            return (node["v"]!.GetValue<string>(), node["s"]!.GetValue<string>(), node["r"]?.GetValue<string>() ?? "");
        }).ToEither(static ex => Error.New("the sign-in cookie holds no pending sign-in"));

    /// <summary>Constant-time equality of two strings (the state is compared without leaking where it differs).</summary>
    internal static bool SameSecret(string expected, string actual) =>
        actual.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(actual)));

    // ---- POST {prefix}/sign-out ----------------------------------------------------------------------------------------
    public static async Task<IResult> SignOut(HttpContext context, string scheme)
    {
        if (!SameOrigin(context.Request)) return CrossSite();
        var rt = Runtime(context, scheme);
        var o = rt.Options;
        var returnTo = o.SignedOutRedirect ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/";
        var cookie = WorkOSCookies.Read(context, o.CookieName);
        WorkOSCookies.Delete(context, o.CookieName, SessionCookie(context, o));
        var state = await rt.Manager.Authenticate(cookie, context.RequestAborted).Run();
        var logout = state.ToOption()
            .Bind(static s => s.Match(authenticated: a => Some(a.Claims), needsRefresh: n => Some(n.Claims), invalid: _ => Option<AccessTokenClaims>.None))
            .Bind(c => rt.Manager.GetLogoutURL(c, returnTo).ToOption());
        return SeeOther(logout.Map(static u => u.AbsoluteUri).IfNone(returnTo));
    }

    // ---- POST {prefix}/switch-organization  (form: organization_id, return_to?) ----------------------------------------
    public static async Task<IResult> SwitchOrganization(HttpContext context, string scheme)
    {
        if (!SameOrigin(context.Request)) return CrossSite();
        if (!context.Request.HasFormContentType)
            return Problem(415, "Form expected", "Post organization_id as application/x-www-form-urlencoded or multipart/form-data.");
        var rt = Runtime(context, scheme);
        var o = rt.Options;
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string? organizationId = form["organization_id"];
        string? returnTo = form["return_to"];
        if (!string.IsNullOrEmpty(returnTo) && !LocalUrl.IsLocal(returnTo))
            return Problem(400, "Invalid return_to", "return_to must be a path of this site (starting with a single '/').");
        if (string.IsNullOrWhiteSpace(organizationId)) return Problem(400, "Invalid organization_id", "organization_id is required.");
        var state = await rt.Manager.Authenticate(WorkOSCookies.Read(context, o.CookieName), context.RequestAborted).Run();
        var session = state.ToOption().Bind(static s => s.Match(
            authenticated: a => Some(a.Session), needsRefresh: n => Some(n.Session), invalid: _ => Option<SessionData>.None));
        if (session.Case is not SessionData current)
            return state.IsFail
                ? Problem(503, "WorkOS is unavailable", "The session could not be verified right now. Try again shortly.")
                : Problem(401, "Not signed in", "Sign in before switching organization.");
        var back = LocalUrl.Local(returnTo).IfNone(() => $"{context.Request.PathBase}/");
        var result = await rt.Manager.SwitchOrganization(current, organizationId, context.RequestAborted).Run();
        return result.Match(
            Succ: r => r.Match(
                refreshed: ok =>
                {
                    WorkOSCookies.Write(context, o.CookieName, ok.Cookie.Value, SessionCookie(context, o));
                    return SeeOther(back);
                },
                // The organization needs its own sign-in (SSO, MFA): start one scoped to it, as WorkOS recommends.
                signInAgain: end => end.Cause is AuthStepUp
                    ? SeeOther($"{context.Request.PathBase}{o.SignInPath}?organization_id={Uri.EscapeDataString(organizationId)}&return_to={Uri.EscapeDataString(back)}")
                    : FromError(context, end.Cause, "The organization could not be switched to"),
                tryLater: later => FromError(context, later.Cause, "The organization could not be switched to")),
            Fail: e => FromError(context, e, "The organization could not be switched to"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Cross-site protection of the POST endpoints, without an antiforgery token: a browser that says where the request
    /// comes from (<c>Sec-Fetch-Site</c>, <c>Origin</c>) must say it comes from this origin. Clients that send neither
    /// are not browsers (or very old ones), which hold no ambient cookie to abuse; the session cookie is also
    /// <c>SameSite=Lax</c>, so a cross-site POST never carries it.
    /// </summary>
    internal static bool SameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none")) return false;
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private static IResult CrossSite() =>
        Problem(403, "Cross-site request refused", "This endpoint only accepts form posts from this site's own pages.");

    /// <summary>A typed failure as problem details: a title, a status, the error's kind and WorkOS's code; never its raw text.</summary>
    private static IResult FromError(HttpContext context, Error e, string title)
    {
        context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(WorkOSAuthEndpoints).FullName!)
            .LogInformation("{Title}: {Cause}", title, WorkOSSessionHandler.Describe(e));
        return e switch
        {
            AuthStepUp step => Problem(403, title, $"WorkOS requires another step first ({step.ErrorCode}): sign in again."),
            RateLimited => Problem(429, title, "WorkOS is rate limiting these requests. Try again shortly."),
            WorkOSError { Status: 408 or >= 500 } w => Problem(502, title, $"WorkOS answered {w.Status}. Try again shortly."),
            WorkOSError w => Problem(400, title, $"WorkOS refused the request ({w.Status} {w.ErrorCode})."),
            InvalidRequest bad => Problem(400, title, $"Invalid request: {string.Join(", ", bad.Fields)}."),
            InvalidAccessToken => Problem(502, title, "WorkOS answered with an access token that does not verify."),
            RequestCancelled => Problem(499, title, "The request was cancelled."),
            _ => Problem(502, title, "WorkOS could not be reached. Try again shortly."),
        };
    }

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>A 303 See Other: the browser follows a form post with a GET.</summary>
    private static IResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }

    private static string Cut(string text, int max) =>
        new(text.Take(max).Where(static c => !char.IsControl(c)).ToArray());

    private static SessionRuntime Runtime(HttpContext context, string scheme) =>
        context.RequestServices.GetRequiredService<WorkOSAuthRuntime>().Session(scheme);

    private static DateTimeOffset Now(WorkOSSessionOptions o) => (o.TimeProvider ?? TimeProvider.System).GetUtcNow();

    private static CookieOptions SessionCookie(HttpContext context, WorkOSSessionOptions o) => WorkOSCookies.Options(context, "/", o.CookieMaxAge);

    /// <summary>The verifier cookie: sent to the endpoints only, gone after 10 minutes.</summary>
    private static CookieOptions VerifierCookie(HttpContext context, WorkOSSessionOptions o) =>
        WorkOSCookies.Options(context, $"{context.Request.PathBase}{o.PathPrefix.TrimEnd('/')}", VerifierLifetime);
}
