using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WorkOS.Functional.Emulator.Internal;

/// <summary>Everything one emulator instance owns.</summary>
internal sealed class Runtime : IDisposable
{
    private volatile State _state;

    public Runtime(EmulatorOptions options)
    {
        if (options.AccessTokenLifetime <= TimeSpan.Zero) throw new ArgumentException("AccessTokenLifetime must be positive.", nameof(options));
        if (options.MaxWrongAttempts < 1) throw new ArgumentException("MaxWrongAttempts must be at least 1.", nameof(options));
        Options = options;
        Clock = new OffsetClock(options.Clock ?? TimeProvider.System);
        Ids = new IdGenerator(Clock);
        _state = NewState();
        foreach (var uri in options.RedirectUris.Concat(options.LogoutRedirectUris).Concat(_state.RedirectUris).Concat(_state.LogoutRedirectUris))
            Redirects.Validate(uri);
        Signer = new JwtSigner();
        DummyPasswordHash = Passwords.Hash(Rand.Token());
    }

    public EmulatorOptions Options { get; }

    /// <summary>The options' clock plus the offset moved by <c>POST /_emulate/clock</c>.</summary>
    public OffsetClock Clock { get; }

    /// <summary>Shared by every state, so ids stay strictly increasing across resets.</summary>
    public IdGenerator Ids { get; }

    /// <summary>The one lock every handler runs under (never while hashing a password).</summary>
    public object Sync { get; } = new();

    /// <summary>The current data; replaced as a whole by <see cref="Reset"/>.</summary>
    public State State => _state;

    public JwtSigner Signer { get; }
    public HookStore Hooks { get; private set; } = new();
    public string BaseUrl { get; set; } = "";
    public bool MfaRequired => Options.MfaRequired || State.SeedMfaRequired;

    /// <summary>What an unknown email's password is checked against, so it costs what a wrong password costs.</summary>
    public string DummyPasswordHash { get; }

    /// <summary>Password verifications so far (tests check that unknown emails cost one too).</summary>
    public long PasswordChecks => Interlocked.Read(ref _passwordChecks);
    private long _passwordChecks;

    /// <summary>Test probe: called on each password verification with whether the state lock is held.</summary>
    internal Action<bool>? OnPasswordCheck { get; set; }

    public bool VerifyPassword(string password, string hash)
    {
        Interlocked.Increment(ref _passwordChecks);
        OnPasswordCheck?.Invoke(Monitor.IsEntered(Sync));
        return Passwords.Verify(password, hash);
    }

    public IEnumerable<string> RedirectUris => Options.RedirectUris.Concat(State.RedirectUris);
    public IEnumerable<string> LogoutRedirectUris => Options.LogoutRedirectUris.Concat(State.LogoutRedirectUris);

    private Dictionary<string, (long Window, int Count)> _rate = [];

    private State NewState()
    {
        var state = new State(Clock, Ids);
        state.LoadSeed(Options.SeedJson);
        return state;
    }

    /// <summary>Fixed one-minute windows on the emulator clock. Returns remaining (≥0) or -1 when over.</summary>
    public (bool Allowed, int Remaining, long ResetUnix) Take(string key)
    {
        var now = State.Now.ToUnixTimeSeconds();
        var window = now / 60;
        lock (Sync)
        {
            _rate.TryGetValue(key, out var entry);
            if (entry.Window != window) entry = (window, 0);
            entry.Count++;
            _rate[key] = entry;
            var limit = Options.RateLimitPerMinute;
            return (entry.Count <= limit, Math.Max(0, limit - entry.Count), (window + 1) * 60);
        }
    }

    /// <summary>Back to the seed: a new state, no hooks, no counters. The old objects become garbage.</summary>
    public void Reset()
    {
        var fresh = NewState();
        lock (Sync)
        {
            _state = fresh;
            Hooks = new HookStore();
            _rate = [];
        }
    }

    public void Dispose() => Signer.Dispose();
}

/// <summary>A clock that can be moved forward at run time on top of any <see cref="TimeProvider"/>.</summary>
internal sealed class OffsetClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;
}

internal static class Pipeline
{
    private static readonly string[] PublicPrefixes = ["/_emulate/", "/sso/jwks/"];
    private static readonly string[] PublicPaths =
        ["/health", "/user_management/authenticate", "/user_management/authorize", "/user_management/sessions/logout",
         "/user_management/authorize/device", DevicePage.Path];

    /// <summary>Host names a browser can only reach on this machine; anything else may be DNS rebinding.</summary>
    private static readonly string[] LoopbackHosts = ["127.0.0.1", "localhost", "[::1]"];

    private static bool IsControl(string path) => path.StartsWith("/_emulate/", StringComparison.Ordinal);

    public static void Configure(WebApplication app, Runtime rt)
    {
        // The gate, in this order: a request id; a loopback Host only; JSON only on the control API; fault-injection
        // hooks; rate limiting; the API key. One middleware that returns the next step's task without awaiting it when
        // nothing intervenes (no state machine per step and request), so the emulator costs about what Kestrel does.
        app.Use((ctx, next) => Gate(ctx, next, rt));

        var api = new Api(rt);
        api.Map(new Router(app, rt));
        DevicePage.Map(app, rt);
        app.MapGet("/health", (RequestDelegate)(ctx => Json.WriteAsync(ctx, 200, new JsonObject { ["status"] = "ok" })));
        app.MapFallback((RequestDelegate)(ctx => Json.WriteAsync(ctx, 404, new JsonObject
        {
            ["code"] = "not_found",
            ["message"] = $"No route for {ctx.Request.Method} {ctx.Request.Path}.",
        })));
    }

    private static Task Gate(HttpContext ctx, RequestDelegate next, Runtime rt)
    {
        // 1. request id
        ctx.Response.Headers["X-Request-ID"] = rt.Ids.Next("req_");

        // 2. loopback Host only (a DNS-rebinding page sends its own host name), on every route
        if (!IsLoopbackHost(ctx.Request.Host.Host))
            return Json.WriteAsync(ctx, 403, new JsonObject
            {
                ["code"] = "invalid_host",
                ["message"] = "The emulator only answers requests addressed to 127.0.0.1, localhost or [::1].",
            });

        // 3. the control API takes JSON only: a cross-site "simple" POST (text/plain, form, no body) cannot use it.
        //    (DELETE and PUT are never "simple": a browser preflights them, and the emulator answers no CORS.)
        var path = ctx.Request.Path.Value ?? "/";
        var control = IsControl(path);
        if (control && (HttpMethods.IsPost(ctx.Request.Method) || HttpMethods.IsPut(ctx.Request.Method) ||
                        HttpMethods.IsPatch(ctx.Request.Method)) && !IsJson(ctx.Request.ContentType))
            return Json.WriteAsync(ctx, 415, new JsonObject
            {
                ["code"] = "unsupported_media_type",
                ["message"] = "The /_emulate/ control API accepts only Content-Type: application/json.",
            });

        // 4. fault-injection hooks (before anything else can answer)
        if (!control && rt.Hooks.Take(ctx) is { } hook) return Hooked(ctx, next, rt, path, hook);
        return Admitted(ctx, next, rt, path, control);
    }

    private static async Task Hooked(HttpContext ctx, RequestDelegate next, Runtime rt, string path, Hook hook)
    {
        if (!await rt.Hooks.RunAsync(hook, ctx)) await Admitted(ctx, next, rt, path, control: false);
    }

    /// <summary>What follows the hooks: rate limiting, then the API key, then the route.</summary>
    private static Task Admitted(HttpContext ctx, RequestDelegate next, Runtime rt, string path, bool control)
    {
        // 5. rate limiting
        if (rt.Options.RateLimit && !control && path != "/health")
        {
            var key = ctx.Request.Headers.Authorization.ToString();
            if (key.Length == 0) key = "ip:" + ctx.Connection.RemoteIpAddress;
            var (allowed, remaining, reset) = rt.Take(key);
            ctx.Response.Headers["X-RateLimit-Limit"] = rt.Options.RateLimitPerMinute.ToString(CultureInfo.InvariantCulture);
            ctx.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
            ctx.Response.Headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
            if (!allowed)
            {
                var retry = Math.Max(1, reset - rt.State.Now.ToUnixTimeSeconds());
                ctx.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                return Json.WriteAsync(ctx, 429, new JsonObject { ["code"] = "rate_limit_exceeded", ["message"] = "Rate limit exceeded. Retry later." });
            }
        }

        // 6. API key
        if (!IsPublic(path))
        {
            var header = ctx.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !header.AsSpan("Bearer ".Length).Trim().SequenceEqual(rt.Options.ApiKey))
                return Json.WriteAsync(ctx, 401, new JsonObject
                {
                    ["code"] = "unauthorized",
                    ["message"] = header.Length == 0 ? "Missing API key (Authorization: Bearer <key>)." : "Invalid API key.",
                });
        }
        return next(ctx);
    }

    /// <summary>One of <see cref="LoopbackHosts"/>, in any case, with or without the brackets of an IPv6 literal.</summary>
    private static bool IsLoopbackHost(string host)
    {
        foreach (var h in LoopbackHosts)
            if (h.Equals(host, StringComparison.OrdinalIgnoreCase)
                || (h.Length == host.Length + 2 && h[0] == '[' && h.AsSpan(1, host.Length).Equals(host, StringComparison.OrdinalIgnoreCase)))
                return true;
        return false;
    }

    private static bool IsPublic(string path)
    {
        if (PublicPaths.Contains(path.TrimEnd('/'))) return true;
        foreach (var prefix in PublicPrefixes)
            if (path.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null &&
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        string.Equals(media.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);
}

/// <summary>How a route runs its handler.</summary>
internal sealed record RouteOptions
{
    /// <summary>Errors before the handler (bad body) in the OAuth shape <c>{error, error_description}</c>.</summary>
    public bool OAuthErrors { get; init; }

    /// <summary>False: the handler takes <see cref="Runtime.Sync"/> itself (to hash outside it).</summary>
    public bool Locked { get; init; } = true;

    /// <summary>Body fields holding a new password: hashed before the lock is taken.</summary>
    public string[] PasswordFields { get; init; } = [];
}

/// <summary>Maps handlers: reads the body, runs the handler under the state lock, writes the reply.</summary>
internal sealed class Router(IEndpointRouteBuilder app, Runtime rt)
{
    /// <summary>Largest accepted request body; larger ones answer 413 before any parsing.</summary>
    public const int MaxBodyBytes = 1 << 20;

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    public void Map(string method, string pattern, Func<Req, Reply> handler, RouteOptions? options = null)
    {
        options ??= new RouteOptions();
        app.MapMethods(pattern, [method], (RequestDelegate)(async ctx =>
        {
            Reply reply;
            IReadOnlyDictionary<string, string>? headers = null;
            try
            {
                var body = await ReadBodyAsync(ctx, options.OAuthErrors);
                var req = new Req(ctx, body);
                foreach (var field in options.PasswordFields)
                    if (body[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String &&
                        v.GetValue<string>() is { Length: >= Limits.MinPassword and <= Limits.MaxPassword } pw)
                        req.Prehashed[field] = Passwords.Hash(pw);
                if (options.Locked)
                    lock (rt.Sync) reply = handler(req);
                else
                    reply = handler(req);
            }
            catch (ApiException e)
            {
                reply = new Reply(e.Status, e.Body);
                headers = e.Headers;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A safety net only: every known bad input has its own 4xx. Still JSON, never an empty 500.
                reply = new Reply(500, new JsonObject { ["code"] = "internal_error", ["message"] = "The emulator failed: " + e.GetType().Name });
            }
            if (reply.Location is { } loc) ctx.Response.Headers.Location = loc;
            if (headers is not null)
                foreach (var (k, v) in headers) ctx.Response.Headers[k] = v;
            if (reply.Html is { } page) await DevicePage.Html(ctx, reply.Status, page.Title, page.Body);
            else await Json.WriteAsync(ctx, reply.Status, reply.Body);
        }));
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpContext ctx, bool oauthErrors)
    {
        var request = ctx.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsHead(request.Method))
            return [];
        if (request.ContentLength > MaxBodyBytes) throw TooLarge();
        using var ms = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ctx.RequestAborted)) > 0)
        {
            if (ms.Length + read > MaxBodyBytes) throw TooLarge();
            ms.Write(buffer, 0, read);
        }
        var text = Encoding.UTF8.GetString(ms.ToArray());
        ApiException Bad(string why) => oauthErrors
            ? Err.OAuth(400, "invalid_request", why)
            : Err.Code(400, "invalid_json", why);
        if (request.HasFormContentType && !text.TrimStart().StartsWith('{'))
        {
            var o = new JsonObject();
            foreach (var (k, v) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text))
            {
                if (v.Count > 1) throw Bad($"The form field '{k}' appears more than once.");
                o[k] = v.ToString();
            }
            return o;
        }
        if (string.IsNullOrWhiteSpace(text)) return [];
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: StrictJson);
        }
        catch (JsonException e) when (e.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
        {
            throw Bad("The request body has a duplicate JSON property name.");
        }
        catch (JsonException)
        {
            throw Bad("The request body is not a valid JSON object.");
        }
        if (node is not JsonObject obj) throw Bad("The request body is not a valid JSON object.");
        bool wellFormed;
        try { wellFormed = WellFormed(obj); }
        catch (InvalidOperationException) { wellFormed = false; }
        if (!wellFormed) throw Bad("The request body has a string that is not valid Unicode (a lone surrogate).");
        return obj;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>False when a key or string holds a lone UTF-16 surrogate (JSON allows the escape; nothing can store or echo it).</summary>
    private static bool WellFormed(JsonNode? node)
    {
        static bool Ok(string s)
        {
            try { StrictUtf8.GetByteCount(s); return true; }
            catch (EncoderFallbackException) { return false; }
        }
        return node switch
        {
            JsonObject o => o.All(p => Ok(p.Key) && WellFormed(p.Value)),
            JsonArray a => a.All(WellFormed),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => ReadableString(v) is { } str && Ok(str),
            _ => true,
        };
    }

    /// <summary>System.Text.Json refuses to turn an escaped lone surrogate into a string: that is not well-formed either.</summary>
    private static string? ReadableString(JsonValue v)
    {
        try { return v.GetValue<string>(); }
        catch (InvalidOperationException) { return null; }
    }

    private static ApiException TooLarge() =>
        Err.Code(413, "payload_too_large", $"The request body is larger than {MaxBodyBytes} bytes.");
}
