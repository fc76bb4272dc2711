using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WorkOS.Functional.Sessions;

/// <summary>
/// iron seals (<c>Fe26.2</c>), byte-compatible with iron-webcrypto's defaults, which WorkOS's Node SDK and
/// iron-session use: AES-256-CBC for confidentiality and HMAC-SHA256 for integrity, each with its own key derived
/// by PBKDF2-SHA1 (one iteration) from the password and a random 256-bit salt sent as 64 hex characters; the
/// password ID and an optional expiry (Unix milliseconds) travel in the clear and under the MAC:
/// <c>Fe26.2*{id}*{encSalt}*{iv}*{ciphertext}*{expiry}*{macSalt}*{mac}</c>, base64url without padding.
/// </summary>
public static class Iron
{
    /// <summary>The seal format's prefix.</summary>
    public const string MacPrefix = "Fe26.2";

    /// <summary>iron's default tolerance when judging a seal's expiry.</summary>
    public static readonly TimeSpan DefaultSkew = TimeSpan.FromSeconds(60);

    private const int SaltBytes = 32, IvBytes = 16, KeyBytes = 32;

    /// <summary>The random parts of one seal: two salts (as the hex text iron sends) and the IV.</summary>
    internal sealed record Randomness(string EncryptionSalt, string IntegritySalt, byte[] Iv)
    {
        public static Randomness Fresh() =>
            new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SaltBytes)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SaltBytes)),
                RandomNumberGenerator.GetBytes(IvBytes));
    }

    /// <summary>Seals <paramref name="content"/> with the sealing password, fresh salts and IV.</summary>
    /// <param name="content">The text to seal (JSON, for sessions).</param>
    /// <param name="passwords">The passwords; the first seals.</param>
    /// <param name="expiresAt">When the seal expires; <c>None</c> for never (the Node SDK's <c>ttl: 0</c>).</param>
    public static string Seal(string content, SealPasswords passwords, Option<DateTimeOffset> expiresAt) =>
        Seal(content, passwords, expiresAt, Randomness.Fresh());

    /// <summary>The same with given randomness: deterministic, for fixed test vectors.</summary>
    internal static string Seal(string content, SealPasswords passwords, Option<DateTimeOffset> expiresAt, Randomness random)
    {
        var (id, password) = passwords.Passwords.Head;
        var key = DeriveKey(password, random.EncryptionSalt);
        using var aes = Aes.Create();
        aes.Key = key;
        var encrypted = aes.EncryptCbc(Encoding.UTF8.GetBytes(content), random.Iv, PaddingMode.PKCS7);
        var expiry = expiresAt.Map(static e => e.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)).IfNone("");
        var macBase = $"{MacPrefix}*{id}*{random.EncryptionSalt}*{B64(random.Iv)}*{B64(encrypted)}*{expiry}";
        return $"{macBase}*{random.IntegritySalt}*{B64(Mac(password, random.IntegritySalt, macBase))}";
    }

    /// <summary>
    /// Opens a seal: checks its shape, its expiry at <paramref name="now"/> (within <paramref name="skew"/>), finds the
    /// password by its ID, verifies the MAC in constant time, then decrypts. Every failure is an
    /// <see cref="InvalidSealedSession"/>; nothing throws.
    /// </summary>
    /// <param name="seal">The seal, without any <c>~version</c> suffix.</param>
    /// <param name="passwords">The passwords that may have sealed it.</param>
    /// <param name="now">The instant to judge the expiry at.</param>
    /// <param name="skew">The tolerance on the expiry.</param>
    public static Either<Error, string> Unseal(string? seal, SealPasswords passwords, DateTimeOffset now, TimeSpan skew)
    {
        var parts = (seal ?? "").Split('*');
        if (parts.Length != 8) return Fail(SealProblem.Malformed, $"{parts.Length} parts instead of 8");
        var (prefix, id, encSalt, ivText, cipherText, expiry, macSalt, macText) = (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7]);
        if (prefix != MacPrefix) return Fail(SealProblem.Malformed, "not an Fe26.2 seal");
        if (expiry.Length > 0 && !(expiry[0] is >= '1' and <= '9' && expiry.All(char.IsAsciiDigit) && long.TryParse(expiry, out _)))
            return Fail(SealProblem.Malformed, "the expiry is not a number");
        if (expiry.Length > 0 && long.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture) <= (now - skew).ToUnixTimeMilliseconds())
            return Fail(SealProblem.Expired, "the seal has expired");
        return
            from password in passwords.Find(id).ToEither(() => (Error)new InvalidSealedSession(SealProblem.UnknownPasswordId, "no password has the seal's password ID"))
            from mac in Decode(macText, SealProblem.BadMac)
            from _ in CryptographicOperations.FixedTimeEquals(Mac(password, macSalt, string.Join('*', parts[..6])), mac)
                ? Right<Error, Unit>(unit)
                : Fail(SealProblem.BadMac, "the integrity check failed: altered, or sealed with another password")
            from iv in Decode(ivText, SealProblem.BadContent)
            from cipher in Decode(cipherText, SealProblem.BadContent)
            from text in Decrypt(password, encSalt, iv, cipher)
            select text;
    }

    private static Either<Error, string> Decrypt(Secret password, string salt, byte[] iv, byte[] cipher) =>
        Try(() =>
            {
                using var aes = Aes.Create();
                aes.Key = DeriveKey(password, salt);
                return new UTF8Encoding(false, true).GetString(aes.DecryptCbc(cipher, iv, PaddingMode.PKCS7));
            })
            .ToEither()
            .MapLeft(static _ => (Error)new InvalidSealedSession(SealProblem.BadContent, "the content does not decrypt"));

    /// <summary>PBKDF2-SHA1, one iteration, over the salt's text (iron passes the hex string itself, UTF-8 encoded).</summary>
    private static byte[] DeriveKey(Secret password, string salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password.Reveal()), Encoding.UTF8.GetBytes(salt), 1, HashAlgorithmName.SHA1, KeyBytes);

    private static byte[] Mac(Secret password, string salt, string macBase) =>
        HMACSHA256.HashData(DeriveKey(password, salt), Encoding.UTF8.GetBytes(macBase));

    private static string B64(byte[] data) => Base64Url.EncodeToString(data);

    private static Either<Error, byte[]> Decode(string text, SealProblem problem)
    {
        if (text.Length % 4 == 1 || !text.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return Fail(problem, "a part is not base64url");
        // Base64Url throws (rather than answering false) on some non-canonical final characters: Try keeps this total.
        return Try(() =>
            {
                var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
                return Base64Url.TryDecodeFromChars(text, buffer, out var written) ? Some(buffer[..written]) : None;
            })
            .ToEither()
            .MapLeft(_ => Fail(problem, "a part is not base64url"))
            .Bind(o => o.ToEither(Fail(problem, "a part is not base64url")));
    }

    private static Error Fail(SealProblem problem, string detail) => new InvalidSealedSession(problem, detail);
}
