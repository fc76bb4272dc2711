using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WorkOS.Functional.Sessions;

namespace WorkOS.Functional.Properties.Sessions;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset now = now;
    public override DateTimeOffset GetUtcNow() => now;
    public void Advance(TimeSpan by) => now += by;
    public void Set(DateTimeOffset to) => now = to;
}

/// <summary>An RSA signing key made in the test, its JWK, and a signer of arbitrary tokens (independent of the library).</summary>
public sealed class TestKey : IDisposable
{
    public RSA Rsa { get; }
    public string Kid { get; }

    public TestKey(string kid, int bits = 2048) => (Rsa, Kid) = (RSA.Create(bits), kid);

    public static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);
    public static string B64(string text) => B64(Encoding.UTF8.GetBytes(text));

    public Jwk Jwk(string kty = "RSA", string? alg = "RS256", string? use = "sig")
    {
        var p = Rsa.ExportParameters(false);
        return new Jwk(kty, Some(Kid), Optional(alg), Optional(use), Some(B64(p.Modulus!)), Some(B64(p.Exponent!)), Seq<string>(), None);
    }

    public string SignRaw(string headerJson, string payloadJson)
    {
        var input = $"{B64(headerJson)}.{B64(payloadJson)}";
        return $"{input}.{B64(Rsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
    }

    public string Sign(JsonObject claims, string alg = "RS256", string? kid = null) =>
        SignRaw(new JsonObject { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = kid ?? Kid }.ToJsonString(), claims.ToJsonString());

    public void Dispose() => Rsa.Dispose();
}

public static class Tokens
{
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_767_322_800);

    public static JsonObject Claims(DateTimeOffset? iat = null, TimeSpan? lifetime = null, string sub = "user_01", string? sid = "session_01", string? org = "org_01")
    {
        var issued = iat ?? Now;
        var o = new JsonObject
        {
            ["sub"] = sub,
            ["iat"] = issued.ToUnixTimeSeconds(),
            ["exp"] = (issued + (lifetime ?? TimeSpan.FromMinutes(5))).ToUnixTimeSeconds(),
        };
        if (sid is not null) o["sid"] = sid;
        if (org is not null) o["org_id"] = org;
        return o;
    }

    public static Jwks Set(params TestKey[] keys) => new(toSeq(keys.Select(static k => k.Jwk())).Strict());

    public static InvalidAccessToken Rejected(Either<Error, AccessTokenClaims> result) =>
        result.Match(Right: _ => throw new Xunit.Sdk.XunitException("the token was accepted"),
            Left: e => e as InvalidAccessToken ?? throw new Xunit.Sdk.XunitException($"not an InvalidAccessToken: {e.GetType().Name} {e.Message}"));
}
