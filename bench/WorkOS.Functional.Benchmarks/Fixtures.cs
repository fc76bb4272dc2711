using System.Buffers;
using System.Text;
using System.Text.Json;

namespace WorkOS.Functional.Benchmarks;

/// <summary>
/// The canned wire bytes both sides of every pair read: production-shaped bodies (spec §3.1, §3.11,
/// §3.15, §4.4), made once, deterministically, so every run decodes the same bytes.
/// </summary>
public static class Fixtures
{
    public const string ApiKey = "sk_test_bench_0123456789abcdef";
    public const string ClientId = "client_01HBENCHCLIENT000000000000";
    public const string UserId = "user_01HBENCH0000000000000000042";
    public const string Email = "ana.lee@example.com";
    public const string Password = "S3cure!pass-42";
    public const string PendingToken = "pat_ZXhhbXBsZS1wZW5kaW5nLWF1dGgtdG9rZW4tZm9yLWJlbmNo";

    /// <summary>One user object.</summary>
    public static readonly byte[] User = Write(w => WriteUser(w, 42));

    /// <summary>A list page of 100 users (about 60 KB) with both cursors.</summary>
    public static readonly byte[] UsersPage = Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        for (var i = 0; i < 100; i++) WriteUser(w, 1000 + i);
        w.WriteEndArray();
        w.WriteStartObject("list_metadata");
        w.WriteString("before", UserIdOf(1000));
        w.WriteString("after", UserIdOf(1099));
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>The answer to a successful authenticate grant.</summary>
    public static readonly byte[] Authenticate = Write(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("user");
        WriteUser(w, 42);
        w.WriteString("organization_id", "org_01HBENCHORG0000000000000001");
        w.WriteString("access_token", AccessToken());
        w.WriteString("refresh_token", "rt_" + new string('r', 40));
        w.WriteString("authentication_method", "Password");
        w.WriteEndObject();
    });

    /// <summary>The 403 <c>mfa_challenge</c> step-up body (spec §4.4, production shape).</summary>
    public static readonly byte[] MfaChallenge = Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("code", "mfa_challenge");
        w.WriteString("message", "The user must complete an MFA challenge to finish authenticating.");
        w.WriteString("pending_authentication_token", PendingToken);
        w.WritePropertyName("user");
        WriteUser(w, 42);
        w.WriteStartArray("authentication_factors");
        w.WriteStartObject();
        w.WriteString("id", "auth_factor_01HBENCHFACTOR00000000001");
        w.WriteString("type", "totp");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The body of the hello-world server.</summary>
    public static readonly byte[] HelloWorld = Encoding.UTF8.GetBytes("Hello World!");

    public static string UserIdOf(int n) => $"user_01HBENCH{n:D19}";

    private static void WriteUser(Utf8JsonWriter w, int n)
    {
        w.WriteStartObject();
        w.WriteString("object", "user");
        w.WriteString("id", UserIdOf(n));
        w.WriteString("email", n == 42 ? Email : $"person.{n}@example.com");
        w.WriteString("first_name", "Ana");
        w.WriteString("last_name", "Lee");
        w.WriteString("name", "Ana Lee");
        w.WriteBoolean("email_verified", true);
        w.WriteString("profile_picture_url", $"https://workoscdn.example.com/images/v1/avatars/{UserIdOf(n)}/profile-picture.png?size=256&format=png");
        w.WriteString("last_sign_in_at", "2025-11-28T09:41:07.123Z");
        w.WriteString("external_id", $"crm-{n:D8}");
        w.WriteString("locale", "en-GB");
        w.WriteStartObject("metadata");
        w.WriteString("tier", "gold");
        w.WriteString("region", "eu-west-1");
        w.WriteString("signup_source", "marketing-campaign-2025-q3");
        w.WriteEndObject();
        w.WriteString("created_at", "2024-03-14T15:09:26.535Z");
        w.WriteString("updated_at", "2025-11-28T09:41:07.123Z");
        w.WriteEndObject();
    }

    /// <summary>A JWT-sized access token (header.payload.signature), about 800 characters.</summary>
    private static string AccessToken() =>
        "eyJhbGciOiJSUzI1NiIsImtpZCI6InNzb19vaWRjX2tleV9wYWlyXzAxSEJFTkNIIn0."
        + Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{{\"iss\":\"https://api.workos.com\",\"sub\":\"{UserId}\",\"sid\":\"session_01HBENCHSESSION000000000001\",\"org_id\":\"org_01HBENCHORG0000000000000001\",\"role\":\"member\",\"permissions\":[\"users:read\",\"users:write\"],\"exp\":1764323167,\"iat\":1764322867,\"jti\":\"01HBENCHJTI00000000000000001\"}}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_')
        + "." + new string('s', 342);

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) write(w);
        return buffer.WrittenSpan.ToArray();
    }
}
