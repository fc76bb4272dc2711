using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace WorkOS.Functional.Emulator.Internal;

internal sealed class Hook
{
    public required string Id { get; init; }
    public string Method { get; init; } = "*";
    public required string Path { get; init; }
    public int? Status { get; init; }
    public JsonNode? Body { get; init; }
    public int? Remaining { get; set; }
    public int DelayMs { get; init; }
    public bool Drop { get; init; }
    public string? RawBody { get; init; }
    public string? ContentType { get; init; }
    public string? RetryAfter { get; init; }
    public JsonObject? Headers { get; init; }

    public bool Matches(string method, string path)
    {
        if (Method != "*" && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) return false;
        if (Path == "*") return true;
        var p = path.Length > 1 ? path.TrimEnd('/') : path;
        if (Path.EndsWith("/*", StringComparison.Ordinal))
        {
            var prefix = Path[..^2];
            return p == prefix || p.StartsWith(prefix + "/", StringComparison.Ordinal);
        }
        return p == (Path.Length > 1 ? Path.TrimEnd('/') : Path);
    }

    public JsonObject ToJson() => new()
    {
        ["object"] = "hook",
        ["id"] = Id,
        ["method"] = Method,
        ["path"] = Path,
        ["status"] = Status,
        ["body"] = Body?.DeepClone(),
        ["count"] = Remaining,
        ["delay_ms"] = DelayMs,
        ["drop"] = Drop,
        ["raw_body"] = RawBody,
        ["content_type"] = ContentType,
        ["retry_after"] = RetryAfter,
        ["headers"] = Headers?.DeepClone(),
    };
}

/// <summary>Fault-injection rules consulted before routing.</summary>
internal sealed class HookStore
{
    private readonly List<Hook> _hooks = [];
    private int _seq;

    public void Clear()
    {
        lock (_hooks) _hooks.Clear();
    }

    public List<Hook> All()
    {
        lock (_hooks) return [.. _hooks];
    }

    public bool Remove(string id)
    {
        lock (_hooks) return _hooks.RemoveAll(h => h.Id == id) > 0;
    }

    public Hook Add(JsonObject o)
    {
        string? S(string k) => o[k] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => throw Err.Validation((k, "invalid_type")),
        };
        int? I(string k) => o[k] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) => i,
            _ => throw Err.Validation((k, "invalid_type")),
        };

        var path = S("path");
        if (path is null || (path != "*" && !path.StartsWith('/'))) throw Err.Validation(("path", "required"));
        var status = I("status");
        if (status is < 200 or > 599) throw Err.Validation(("status", "invalid"));
        if (status is 204 or 304 && (o["body"] is not null || o["raw_body"] is not null)) throw Err.Validation(("body", "not_allowed_with_status"));
        var count = I("count");
        if (count is < 1) throw Err.Validation(("count", "invalid"));
        var delay = I("delay_ms") ?? 0;
        if (delay is < 0 or > 600_000) throw Err.Validation(("delay_ms", "invalid"));
        var drop = o["drop"] is JsonValue d && d.GetValueKind() == JsonValueKind.True;
        if (status is null && !drop && delay == 0) throw Err.Validation(("status", "required"));
        string? retryAfter = o["retry_after"] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => throw Err.Validation(("retry_after", "invalid_type")),
        };
        if (retryAfter is not null && !ValidHeaderValue(retryAfter)) throw Err.Validation(("retry_after", "invalid"));
        var method = S("method") ?? "*";
        if (method != "*" && !method.All(char.IsAsciiLetter)) throw Err.Validation(("method", "invalid"));
        var contentType = S("content_type");
        if (contentType is not null && !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out _))
            throw Err.Validation(("content_type", "invalid"));
        var rawBody = S("raw_body");
        JsonObject? headers = null;
        if (o["headers"] is JsonObject h)
        {
            foreach (var (k, v) in h)
                if (k.Length == 0 || !k.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c)) ||
                    v is not JsonValue hv || hv.GetValueKind() != JsonValueKind.String || !ValidHeaderValue(hv.GetValue<string>()))
                    throw Err.Validation(($"headers.{k}", "invalid"));
            headers = (JsonObject)h.DeepClone();
        }
        else if (o["headers"] is not null) throw Err.Validation(("headers", "invalid_type"));
        var hook = new Hook
        {
            Id = $"hook_{Interlocked.Increment(ref _seq)}_{Rand.Alnum(8)}",
            Method = method,
            Path = path,
            Status = status,
            Body = o["body"]?.DeepClone(),
            Remaining = count,
            DelayMs = delay,
            Drop = drop,
            RawBody = rawBody,
            ContentType = contentType,
            RetryAfter = retryAfter,
            Headers = headers,
        };
        lock (_hooks) _hooks.Add(hook);
        return hook;
    }

    private static bool ValidHeaderValue(string v) => v.Length <= 4096 && v.All(c => c is >= ' ' and <= '~' || c == '\t');

    /// <summary>Returns true when a hook answered (or dropped) the request.</summary>
    public Task<bool> TryHandleAsync(HttpContext ctx) =>
        Take(ctx) is { } hook ? RunAsync(hook, ctx) : Task.FromResult(false);

    /// <summary>The first hook matching the request, its count taken; null (the common case, no allocation) when none does.</summary>
    public Hook? Take(HttpContext ctx)
    {
        lock (_hooks)
        {
            if (_hooks.Count == 0) return null;
            var (method, path) = (ctx.Request.Method, ctx.Request.Path.Value ?? "/");
            var hook = _hooks.Find(h => h.Matches(method, path));
            if (hook?.Remaining is { } r)
            {
                hook.Remaining = r - 1;
                if (r - 1 <= 0) _hooks.Remove(hook);
            }
            return hook;
        }
    }

    /// <summary>Applies a taken hook; true when it answered (or dropped) the request, false when it only delayed it.</summary>
    public async Task<bool> RunAsync(Hook hook, HttpContext ctx)
    {
        if (hook.DelayMs > 0)
        {
            try { await Task.Delay(hook.DelayMs, ctx.RequestAborted); }
            catch (OperationCanceledException) { return true; }
        }
        if (hook.Drop)
        {
            ctx.Abort();
            return true;
        }
        if (hook.Status is not { } status) return false; // delay only: pass through
        ctx.Response.StatusCode = status;
        if (hook.RetryAfter is { } ra) ctx.Response.Headers.RetryAfter = ra;
        if (hook.Headers is { } headers)
            foreach (var (k, v) in headers)
                ctx.Response.Headers[k] = v!.GetValue<string>();
        byte[]? payload = null;
        if (hook.RawBody is { } raw)
        {
            ctx.Response.ContentType = hook.ContentType ?? "text/plain; charset=utf-8";
            payload = Encoding.UTF8.GetBytes(raw);
        }
        else if (hook.Body is { } body)
        {
            ctx.Response.ContentType = hook.ContentType ?? Json.ContentType;
            payload = Encoding.UTF8.GetBytes(Json.Text(body));
        }
        if (payload is not null)
        {
            ctx.Response.ContentLength = payload.Length;
            await ctx.Response.Body.WriteAsync(payload, ctx.RequestAborted);
        }
        return true;
    }
}
