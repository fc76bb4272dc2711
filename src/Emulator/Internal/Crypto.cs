using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace WorkOS.Functional.Emulator.Internal;

/// <summary>RFC 4648 base32 (upper-case, no padding on output; padding and case ignored on input).</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var sb = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) sb.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return sb.ToString();
    }

    public static bool TryDecode(string text, out byte[] bytes)
    {
        var clean = text.Trim().TrimEnd('=').Replace(" ", "").ToUpperInvariant();
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var idx = Alphabet.IndexOf(c);
            if (idx < 0) { bytes = []; return false; }
            buffer = (buffer << 5) | idx;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)((buffer >> (bits - 8)) & 0xFF));
                bits -= 8;
            }
        }
        bytes = output.ToArray();
        return bytes.Length > 0;
    }
}

/// <summary>RFC 6238 TOTP with HMAC-SHA1.</summary>
internal static class Totp
{
    public const int StepSeconds = 30;

    public static string Code(byte[] key, long unixSeconds, int digits = 6)
    {
        var counter = unixSeconds / StepSeconds;
        Span<byte> msg = stackalloc byte[8];
        for (var i = 7; i >= 0; i--) { msg[i] = (byte)(counter & 0xFF); counter >>= 8; }
        var hash = HMACSHA1.HashData(key, msg);
        var offset = hash[^1] & 0x0F;
        var bin = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var mod = 1;
        for (var i = 0; i < digits; i++) mod *= 10;
        return (bin % mod).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The time step (current, or one either side) whose code is <paramref name="code"/>; null when none.</summary>
    public static long? MatchStep(byte[] key, string code, DateTimeOffset now)
    {
        var step = now.ToUnixTimeSeconds() / StepSeconds;
        var given = Encoding.ASCII.GetBytes(code.Trim());
        for (var d = -1; d <= 1; d++)
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, (step + d) * StepSeconds)), given))
                return step + d;
        return null;
    }
}

/// <summary>Salted PBKDF2-SHA256 password hashes: "pbkdf2$iterations$salt$hash".</summary>
internal static class Passwords
{
    // Low on purpose: the emulator keeps test passwords in memory only, and 2000 concurrent sign-ins must stay cheap.
    private const int Iterations = 1_000;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2") return false;
        var iterations = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}

internal static class B64Url
{
    public static string Encode(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Claims to be signed when the reply is written, after the state lock is released, so concurrent sign-ins sign
/// their tokens in parallel (RSA signing costs more than everything else a sign-in does under the lock).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Converter))]
internal sealed class UnsignedJwt(JwtSigner signer, JsonObject claims)
{
    public string Sign() => signer.Sign(claims);

    public sealed class Converter : System.Text.Json.Serialization.JsonConverter<UnsignedJwt>
    {
        public override UnsignedJwt Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
            throw new NotSupportedException();

        public override void Write(System.Text.Json.Utf8JsonWriter writer, UnsignedJwt value, System.Text.Json.JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Sign());
    }
}

/// <summary>RS256 signer holding the emulator's RSA key.</summary>
internal sealed class JwtSigner : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string KeyId { get; } = "key_" + Rand.Alnum(20);

    public JsonObject Jwk()
    {
        var p = _rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["kid"] = KeyId,
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["n"] = B64Url.Encode(p.Modulus),
            ["e"] = B64Url.Encode(p.Exponent),
        };
    }

    public string Sign(JsonObject claims)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId };
        var input = B64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." +
                    B64Url.Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var sig = _rsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + B64Url.Encode(sig);
    }

    public void Dispose() => _rsa.Dispose();
}
