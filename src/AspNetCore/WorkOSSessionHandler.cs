using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOS.Functional.Sessions;

namespace WorkOS.Functional.AspNetCore;

/// <summary>
/// The WorkOS session scheme: reads the sealed <c>wos-session</c> cookie and turns it into a principal.
/// <list type="bullet">
/// <item>Authentic and not about to expire: the principal, without any network call (the key set is cached).</item>
/// <item>Expired or about to (30 s before a 5-minute token's <c>exp</c>): refreshed through the scheme's single-flight
/// <see cref="RefreshCoordinator"/> (many concurrent requests with one cookie send one refresh grant), and the new
/// cookie is written back on this response.</item>
/// <item>Refresh refused by WorkOS (terminal: <c>invalid_grant</c>, a revoked session, a step-up): the cookie is deleted
/// and the request is anonymous.</item>
/// <item>Refresh failed for a transient reason (WorkOS unreachable, 5xx, 429, timeout), or the key set cannot be fetched:
/// the cookie is kept; the request keeps the old claims only while the old access token has not expired, else it is
/// anonymous, and a challenge then answers <c>503</c> (problem details) instead of sending the browser to sign in again.</item>
/// <item>No cookie: anonymous. A cookie that does not unseal or whose token is not authentic: deleted, anonymous.</item>
/// </list>
/// A challenge redirects to <c>{PathPrefix}/sign-in?return_to=&lt;the local path&gt;</c> (a request with
/// <c>X-Requested-With: XMLHttpRequest</c> gets <c>401</c>); a forbid answers <c>403</c>.
/// Nothing secret (the cookie, its password, tokens) is ever logged.
/// </summary>
public sealed class WorkOSSessionHandler : AuthenticationHandler<WorkOSSessionOptions>
{
    private const string TransientKey = "WorkOS.Session.Transient";
    private readonly WorkOSAuthRuntime runtime;

    /// <summary>Made by ASP.NET Core's authentication for each request.</summary>
    /// <param name="options">The scheme options.</param>
    /// <param name="logger">The logger factory.</param>
    /// <param name="encoder">The URL encoder.</param>
    /// <param name="services">The application's services (the scheme's long-lived parts are resolved from them).</param>
    public WorkOSSessionHandler(IOptionsMonitor<WorkOSSessionOptions> options, ILoggerFactory logger, UrlEncoder encoder, IServiceProvider services)
        : base(options, logger, encoder) =>
        runtime = (WorkOSAuthRuntime)(services.GetService(typeof(WorkOSAuthRuntime))
            ?? throw new InvalidOperationException("Call services.AddAuthentication().AddWorkOSSession() to register the WorkOS session scheme."));

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var cookie = WorkOSCookies.Read(Context, Options.CookieName);
        if (string.IsNullOrEmpty(cookie)) return AuthenticateResult.NoResult();
        var session = runtime.Session(Scheme.Name);
        var state = await session.Manager.Authenticate(cookie, Context.RequestAborted).Run();
        return await state.Match(
            Succ: s => s.Match(
                authenticated: a => Task.FromResult(Success(a.Claims, a.Session)),
                needsRefresh: n => Refresh(session, n),
                invalid: i => Task.FromResult(Drop(i.Reason.Value))),
            Fail: e => Task.FromResult(Transient(e, None)));
    }

    private async Task<AuthenticateResult> Refresh(SessionRuntime session, NeedsRefresh expiring)
    {
        var result = await session.Manager.Refresh(expiring.Session, ct: Context.RequestAborted).Run();
        return result.Match(
            Succ: r => r.Match(
                refreshed: ok =>
                {
                    WorkOSCookies.Write(Context, Options.CookieName, ok.Cookie.Value, CookieOptions());
                    Logger.LogDebug("WorkOS session refreshed for user {UserId}", ok.Session.User.Id);
                    return Success(ok.Claims, ok.Session);
                },
                signInAgain: end => Drop($"refresh refused ({Describe(end.Cause)})"),
                tryLater: later => Transient(later.Cause, Some(expiring))),
            Fail: e => Transient(e, Some(expiring)));
    }

    private AuthenticateResult Success(AccessTokenClaims claims, SessionData session) =>
        AuthenticateResult.Success(WorkOSPrincipal.Ticket(claims, Some(session.User.Email), session.AccessToken.Reveal(), Scheme.Name));

    /// <summary>The session is over: delete the cookie, anonymous.</summary>
    private AuthenticateResult Drop(string why)
    {
        Logger.LogInformation("WorkOS session cookie dropped: {Reason}", why);
        WorkOSCookies.Delete(Context, Options.CookieName, CookieOptions());
        return AuthenticateResult.NoResult();
    }

    /// <summary>WorkOS could not be asked now: keep the cookie; old claims only while the old token has not expired.</summary>
    private AuthenticateResult Transient(Error cause, Option<NeedsRefresh> expiring)
    {
        Logger.LogWarning("WorkOS session could not be refreshed or verified now, the cookie is kept: {Cause}", Describe(cause));
        var now = (Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return expiring.Filter(n => n.Claims.ExpiresAt > now).Match(
            Some: n => Success(n.Claims, n.Session),
            None: () =>
            {
                Context.Items[TransientKey] = true;
                return AuthenticateResult.NoResult();
            });
    }

    /// <summary>The type and code of an error; messages may echo server text, so they are not logged.</summary>
    internal static string Describe(Error e) => $"{e.GetType().Name} {e.Code}" + (e is WorkOSError w ? $" {w.Status} {w.ErrorCode}" : "");

    private CookieOptions CookieOptions() => WorkOSCookies.Options(Context, "/", Options.CookieMaxAge);

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(TransientKey))
        {
            Response.Headers.RetryAfter = "5";
            await Results.Problem(title: "WorkOS is unavailable", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The session could not be refreshed right now; it is kept. Try again shortly.").ExecuteAsync(Context);
            return;
        }
        if (string.Equals(Request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var returnTo = LocalUrl.Local(properties.RedirectUri).IfNone(() => OriginalPathBase + OriginalPath + Request.QueryString);
        Response.Redirect($"{Request.PathBase}{Options.SignInPath}?return_to={Uri.EscapeDataString(returnTo)}");
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
