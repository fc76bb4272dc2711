using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WorkOS.Functional.Sessions;

/// <summary>
/// Pure access-token verification: RS256 signatures against a <see cref="Jwks"/>, then the time and issuer
/// claims against an explicit instant. Every failure is an <see cref="InvalidAccessToken"/> value; nothing throws.
/// <see cref="AccessTokenVerifier"/> adds the key-set fetching and caching around these functions.
/// </summary>
public static class AccessTokens
{
    /// <summary>The only signing algorithm accepted.</summary>
    public const string Algorithm = "RS256";

    /// <summary>The smallest RSA modulus accepted, in bits.</summary>
    public const int MinimumKeySizeBits = 2048;

    /// <summary>The issuer real WorkOS access tokens carry for a client ID: <c>https://api.workos.com/user_management/{clientId}</c>.</summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    public static string WorkOSIssuer(string clientId) => $"https://api.workos.com/user_management/{clientId}";

    private static readonly System.Collections.Generic.HashSet<string> KnownClaims =
    [
        "sub", "sid", "org_id", "role", "roles", "permissions", "entitlements", "feature_flags", "act", "iss", "exp", "iat", "nbf", "jti",
    ];

    /// <summary>A token split into its parts, its header read; the payload is not trusted yet.</summary>
    internal sealed record Parsed(string KeyId, byte[] SigningInput, byte[] Signature, byte[] Payload);

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static Error Fail(AccessTokenProblem problem, string detail) => new InvalidAccessToken(problem, detail);

    /// <summary>The <c>kid</c> of a token's header, after checking the token's shape and its algorithm.</summary>
    /// <param name="token">The compact JWS.</param>
    public static Either<Error, string> KeyId(string? token) => Parse(token).Map(static p => p.KeyId);

    /// <summary>
    /// Verifies <paramref name="token"/> completely: shape, <c>alg</c> RS256, the key named by <c>kid</c> in
    /// <paramref name="keys"/>, the signature, then <c>exp</c>/<c>nbf</c>/<c>iat</c> at <paramref name="now"/> within
    /// <paramref name="clockSkew"/>, and <c>iss</c> when <paramref name="issuer"/> is given.
    /// </summary>
    /// <param name="token">The compact JWS.</param>
    /// <param name="keys">The key set to verify against.</param>
    /// <param name="now">The instant to judge <c>exp</c>, <c>nbf</c> and <c>iat</c> at.</param>
    /// <param name="clockSkew">How far clocks may disagree (not negative).</param>
    /// <param name="issuer">The required <c>iss</c>, or <c>None</c> to accept any.</param>
    public static Either<Error, AccessTokenClaims> Verify(string? token, Jwks keys, DateTimeOffset now, TimeSpan clockSkew, Option<string> issuer) =>
        from claims in VerifySignature(token, keys)
        from _ in CheckIssuer(claims, issuer)
        from __ in CheckTimes(claims, now, clockSkew)
        select claims;

    /// <summary>Shape, algorithm, key and signature only: the claims of an authentic token, whatever its times.</summary>
    /// <param name="token">The compact JWS.</param>
    /// <param name="keys">The key set to verify against.</param>
    public static Either<Error, AccessTokenClaims> VerifySignature(string? token, Jwks keys) =>
        from parsed in Parse(token)
        from key in keys.Find(parsed.KeyId).ToEither(Fail(AccessTokenProblem.UnknownKey, "no key in the key set has the token's kid"))
        from rsa in RsaParameters(key)
        from _ in CheckSignature(parsed, rsa)
        from claims in ReadClaims(parsed.Payload)
        select claims;

    /// <summary><c>iss</c> must equal <paramref name="issuer"/> when one is required.</summary>
    internal static Either<Error, Unit> CheckIssuer(AccessTokenClaims claims, Option<string> issuer) =>
        issuer.Match(
            Some: want => claims.Issuer == Some(want) ? Right<Error, Unit>(unit) : Fail(AccessTokenProblem.WrongIssuer, $"the issuer is not {want}"),
            None: () => Right<Error, Unit>(unit));

    /// <summary><c>exp</c> not passed, <c>nbf</c> reached and <c>iat</c> not in the future, each within <paramref name="skew"/>.</summary>
    internal static Either<Error, Unit> CheckTimes(AccessTokenClaims c, DateTimeOffset now, TimeSpan skew) =>
        now >= c.ExpiresAt + skew ? Fail(AccessTokenProblem.Expired, $"expired at {c.ExpiresAt:O}")
        : c.NotBefore.Exists(nbf => nbf > now + skew) ? Fail(AccessTokenProblem.NotYetValid, "not valid before its nbf")
        : c.IssuedAt.Exists(iat => iat > now + skew) ? Fail(AccessTokenProblem.IssuedInFuture, "issued in the future")
        : Right<Error, Unit>(unit);

    /// <summary>Reads the claims of a token WITHOUT verifying it: only for tokens this process already trusts.</summary>
    internal static Either<Error, AccessTokenClaims> ReadUnverified(string? token) =>
        Parse(token).Bind(static p => ReadClaims(p.Payload));

    // ------------------------------------------------------------------ parsing

    internal static Either<Error, Parsed> Parse(string? token)
    {
        if (string.IsNullOrEmpty(token)) return Fail(AccessTokenProblem.Malformed, "the token is empty");
        var parts = token.Split('.');
        if (parts.Length != 3) return Fail(AccessTokenProblem.Malformed, $"{parts.Length} segments instead of 3");
        return
            from headerBytes in Segment(parts[0], "header")
            from header in JsonObject(headerBytes, "header")
            from _ in CheckAlgorithm(header)
            from kid in header.TryGetProperty("kid", out var k) && k.ValueKind == JsonValueKind.String && k.GetString() is { Length: > 0 } s
                ? Right<Error, string>(s)
                : Fail(AccessTokenProblem.Malformed, "the header has no kid")
            from payload in Segment(parts[1], "payload")
            from signature in Segment(parts[2], "signature")
            select new Parsed(kid, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, payload);
    }

    private static Either<Error, Unit> CheckAlgorithm(JsonElement header) =>
        !header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String
            ? Fail(AccessTokenProblem.UnsupportedAlgorithm, "the header has no alg")
        : alg.GetString() != Algorithm
            ? Fail(AccessTokenProblem.UnsupportedAlgorithm, "only RS256 is accepted")
        : header.TryGetProperty("crit", out _)
            ? Fail(AccessTokenProblem.UnsupportedAlgorithm, "critical header parameters are not supported")
        : Right<Error, Unit>(unit);

    /// <summary>Strict base64url without padding (RFC 7515 §2): any other character is malformed.</summary>
    internal static Either<Error, byte[]> Segment(string text, string what)
    {
        if (text.Length == 0 || text.Length % 4 == 1 || !text.All(static c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            return Fail(AccessTokenProblem.Malformed, $"the {what} is not base64url");
        // Base64Url throws (rather than answering false) on some non-canonical final characters: Try keeps this total.
        return Try(() =>
            {
                var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
                return Base64Url.TryDecodeFromChars(text, buffer, out var written) ? Some(buffer[..written]) : None;
            })
            .ToEither()
            .MapLeft(_ => Fail(AccessTokenProblem.Malformed, $"the {what} is not base64url"))
            .Bind(o => o.ToEither(Fail(AccessTokenProblem.Malformed, $"the {what} is not base64url")));
    }

    /// <summary>Strict UTF-8 first: <see cref="JsonDocument"/> checks string contents only when they are read, and would throw then.</summary>
    private static Either<Error, JsonElement> JsonObject(byte[] bytes, string what) =>
        Try(() => JsonDocument.Parse(StrictUtf8.GetString(bytes)).RootElement.Clone()).ToEither()
            .MapLeft(_ => Fail(AccessTokenProblem.Malformed, $"the {what} is not JSON"))
            .Bind(e => e.ValueKind == JsonValueKind.Object ? Right<Error, JsonElement>(e) : Fail(AccessTokenProblem.Malformed, $"the {what} is not a JSON object"));

    // ------------------------------------------------------------------ keys and signatures

    private static Either<Error, RSAParameters> RsaParameters(Jwk key)
    {
        if (key.Kty != "RSA") return Fail(AccessTokenProblem.UnusableKey, $"the key type is {key.Kty}, not RSA");
        if (key.Alg.Exists(static a => a != Algorithm)) return Fail(AccessTokenProblem.UnusableKey, "the key is not for RS256");
        if (key.Use.Exists(static u => u != "sig")) return Fail(AccessTokenProblem.UnusableKey, "the key is not a signing key");
        return
            from n in key.N.ToEither(Fail(AccessTokenProblem.UnusableKey, "the key has no modulus")).Bind(static n => KeyPart(n))
            from e in key.E.ToEither(Fail(AccessTokenProblem.UnusableKey, "the key has no exponent")).Bind(static e => KeyPart(e))
            from _ in BitLength(n) >= MinimumKeySizeBits ? Right<Error, Unit>(unit) : Fail(AccessTokenProblem.UnusableKey, $"the key is shorter than {MinimumKeySizeBits} bits")
            select new RSAParameters { Modulus = n, Exponent = e };
    }

    private static Either<Error, byte[]> KeyPart(string text) =>
        Segment(text, "key").MapLeft(_ => Fail(AccessTokenProblem.UnusableKey, "the key is not base64url"));

    private static int BitLength(byte[] bigEndian)
    {
        var i = 0;
        while (i < bigEndian.Length && bigEndian[i] == 0) i++;
        return i == bigEndian.Length ? 0 : (bigEndian.Length - i - 1) * 8 + (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)bigEndian[i]));
    }

    private static Either<Error, Unit> CheckSignature(Parsed token, RSAParameters key) =>
        Try(() =>
            {
                using var rsa = RSA.Create();
                rsa.ImportParameters(key);
                return rsa.VerifyData(token.SigningInput, token.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            })
            .ToEither()
            .MapLeft(_ => Fail(AccessTokenProblem.UnusableKey, "the key cannot be used for RSA"))
            .Bind(ok => ok ? Right<Error, Unit>(unit) : Fail(AccessTokenProblem.BadSignature, "the signature does not verify"));

    // ------------------------------------------------------------------ claims

    private static Either<Error, AccessTokenClaims> ReadClaims(byte[] payload) =>
        JsonObject(payload, "payload").Bind(static o =>
            Try(() => Claims(o)).ToEither().MapLeft(static ex => Fail(AccessTokenProblem.Malformed, ex.Message)).Bind(static c => c));

    private sealed class ClaimException(string message) : Exception(message);

    /// <summary>Reads the claims; a claim of the wrong type throws <see cref="ClaimException"/>, caught by <see cref="ReadClaims"/>.</summary>
    private static Either<Error, AccessTokenClaims> Claims(JsonElement o) =>
        new AccessTokenClaims(
            Subject: Str(o, "sub").IfNone(() => throw new ClaimException("the payload has no sub")),
            SessionId: Str(o, "sid"),
            OrganizationId: Str(o, "org_id"),
            Role: Str(o, "role"),
            Roles: Strings(o, "roles"),
            Permissions: Strings(o, "permissions"),
            Entitlements: Strings(o, "entitlements"),
            FeatureFlags: Strings(o, "feature_flags"),
            Actor: Prop(o, "act").Map(static a => a.ValueKind == JsonValueKind.Object
                ? new TokenActor(Str(a, "sub").IfNone(() => throw new ClaimException("act has no sub")))
                : throw new ClaimException("act is not an object")),
            Issuer: Str(o, "iss"),
            ExpiresAt: Date(o, "exp").IfNone(() => throw new ClaimException("the payload has no exp")),
            IssuedAt: Date(o, "iat"),
            NotBefore: Date(o, "nbf"),
            TokenId: Str(o, "jti"),
            Other: toHashMap(o.EnumerateObject().Where(static p => !KnownClaims.Contains(p.Name)).Select(static p => (p.Name, p.Value.Clone()))));

    private static Option<JsonElement> Prop(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Some(v) : None;

    private static Option<string> Str(JsonElement o, string name) =>
        Prop(o, name).Map(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new ClaimException($"{name} is not a string"));

    private static Seq<string> Strings(JsonElement o, string name) =>
        Prop(o, name).Map(v => v.ValueKind == JsonValueKind.Array
                ? toSeq(v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw new ClaimException($"{name} holds a non-string"))).Strict()
                : throw new ClaimException($"{name} is not an array"))
            .IfNone(Seq<string>());

    private static Option<DateTimeOffset> Date(JsonElement o, string name) =>
        Prop(o, name).Map(v => v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) && d is >= 0 and <= 253402300799
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(d * 1000))
            : throw new ClaimException($"{name} is not a NumericDate"));
}
