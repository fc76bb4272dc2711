using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkOS.Functional.Emulator;

namespace WorkOS.Functional.AspNetCore.Tests.Support;

/// <summary>
/// A tiny web app on the package, on real loopback Kestrel (port 0), against an in-process emulator whose clock the
/// app shares (moving it moves both, as time passes for both in real life). Each test gets its own pair.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string CookiePassword = "a-cookie-password-of-at-least-32-characters!";
    public const string Password = "correct-horse-1";

    public const string Seed = """
        {
          "roles": [
            {"slug": "admin", "permissions": ["widgets:read", "widgets:write"]},
            {"slug": "viewer", "permissions": []}
          ],
          "organizations": [ {"id": "org_acme", "name": "Acme"}, {"id": "org_globex", "name": "Globex"} ],
          "users": [
            {"id": "user_ana", "email": "ana@example.com", "password": "correct-horse-1", "email_verified": true},
            {"id": "user_bo", "email": "bo@example.com", "password": "correct-horse-1", "email_verified": true},
            {"id": "user_cy", "email": "cy@example.com", "password": "correct-horse-1", "email_verified": false}
          ],
          "memberships": [
            {"user": "user_ana", "organization": "org_acme", "role_slug": "admin"},
            {"user": "user_bo", "organization": "org_globex", "role_slug": "viewer"}
          ]
        }
        """;

    private TestApp(WorkOSEmulator emulator, EmulatorClock clock, WebApplication app, Uri url, LogSink logs, GrantCounter grants)
        => (Emulator, Clock, App, Url, Logs, Grants) = (emulator, clock, app, url, logs, grants);

    public WorkOSEmulator Emulator { get; }
    public EmulatorClock Clock { get; }
    public WebApplication App { get; }
    public Uri Url { get; }
    public LogSink Logs { get; }
    public GrantCounter Grants { get; }

    /// <summary>A client of the emulator's API (for set-up: memberships, revocations, tokens).</summary>
    public WorkOSClient Client => WorkOSClient.Create(Emulator.ApiKey, Emulator.BaseUrl.ToString(), Bounded.Http())
        .IfLeft(e => throw new InvalidOperationException(e.Message));

    public static async Task<TestApp> StartAsync(Action<WorkOSSessionOptions>? session = null)
    {
        var clock = new EmulatorClock(DateTimeOffset.UtcNow);
        var emulator = await WorkOSEmulator.StartAsync(new EmulatorOptions
        {
            SeedJson = Seed, Clock = clock, AuthenticateLimitPerEmail = 0, MagicAuthLimitPerEmail = 0,
        });
        var logs = new LogSink();
        var grants = new GrantCounter();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddWorkOS(o => (o.ApiKey, o.ClientId, o.BaseUrl) = (emulator.ApiKey, emulator.ClientId, emulator.BaseUrl.ToString()),
                WorkOSHttpOptions.Default with { MaxRetries = 0 })                    // failures show at once: the tests stay fast
            .AddHttpMessageHandler(() => new GrantCountingHandler(grants));
        builder.Services.AddAuthentication(WorkOSAuthenticationDefaults.SessionScheme)
            .AddWorkOSSession(o =>
            {
                o.CookiePassword = CookiePassword;
                o.TimeProvider = clock;
                session?.Invoke(o);
            })
            .AddWorkOSBearer(o => o.TimeProvider = clock)
            .AddWorkOSBearer("WrongIssuer", o => (o.TimeProvider, o.Issuer) = (clock, "https://api.workos.com/user_management/" + emulator.ClientId));
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy("can-read", p => p.RequireWorkOSPermission("widgets:read"));
            o.AddPolicy("admins", p => p.RequireWorkOSRole("admin", "owner"));
        });
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapWorkOSAuth();
        app.MapGet("/", () => "home");
        app.MapGet("/me", Me).RequireAuthorization();
        app.MapGet("/can-read", Me).RequireAuthorization("can-read");
        app.MapGet("/admin", Me).RequireAuthorization("admins");
        app.MapGet("/api/me", Me).RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = WorkOSAuthenticationDefaults.BearerScheme });
        app.MapGet("/api/strict", Me).RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = "WrongIssuer" });
        await app.StartAsync();
        var address = app.Urls.First();
        return new TestApp(emulator, clock, app, new Uri(address), logs, grants);
    }

    /// <summary>What the app sees of the caller: the claims and the stored tokens.</summary>
    private static readonly Func<HttpContext, Task<IResult>> Me = MeAsync;

    private static async Task<IResult> MeAsync(HttpContext context)
    {
        var user = context.User;
        return Results.Json(new
        {
            sub = user.FindFirstValue(WorkOSClaimTypes.UserId),
            nameIdentifier = user.FindFirstValue(ClaimTypes.NameIdentifier),
            email = user.FindFirstValue(WorkOSClaimTypes.Email),
            standardEmail = user.FindFirstValue(ClaimTypes.Email),
            sid = user.FindFirstValue(WorkOSClaimTypes.Sid),
            org = user.FindFirstValue(WorkOSClaimTypes.OrganizationId),
            roles = user.FindAll(WorkOSClaimTypes.Role).Select(c => c.Value).ToArray(),
            standardRoles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
            permissions = user.FindAll(WorkOSClaimTypes.Permission).Select(c => c.Value).ToArray(),
            isAdmin = user.IsInRole("admin"),
            // The default scheme (the session) answers GetTokenAsync(name); a bearer-only endpoint names its scheme.
            accessToken = user.Identity?.AuthenticationType == WorkOSAuthenticationDefaults.SessionScheme
                ? await context.GetTokenAsync("access_token")
                : await context.GetTokenAsync(user.Identity?.AuthenticationType, "access_token"),
            expiresAt = await context.GetTokenAsync(user.Identity?.AuthenticationType, "expires_at"),
        });
    }

    public Browser Browser() => new(Url);

    /// <summary>Signs <paramref name="email"/> in through the real endpoints: sign-in, the emulator's direct redirect (login_hint), the callback.</summary>
    public async Task<SignedIn> SignInAsync(Browser browser, string email = "ana@example.com", string returnTo = "/me")
    {
        var start = await browser.GetAsync($"/auth/sign-in?login_hint={Uri.EscapeDataString(email)}&return_to={Uri.EscapeDataString(returnTo)}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = await browser.GetAsync(start.Headers.Location!.AbsoluteUri);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var callbackUrl = authorize.Headers.Location!;
        var callback = await browser.GetAsync(callbackUrl.PathAndQuery);
        return new SignedIn(start, callbackUrl, callback);
    }

    /// <summary>Adds a fault to the emulator: <c>POST /_emulate/hooks</c>.</summary>
    public async Task HookAsync(string method, string path, int status, int count, object? body = null)
    {
        using var http = Bounded.Http();
        var answer = await http.PostAsJsonAsync(new Uri(Emulator.BaseUrl, "/_emulate/hooks"), new { method, path, status, count, body });
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

public sealed record SignedIn(HttpResponseMessage Start, Uri CallbackUrl, HttpResponseMessage Callback)
{
    public string Code => System.Web.HttpUtility.ParseQueryString(CallbackUrl.Query)["code"]!;
}

/// <summary>Counts the refresh grants the app sends to WorkOS, on the wire.</summary>
public sealed class GrantCounter
{
    private int refreshes;
    public int Refreshes => Volatile.Read(ref refreshes);
    internal void Refreshed() => Interlocked.Increment(ref refreshes);
}

internal sealed class GrantCountingHandler(GrantCounter counter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/user_management/authenticate", StringComparison.Ordinal)
            && request.Content is not null
            && JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("grant_type").GetString() == "refresh_token")
            counter.Refreshed();
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Every log line of the app, formatted, with its exception: to check that nothing secret is logged.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();
    public string All => string.Join("\n", lines);
    public ILogger CreateLogger(string categoryName) => new Sink(this, categoryName);
    public void Dispose() { }

    public void AssertNoneOf(params string?[] secrets)
    {
        var all = All;
        Assert.NotEmpty(lines);
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            // ASP.NET's own request line (Microsoft.AspNetCore.Hosting.Diagnostics, Information) shows every query string,
            // the callback's single-use code included; apps keep "Microsoft.AspNetCore" at Warning (the templates' default).
            var line = lines.Where(l => !l.Contains(" Microsoft.AspNetCore.Hosting.Diagnostics: ", StringComparison.Ordinal))
                .FirstOrDefault(l => l.Contains(secret!, StringComparison.Ordinal));
            Assert.True(line is null, $"a secret was logged: {line?.Replace(secret!, "<SECRET>")}");
        }
    }

    private sealed class Sink(LogSink owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception} " +
                (state is IEnumerable<KeyValuePair<string, object?>> kv ? string.Join(" ", kv.Select(p => $"{p.Key}={p.Value}")) : ""));
    }
}

/// <summary>A browser without automatic redirects or cookies: the test keeps the cookie jar, so it can read, replay and tamper.</summary>
public sealed class Browser : IDisposable
{
    private readonly HttpClient http;
    public Dictionary<string, string> Jar { get; } = new(StringComparer.Ordinal);

    public Browser(Uri baseUrl) =>
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseUrl, Timeout = Bounded.Call };

    public Task<HttpResponseMessage> GetAsync(string url, Action<HttpRequestMessage>? tweak = null) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url), tweak);

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> form, Action<HttpRequestMessage>? tweak = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) }, tweak);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Action<HttpRequestMessage>? tweak = null)
    {
        var sameHost = request.RequestUri is null || !request.RequestUri.IsAbsoluteUri || request.RequestUri.Authority == http.BaseAddress!.Authority;
        if (sameHost && Jar.Count > 0) request.Headers.Add("Cookie", string.Join("; ", Jar.Select(kv => $"{kv.Key}={kv.Value}")));
        tweak?.Invoke(request);
        var response = await http.SendAsync(request);
        if (sameHost) Keep(response);
        return response;
    }

    /// <summary>Applies the response's Set-Cookie headers to the jar (a past expiry or empty value deletes).</summary>
    public void Keep(HttpResponseMessage response)
    {
        foreach (var header in SetCookies(response))
        {
            var cookie = Cookies.Parse(header);
            if (cookie.Deleted) Jar.Remove(cookie.Name); else Jar[cookie.Name] = cookie.Value;
        }
    }

    public static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    public void Dispose() => http.Dispose();
}

public sealed record Cookies(string Name, string Value, HashMap<string, string> Attributes)
{
    public bool Deleted => Value.Length == 0 || Attributes.Find("expires").Exists(e => DateTimeOffset.Parse(e) < DateTimeOffset.UtcNow);
    public bool Has(string flag) => Attributes.ContainsKey(flag);

    public static Cookies Parse(string header)
    {
        var parts = header.Split(';').Select(p => p.Trim()).ToArray();
        var eq = parts[0].IndexOf('=');
        var attributes = parts.Skip(1).Select(p => p.Split('=', 2)).Select(kv => (kv[0].ToLowerInvariant(), kv.Length > 1 ? kv[1] : ""));
        return new Cookies(parts[0][..eq], Uri.UnescapeDataString(parts[0][(eq + 1)..]), toHashMap(attributes));
    }

    public static Option<Cookies> Find(HttpResponseMessage response, string name) =>
        toSeq(Browser.SetCookies(response)).Map(Parse).Find(c => c.Name == name);
}

public static class Bounded
{
    public static readonly TimeSpan Call = TimeSpan.FromSeconds(20);
    public static HttpClient Http() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Call };
}

public static class Problems
{
    /// <summary>Asserts an RFC 7807 answer with this status and title; returns the body.</summary>
    public static async Task<JsonElement> AssertProblem(HttpResponseMessage response, int status, string title)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, body.GetProperty("title").GetString());
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.False(body.TryGetProperty("exception", out _));
        return body;
    }
}

/// <summary>
/// One app and emulator for the tests of a class (xunit runs them one after another): each test signs in its own
/// browser, counts grants as a difference, and only moves the shared clock forward.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public async Task InitializeAsync() => App = await TestApp.StartAsync();
    public async Task DisposeAsync() => await App.DisposeAsync();
}
