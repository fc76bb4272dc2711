using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WorkOS.Functional.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds the WorkOS schemes to ASP.NET Core authentication. Both need a <c>WorkOSClient</c> in the services
/// (<c>services.AddWorkOS(configuration)</c>).
/// </summary>
public static class WorkOSAuthenticationBuilderExtensions
{
    /// <summary>
    /// Adds the session-cookie scheme <see cref="WorkOSAuthenticationDefaults.SessionScheme"/>; map its endpoints with
    /// <c>app.MapWorkOSAuth()</c>. The cookie password (<see cref="WorkOSSessionOptions.CookiePassword"/>, else
    /// <c>WORKOS_COOKIE_PASSWORD</c>, 32 characters or more) and the client ID are checked when the host starts.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, to add more schemes.</returns>
    public static AuthenticationBuilder AddWorkOSSession(this AuthenticationBuilder builder, Action<WorkOSSessionOptions>? configure = null) =>
        builder.AddWorkOSSession(WorkOSAuthenticationDefaults.SessionScheme, configure);

    /// <summary>Adds a session-cookie scheme under another name (map its endpoints with <c>app.MapWorkOSAuth(scheme)</c>).</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="scheme">The scheme name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, to add more schemes.</returns>
    public static AuthenticationBuilder AddWorkOSSession(this AuthenticationBuilder builder, string scheme, Action<WorkOSSessionOptions>? configure)
    {
        builder.Services.TryAddSingleton<WorkOSAuthRuntime>();
        builder.Services.AddOptions<WorkOSSessionOptions>(scheme)
            .Validate(static o => (WorkOSAuthRuntime.CookiePasswordOf(o)?.Length ?? 0) >= 32,
                $"The WorkOS session cookie password is missing or shorter than 32 characters: set CookiePassword or {WorkOSAuthenticationDefaults.CookiePasswordVariable}.")
            .Validate(static o => o.PathPrefix.StartsWith('/') && o.PathPrefix.Length > 1,
                "The WorkOS PathPrefix must be a path such as /auth.")
            .ValidateOnStart();
        return builder.AddScheme<WorkOSSessionOptions, WorkOSSessionHandler>(scheme, "WorkOS session", configure);
    }

    /// <summary>Adds the bearer-token scheme <see cref="WorkOSAuthenticationDefaults.BearerScheme"/> for APIs.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, to add more schemes.</returns>
    public static AuthenticationBuilder AddWorkOSBearer(this AuthenticationBuilder builder, Action<WorkOSBearerOptions>? configure = null) =>
        builder.AddWorkOSBearer(WorkOSAuthenticationDefaults.BearerScheme, configure);

    /// <summary>Adds a bearer-token scheme under another name.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="scheme">The scheme name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, to add more schemes.</returns>
    public static AuthenticationBuilder AddWorkOSBearer(this AuthenticationBuilder builder, string scheme, Action<WorkOSBearerOptions>? configure)
    {
        builder.Services.TryAddSingleton<WorkOSAuthRuntime>();
        return builder.AddScheme<WorkOSBearerOptions, WorkOSBearerHandler>(scheme, "WorkOS bearer token", configure);
    }
}
