using System.Security.Cryptography;

namespace WorkOS.Functional.Quickstart;

/// <summary>
/// What a person's authenticator app does: RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits)
/// from the base32 secret shown at enrollment. The quickstart and the tests play that person.
/// </summary>
public static class Totp
{
    /// <summary>The code for <paramref name="at"/>.</summary>
    public static string Code(string base32Secret, DateTimeOffset at, int digits = 6) =>
        Code(Base32Decode(base32Secret), at.ToUnixTimeSeconds() / 30, digits);

    /// <summary>RFC 4226 HOTP of <paramref name="counter"/>.</summary>
    public static string Code(byte[] key, long counter, int digits = 6)
    {
        Span<byte> message = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, counter);
        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % (int)Math.Pow(10, digits)).ToString().PadLeft(digits, '0');
    }

    /// <summary>RFC 4648 base32 (padding and case ignored).</summary>
    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var index = alphabet.IndexOf(c);
            if (index < 0) throw new FormatException("not base32");
            value = (value << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }
        return output.ToArray();
    }
}
