using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace WorkOS.Functional.Emulator.Internal;

/// <summary>What a handler answers: status, optional JSON body, optional redirect location.</summary>
internal readonly record struct Reply(int Status, JsonNode? Body, string? Location = null)
{
    /// <summary>An HTML page instead of JSON (the hosted sign-in page): its title and encoded body.</summary>
    public (string Title, string Body)? Html { get; init; }

    public static Reply Ok(JsonNode body) => new(200, body);
    public static Reply Created(JsonNode body) => new(201, body);
    public static Reply NoContent() => new(204, null);
}

/// <summary>Thrown by handlers to answer an error; caught by the dispatcher.</summary>
internal sealed class ApiException(int status, JsonObject body, IReadOnlyDictionary<string, string>? headers = null) : Exception(body.ToJsonString())
{
    public int Status { get; } = status;
    public JsonObject Body { get; } = body;
    public IReadOnlyDictionary<string, string> Headers { get; } = headers ?? new Dictionary<string, string>();
}

internal static class Err
{
    public static ApiException Code(int status, string code, string message) =>
        new(status, new JsonObject { ["code"] = code, ["message"] = message });

    public static ApiException OAuth(int status, string error, string description) =>
        new(status, new JsonObject { ["error"] = error, ["error_description"] = description });

    /// <summary>A code-bearing object took too many wrong codes and is now invalid.</summary>
    public static ApiException TooManyAttempts(string what) =>
        Code(400, "too_many_attempts", $"Too many wrong codes: {what} is no longer valid.");

    public static ApiException RateLimited(long retryAfterSeconds, string message) =>
        new(429, new JsonObject { ["code"] = "rate_limit_exceeded", ["message"] = message },
            new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) });

    public static ApiException NotFound(string what, string id) =>
        Code(404, "entity_not_found", $"{what} not found: '{id}'.");

    public static ApiException Validation(params (string Field, string Code)[] errors)
    {
        var arr = new JsonArray();
        foreach (var (f, c) in errors) arr.Add(new JsonObject { ["field"] = f, ["code"] = c });
        return new ApiException(422, new JsonObject
        {
            ["code"] = "invalid_request_parameters",
            ["message"] = "Validation failed: " + string.Join(", ", errors.Select(e => $"{e.Field} {e.Code}")),
            ["errors"] = arr,
        });
    }
}

/// <summary>A parsed request as handlers see it.</summary>
internal sealed class Req(HttpContext http, JsonObject body)
{
    public HttpContext Http { get; } = http;
    public JsonObject Body { get; } = body;

    /// <summary>Password hashes of body fields, computed by the router before it takes the state lock.</summary>
    public Dictionary<string, string> Prehashed { get; } = [];

    /// <summary>The hash of the password in body field <paramref name="key"/>: the one computed outside the lock, else computed now.</summary>
    public string HashOf(string key, string password) =>
        Prehashed.TryGetValue(key, out var h) ? h : Passwords.Hash(password);

    /// <summary>Route value; Kestrel leaves an escaped '/' (%2F) encoded, so decode it here.</summary>
    public string Route(string name) =>
        (Http.Request.RouteValues[name]?.ToString() ?? "").Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    public string? Query(string key)
    {
        var v = Http.Request.Query[key];
        return v.Count == 0 ? null : v[0];
    }

    public List<string> QueryAll(string key)
    {
        var list = new List<string>();
        foreach (var k in new[] { key, key + "[]" })
            foreach (var v in Http.Request.Query[k])
                if (v is not null)
                    list.AddRange(v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return list;
    }

    /// <summary>String body field; null when absent, null or empty. Non-strings are a 422.</summary>
    public string? Str(string key)
    {
        if (!Body.TryGetPropertyValue(key, out var node) || node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var s = v.GetValue<string>();
            return s.Length == 0 ? null : s;
        }
        throw Err.Validation((key, "invalid_type"));
    }

    public bool? Bool(string key)
    {
        if (!Body.TryGetPropertyValue(key, out var node) || node is null) return null;
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return v.GetValue<bool>();
        if (node is JsonValue s && s.GetValueKind() == JsonValueKind.String && bool.TryParse(s.GetValue<string>(), out var b)) return b;
        throw Err.Validation((key, "invalid_type"));
    }

    public int? Int(string key)
    {
        if (!Body.TryGetPropertyValue(key, out var node) || node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i)) return i;
        if (node is JsonValue s && s.GetValueKind() == JsonValueKind.String && int.TryParse(s.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var j)) return j;
        throw Err.Validation((key, "invalid_type"));
    }

    public List<string>? StrList(string key)
    {
        if (!Body.TryGetPropertyValue(key, out var node) || node is null) return null;
        if (node is not JsonArray arr) throw Err.Validation((key, "invalid_type"));
        var list = new List<string>();
        foreach (var item in arr)
        {
            if (item is JsonValue v && v.GetValueKind() == JsonValueKind.String) list.Add(v.GetValue<string>());
            else throw Err.Validation((key, "invalid_type"));
        }
        return list;
    }
}

internal static class Json
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>Writes '+', '&amp;', '&lt;' and non-ASCII characters as they are (still valid JSON).</summary>
    /// <remarks>The reflection resolver lets a reply carry an <see cref="UnsignedJwt"/>, signed while the reply is written.</remarks>
    public static readonly JsonSerializerOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public static string Text(JsonNode node) => node.ToJsonString(Relaxed);

    public static string Ts(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? TsOrNull(DateTimeOffset? t) => t is { } v ? JsonValue.Create(Ts(v)) : null;

    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> map)
    {
        var a = new JsonArray();
        foreach (var i in items) a.Add(map(i));
        return a;
    }

    public static JsonArray Strings(IEnumerable<string> items) => Array(items, s => JsonValue.Create(s));

    public static JsonObject Map(IDictionary<string, string> d)
    {
        var o = new JsonObject();
        foreach (var (k, v) in d) o[k] = v;
        return o;
    }

    public static Task WriteAsync(HttpContext ctx, int status, JsonNode? body)
    {
        ctx.Response.StatusCode = status;
        if (body is null && (status == 204 || status is >= 300 and < 400)) return Task.CompletedTask;
        ctx.Response.ContentType = ContentType;
        // The UTF-8 bytes at once (not a string, then its bytes), and the write's task handed back, not awaited here.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body ?? new JsonObject(), Relaxed);
        ctx.Response.ContentLength = bytes.Length;
        return ctx.Response.Body.WriteAsync(bytes, 0, bytes.Length, ctx.RequestAborted);
    }
}

/// <summary>ULID-like, strictly increasing ids: 48-bit ms timestamp + 80-bit random, Crockford base32.</summary>
internal sealed class IdGenerator(TimeProvider clock)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private readonly object _sync = new();
    private long _lastMs = -1;
    private UInt128 _lastRand;

    public string Next(string prefix)
    {
        long ms;
        UInt128 rand;
        lock (_sync)
        {
            ms = Math.Max(clock.GetUtcNow().ToUnixTimeMilliseconds(), _lastMs);
            if (ms == _lastMs)
            {
                rand = _lastRand + 1;
            }
            else
            {
                Span<byte> b = stackalloc byte[16];
                RandomNumberGenerator.Fill(b);
                b[0] = 0; b[1] = 0; b[2] = 0; b[3] = 0; b[4] = 0; b[5] = 0;
                b[6] &= 0x7F; // leave head-room for increments
                rand = new UInt128(
                    (ulong)b[6] << 8 | b[7],
                    BitConverter.ToUInt64(b[8..]));
            }
            _lastMs = ms;
            _lastRand = rand;
        }
        var value = ((UInt128)(ulong)ms << 80) | (rand & ((UInt128.One << 80) - 1));
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
        return prefix + new string(chars);
    }
}

internal static class Rand
{
    public static string Digits(int n)
    {
        var sb = new StringBuilder(n);
        for (var i = 0; i < n; i++) sb.Append((char)('0' + RandomNumberGenerator.GetInt32(10)));
        return sb.ToString();
    }

    public static string Token(int bytes = 24) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Alnum(int n)
    {
        const string a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var sb = new StringBuilder(n);
        for (var i = 0; i < n; i++) sb.Append(a[RandomNumberGenerator.GetInt32(a.Length)]);
        return sb.ToString();
    }
}
