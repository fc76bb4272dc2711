using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WorkOS.Functional.Browser.Tests;

/// <summary>
/// The person's authenticator app: RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) from the base32 secret the
/// sign-in page shows at enrolment (RFC 4648 alphabet, no padding).
/// </summary>
public static class Authenticator
{
    public static string Code(string base32Secret, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(Base32(base32Secret), counter);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.Trim().TrimEnd('=').ToUpperInvariant())
        {
            var v = alphabet.IndexOf(c);
            if (v < 0) throw new FormatException($"'{c}' is not a base32 character");
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
