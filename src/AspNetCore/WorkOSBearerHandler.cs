using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOS.Functional.Sessions;

namespace WorkOS.Functional.AspNetCore;

/// <summary>
/// The WorkOS bearer scheme, for APIs: verifies <c>Authorization: Bearer &lt;access token&gt;</c> with the Sessions
/// <see cref="AccessTokenVerifier"/> (RS256 only, the client's JWKS fetched through the client and cached, an unknown
/// <c>kid</c> re-fetching at most once per 5 minutes; <c>exp</c>/<c>nbf</c>/<c>iat</c> and <c>iss</c> checked) and builds
/// the same claims as the session scheme (without email: access tokens carry none). A request without a bearer token is
/// anonymous; a bad token fails, and the challenge answers <c>401</c> with <c>WWW-Authenticate: Bearer error="invalid_token"</c>.
/// When the key set cannot be fetched, the challenge answers <c>503</c> (problem details): the token may be good.
/// The token is never logged.
/// </summary>
public sealed class WorkOSBearerHandler : AuthenticationHandler<WorkOSBearerOptions>
{
    private const string Prefix = "Bearer ";
    private readonly WorkOSAuthRuntime runtime;
    private Option<Error> failure = None;

    /// <summary>Made by ASP.NET Core's authentication for each request.</summary>
    /// <param name="options">The scheme options.</param>
    /// <param name="logger">The logger factory.</param>
    /// <param name="encoder">The URL encoder.</param>
    /// <param name="services">The application's services (the scheme's verifier is resolved from them).</param>
    public WorkOSBearerHandler(IOptionsMonitor<WorkOSBearerOptions> options, ILoggerFactory logger, UrlEncoder encoder, IServiceProvider services)
        : base(options, logger, encoder) =>
        runtime = (WorkOSAuthRuntime)(services.GetService(typeof(WorkOSAuthRuntime))
            ?? throw new InvalidOperationException("Call services.AddAuthentication().AddWorkOSBearer() to register the WorkOS bearer scheme."));

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header[Prefix.Length..].Trim();
        var verified = await runtime.Bearer(Scheme.Name).Verify(token, Context.RequestAborted).Run();
        return verified.Match(
            Succ: claims => AuthenticateResult.Success(WorkOSPrincipal.Ticket(claims, None, token, Scheme.Name)),
            Fail: e =>
            {
                failure = Some(e);
                Logger.LogInformation("WorkOS bearer token refused: {Cause}", WorkOSSessionHandler.Describe(e));
                return AuthenticateResult.Fail(e is InvalidAccessToken bad ? $"invalid_token: {bad.Message}" : "the key set could not be fetched");
            });
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync();
        if (failure.Exists(static e => e is not InvalidAccessToken))
        {
            Response.Headers.RetryAfter = "5";
            await Results.Problem(title: "WorkOS is unavailable", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The access token could not be verified right now. Try again shortly.").ExecuteAsync(Context);
            return;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure.IsSome ? "Bearer error=\"invalid_token\"" : "Bearer";
    }
}
