using System.Security.Cryptography;
using System.Text;

namespace WorkOS.Functional;

/// <summary>
/// A PKCE pair (RFC 7636): a random code verifier of 43–128 unreserved characters and its S256
/// challenge, <c>BASE64URL(SHA-256(verifier))</c> without padding. Send <see cref="Challenge"/> and
/// <see cref="Method"/> in the authorization URL and <see cref="Verifier"/> with the code exchange.
/// </summary>
public sealed record Pkce
{
    /// <summary>The unreserved characters of RFC 7636 §4.1.</summary>
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private Pkce(Secret verifier, string challenge) => (Verifier, Challenge) = (verifier, challenge);

    /// <summary>The code verifier; secret until the code exchange.</summary>
    public Secret Verifier { get; }
    /// <summary>The S256 challenge of the verifier.</summary>
    public string Challenge { get; }
    /// <summary>Always <c>S256</c>.</summary>
    public string Method => "S256";

    /// <summary>A new pair with a 64-character verifier from a cryptographic RNG.</summary>
    public static Pkce Generate() => FromVerifier(RandomNumberGenerator.GetString(Alphabet, 64));

    /// <summary>A new pair with a verifier of <paramref name="length"/> characters (43–128) from a cryptographic RNG.</summary>
    /// <param name="length">Verifier length.</param>
    public static Either<Error, Pkce> Generate(int length) =>
        length is >= 43 and <= 128
            ? FromVerifier(RandomNumberGenerator.GetString(Alphabet, length))
            : new InvalidRequest(Seq1(new FieldProblem("code_verifier", "must be 43 to 128 characters long")));

    private static Pkce FromVerifier(string verifier) => new(Secret.Of(verifier), ChallengeOf(verifier));

    /// <summary><c>BASE64URL(SHA-256(ASCII(verifier)))</c> without padding.</summary>
    /// <param name="verifier">The code verifier.</param>
    public static string ChallengeOf(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A random opaque <c>state</c> value (32 bytes, base64url) to bind a redirect to its request.</summary>
    public static string NewState() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
