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
    public Runtime(EmulatorOptions options)
    {
        Options = options;
        State = new State(options.Clock ?? TimeProvider.System);
        State.LoadSeed(options.SeedJson);
        Signer = new JwtSigner();
    }

    public EmulatorOptions Options { get; }
    public State State { get; }
    public JwtSigner Signer { get; }
    public HookStore Hooks { get; } = new();
    public string BaseUrl { get; set; } = "";
    public bool MfaRequired => Options.MfaRequired || State.SeedMfaRequired;

    private readonly Dictionary<string, (long Window, int Count)> _rate = [];

    /// <summary>Fixed one-minute windows on the emulator clock. Returns remaining (≥0) or -1 when over.</summary>
    public (bool Allowed, int Remaining, long ResetUnix) Take(string key)
    {
        var now = State.Now.ToUnixTimeSeconds();
        var window = now / 60;
        lock (_rate)
        {
            _rate.TryGetValue(key, out var entry);
            if (entry.Window != window) entry = (window, 0);
            entry.Count++;
            _rate[key] = entry;
            var limit = Options.RateLimitPerMinute;
            return (entry.Count <= limit, Math.Max(0, limit - entry.Count), (window + 1) * 60);
        }
    }

    public void Reset()
    {
        lock (State.Sync) State.LoadSeed(Options.SeedJson);
        Hooks.Clear();
        lock (_rate) _rate.Clear();
    }

    public void Dispose() => Signer.Dispose();
}

internal static class Pipeline
{
    private static readonly string[] PublicPrefixes = ["/_emulate/", "/sso/jwks/"];
    private static readonly string[] PublicPaths =
        ["/health", "/user_management/authenticate", "/user_management/authorize", "/user_management/sessions/logout",
         "/user_management/authorize/device", DevicePage.Path];

    public static void Configure(WebApplication app, Runtime rt)
    {
        // 1. request id
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers["X-Request-ID"] = rt.State.Ids.Next("req_");
            await next(ctx);
        });

        // 2. fault-injection hooks (before anything else can answer)
        app.Use(async (ctx, next) =>
        {
            var path = ctx.Request.Path.Value ?? "/";
            if (path.StartsWith("/_emulate/", StringComparison.Ordinal) || !await rt.Hooks.TryHandleAsync(ctx))
                await next(ctx);
        });

        // 3. rate limiting
        app.Use(async (ctx, next) =>
        {
            var path = ctx.Request.Path.Value ?? "/";
            if (rt.Options.RateLimit && !path.StartsWith("/_emulate/", StringComparison.Ordinal) && path != "/health")
            {
                var key = ctx.Request.Headers.Authorization.ToString();
                if (key.Length == 0) key = "ip:" + ctx.Connection.RemoteIpAddress;
                var (allowed, remaining, reset) = rt.Take(key);
                ctx.Response.Headers["X-RateLimit-Limit"] = rt.Options.RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ctx.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ctx.Response.Headers["X-RateLimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!allowed)
                {
                    var retry = Math.Max(1, reset - rt.State.Now.ToUnixTimeSeconds());
                    ctx.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await Json.WriteAsync(ctx, 429, new JsonObject { ["code"] = "rate_limit_exceeded", ["message"] = "Rate limit exceeded. Retry later." });
                    return;
                }
            }
            await next(ctx);
        });

        // 4. API key
        app.Use(async (ctx, next) =>
        {
            var path = ctx.Request.Path.Value ?? "/";
            var isPublic = PublicPaths.Contains(path.TrimEnd('/')) || PublicPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal));
            if (!isPublic)
            {
                var header = ctx.Request.Headers.Authorization.ToString();
                if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header["Bearer ".Length..].Trim() != rt.Options.ApiKey)
                {
                    await Json.WriteAsync(ctx, 401, new JsonObject
                    {
                        ["code"] = "unauthorized",
                        ["message"] = header.Length == 0 ? "Missing API key (Authorization: Bearer <key>)." : "Invalid API key.",
                    });
                    return;
                }
            }
            await next(ctx);
        });

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
}

/// <summary>Maps handlers: reads the body, runs the handler under the state lock, writes the reply.</summary>
internal sealed class Router(IEndpointRouteBuilder app, Runtime rt)
{
    public void Map(string method, string pattern, Func<Req, Reply> handler, bool oauthErrors = false)
    {
        app.MapMethods(pattern, [method], (RequestDelegate)(async ctx =>
        {
            Reply reply;
            try
            {
                var body = await ReadBodyAsync(ctx, oauthErrors);
                var req = new Req(ctx, body);
                lock (rt.State.Sync) reply = handler(req);
            }
            catch (ApiException e)
            {
                reply = new Reply(e.Status, e.Body);
            }
            if (reply.Location is { } loc) ctx.Response.Headers.Location = loc;
            await Json.WriteAsync(ctx, reply.Status, reply.Body);
        }));
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpContext ctx, bool oauthErrors)
    {
        var request = ctx.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsHead(request.Method))
            return [];
        using var ms = new MemoryStream();
        await request.Body.CopyToAsync(ms, ctx.RequestAborted);
        var text = Encoding.UTF8.GetString(ms.ToArray());
        if (request.HasFormContentType && !text.TrimStart().StartsWith('{'))
        {
            var o = new JsonObject();
            foreach (var (k, v) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text)) o[k] = v.ToString();
            return o;
        }
        if (string.IsNullOrWhiteSpace(text)) return [];
        try
        {
            if (JsonNode.Parse(text) is JsonObject obj) return obj;
        }
        catch (JsonException)
        {
        }
        throw oauthErrors
            ? Err.OAuth(400, "invalid_request", "The request body is not a valid JSON object.")
            : Err.Code(400, "invalid_json", "The request body is not a valid JSON object.");
    }
}
