using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkOS.Functional.DependencyInjection;
using WorkOS.Functional.Sessions;

namespace WorkOS.Functional.AspNetCore;

/// <summary>What a session scheme works with: its manager (key cache, refresh coordinator), client and settings.</summary>
internal sealed record SessionRuntime(SessionManager Manager, WorkOSClient Client, string ClientId, WorkOSSessionOptions Options);

/// <summary>
/// The long-lived parts of each scheme, made on first use from the scheme's options and kept (a singleton): the
/// <see cref="SessionManager"/> owns the JWKS cache and the single-flight <see cref="RefreshCoordinator"/>, so it must
/// be one per scheme, never one per request. No static state.
/// </summary>
internal sealed class WorkOSAuthRuntime(IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, Lazy<SessionRuntime>> sessions = new();
    private readonly ConcurrentDictionary<string, Lazy<AccessTokenVerifier>> verifiers = new();

    public SessionRuntime Session(string scheme) =>
        sessions.GetOrAdd(scheme, s => new Lazy<SessionRuntime>(() => MakeSession(s))).Value;

    public AccessTokenVerifier Bearer(string scheme) =>
        verifiers.GetOrAdd(scheme, s => new Lazy<AccessTokenVerifier>(() => MakeBearer(s))).Value;

    private SessionRuntime MakeSession(string scheme)
    {
        var options = services.GetRequiredService<IOptionsMonitor<WorkOSSessionOptions>>().Get(scheme);
        var client = services.GetRequiredService<WorkOSClient>();
        var clientId = ClientIdOf(options.ClientId);
        var clock = options.TimeProvider ?? TimeProvider.System;
        return (from passwords in SealPasswords.Create(CookiePasswordOf(options))
                from verifier in AccessTokenVerifier.Create(client, clientId, options.ClockSkew, IssuerOf(options.Issuer, client, clientId), clock: clock)
                from manager in SessionManager.Create(client, clientId, passwords, verifier)
                select new SessionRuntime(manager, client, clientId!, options))
            .IfLeft(e => throw Misconfigured(scheme, e));
    }

    private AccessTokenVerifier MakeBearer(string scheme)
    {
        var options = services.GetRequiredService<IOptionsMonitor<WorkOSBearerOptions>>().Get(scheme);
        var client = services.GetRequiredService<WorkOSClient>();
        var clientId = ClientIdOf(options.ClientId);
        return AccessTokenVerifier.Create(client, clientId, options.ClockSkew, IssuerOf(options.Issuer, client, clientId),
                clock: options.TimeProvider ?? TimeProvider.System)
            .IfLeft(e => throw Misconfigured(scheme, e));
    }

    /// <summary>The cookie password of the options, else of <c>WORKOS_COOKIE_PASSWORD</c>.</summary>
    internal static string? CookiePasswordOf(WorkOSSessionOptions options) =>
        string.IsNullOrEmpty(options.CookiePassword)
            ? Environment.GetEnvironmentVariable(WorkOSAuthenticationDefaults.CookiePasswordVariable)
            : options.CookiePassword;

    private string? ClientIdOf(string? configured) =>
        !string.IsNullOrWhiteSpace(configured) ? configured
        : services.GetService<IOptionsMonitor<WorkOSOptions>>()?.Get(Microsoft.Extensions.Options.Options.DefaultName).ClientId is { Length: > 0 } fromDi ? fromDi
        : Environment.GetEnvironmentVariable(WorkOSAuthenticationDefaults.ClientIdVariable);

    /// <summary>The issuer WorkOS puts in access tokens: the API's base URL, then <c>/user_management/{client ID}</c>.</summary>
    private static string? IssuerOf(string? configured, WorkOSClient client, string? clientId) =>
        !string.IsNullOrWhiteSpace(configured) ? configured
        : string.IsNullOrWhiteSpace(clientId) ? null
        : $"{client.BaseUrl.AbsoluteUri.TrimEnd('/')}/user_management/{clientId}";

    /// <summary>A configuration error: names the settings (<see cref="InvalidRequest"/> names fields, never values).</summary>
    private static InvalidOperationException Misconfigured(string scheme, Error e) =>
        new($"The WorkOS authentication scheme '{scheme}' is misconfigured: {e.Message} " +
            $"(the cookie password comes from CookiePassword or {WorkOSAuthenticationDefaults.CookiePasswordVariable}, " +
            $"the client ID from ClientId, WorkOS:ClientId or {WorkOSAuthenticationDefaults.ClientIdVariable}).");
}
