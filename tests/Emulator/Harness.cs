using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkOS.Functional.Emulator;

namespace WorkOS.Functional.Emulator.Tests;

public sealed record Resp(HttpStatusCode Status, JsonNode? Json, string Raw, HttpResponseMessage Message)
{
    public int Code => (int)Status;
    public JsonNode J => Json ?? throw new InvalidOperationException("No JSON body: " + Raw);
    public string? S(string key) => Json?[key]?.GetValue<string>();
    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var v) ? v.First() :
        Message.Content.Headers.TryGetValues(name, out var c) ? c.First() : null;
}

public sealed class Harness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const string Password = "Passw0rd!";

    private Harness(WorkOSEmulator emu, EmulatorClock clock)
    {
        Emu = emu;
        Clock = clock;
        // Every call gives up after 30 s, so a server that never answers fails the test instead of hanging it.
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = emu.BaseUrl, Timeout = CallTimeout };
    }

    /// <summary>The longest one HTTP call of a test may take.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public WorkOSEmulator Emu { get; }
    public EmulatorClock Clock { get; }
    public HttpClient Http { get; }

    public static async Task<Harness> StartAsync(EmulatorOptions? options = null)
    {
        var clock = new EmulatorClock(Start);
        options = (options ?? new EmulatorOptions()) with { Clock = options?.Clock ?? clock };
        var emu = await WorkOSEmulator.StartAsync(options);
        return new Harness(emu, (options.Clock as EmulatorClock) ?? clock);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emu.DisposeAsync();
    }

    public Task<Resp> Get(string path, bool auth = true) => Send(HttpMethod.Get, path, null, auth);
    public Task<Resp> Post(string path, object? body = null, bool auth = true) => Send(HttpMethod.Post, path, body, auth);
    public Task<Resp> Put(string path, object? body = null, bool auth = true) => Send(HttpMethod.Put, path, body, auth);
    public Task<Resp> Delete(string path, bool auth = true) => Send(HttpMethod.Delete, path, null, auth);

    public async Task<Resp> Send(HttpMethod method, string path, object? body, bool auth = true, string? apiKey = null)
    {
        using var req = new HttpRequestMessage(method, path);
        if (auth) req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey ?? Emu.ApiKey);
        if (body is not null)
        {
            var text = body as string ?? (body is JsonNode n ? n.ToJsonString() : JsonSerializer.Serialize(body));
            req.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }
        var res = await Http.SendAsync(req);
        var raw = await res.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (raw.Length > 0)
        {
            try { json = JsonNode.Parse(raw); } catch (JsonException) { }
        }
        return new Resp(res.StatusCode, json, raw, res);
    }

    /// <summary>Sends a request as built by the test (content type, Host header…) and reads the answer.</summary>
    public async Task<Resp> Raw(HttpRequestMessage req)
    {
        using (req)
        {
            var res = await Http.SendAsync(req);
            var raw = await res.Content.ReadAsStringAsync();
            JsonNode? json = null;
            if (raw.Length > 0)
            {
                try { json = JsonNode.Parse(raw); } catch (JsonException) { }
            }
            return new Resp(res.StatusCode, json, raw, res);
        }
    }

    /// <summary>The claims of a JWT (no signature check).</summary>
    public static JsonNode Claims(string jwt) => JsonNode.Parse(Unb64(jwt.Split('.')[1]))!;

    public static byte[] Unb64(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    /// <summary>A six-digit code that is none of the codes the emulator accepts now (current step ± 1).</summary>
    public string WrongTotp(string base32Secret)
    {
        var valid = new[] { -1, 0, 1 }.Select(d => TotpNow(base32Secret, d)).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !valid.Contains(c));
    }

    // ------------------------------------------------------------ helpers

    public async Task<JsonNode> CreateUser(string email, bool verified = true, string? password = Password)
    {
        var body = new JsonObject { ["email"] = email };
        if (password is not null) body["password"] = password;
        if (verified) body["email_verified"] = true;
        var r = await Post("/user_management/users", body);
        Assert.Equal(201, r.Code);
        return r.J;
    }

    public async Task<string> CreateOrg(string name)
    {
        var r = await Post("/organizations", new { name });
        Assert.Equal(201, r.Code);
        return r.S("id")!;
    }

    public async Task<JsonNode> AddMember(string userId, string orgId, string? role = null)
    {
        var body = new JsonObject { ["user_id"] = userId, ["organization_id"] = orgId };
        if (role is not null) body["role_slug"] = role;
        var r = await Post("/user_management/organization_memberships", body);
        Assert.Equal(201, r.Code);
        return r.J;
    }

    public Task<Resp> Authenticate(JsonObject fields)
    {
        fields["client_id"] ??= Emu.ClientId;
        fields["client_secret"] ??= Emu.ApiKey;
        return Post("/user_management/authenticate", fields, auth: false);
    }

    public Task<Resp> PasswordLogin(string email, string password = Password) =>
        Authenticate(new JsonObject { ["grant_type"] = "password", ["email"] = email, ["password"] = password });

    public Task<Resp> Refresh(string token, string? orgId = null)
    {
        var o = new JsonObject { ["grant_type"] = "refresh_token", ["refresh_token"] = token };
        if (orgId is not null) o["organization_id"] = orgId;
        return Authenticate(o);
    }

    public async Task<string> ChallengeFactor(string factorId)
    {
        var r = await Post($"/auth/factors/{factorId}/challenge", new { });
        Assert.Equal(201, r.Code);
        return r.S("id")!;
    }

    public Task<Resp> Totp(string pending, string challengeId, string code) =>
        Authenticate(new JsonObject
        {
            ["grant_type"] = "urn:workos:oauth:grant-type:mfa-totp",
            ["code"] = code,
            ["pending_authentication_token"] = pending,
            ["authentication_challenge_id"] = challengeId,
        });

    public string TotpNow(string base32Secret, int stepOffset = 0) =>
        TestTotp.Code(TestTotp.Base32Decode(base32Secret), Clock.GetUtcNow().ToUnixTimeSeconds() + stepOffset * 30);
}

/// <summary>Independent RFC 6238 / RFC 4648 implementation for the tests.</summary>
public static class TestTotp
{
    public static string Code(byte[] key, long unix, int digits = 6)
    {
        var counter = BitConverter.GetBytes(unix / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var h = HMACSHA1.HashData(key, counter);
        var o = h[19] & 0xf;
        var value = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
        return (value % (int)Math.Pow(10, digits)).ToString().PadLeft(digits, '0');
    }

    public static byte[] Base32Decode(string s)
    {
        const string a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = new StringBuilder();
        foreach (var c in s.TrimEnd('=').ToUpperInvariant())
            bits.Append(Convert.ToString(a.IndexOf(c), 2).PadLeft(5, '0'));
        var bytes = new byte[bits.Length / 8];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = Convert.ToByte(bits.ToString(i * 8, 8), 2);
        return bytes;
    }

    public static string Base32Encode(byte[] data)
    {
        const string a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(data.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        var sb = new StringBuilder();
        for (var i = 0; i < bits.Length; i += 5)
            sb.Append(a[Convert.ToInt32(bits.Substring(i, Math.Min(5, bits.Length - i)).PadRight(5, '0'), 2)]);
        return sb.ToString();
    }
}
