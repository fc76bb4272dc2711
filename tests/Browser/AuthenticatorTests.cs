using Xunit;

namespace WorkOS.Functional.Browser.Tests;

/// <summary>The test's authenticator app is RFC 6238's: its published SHA-1 vectors (8 digits there; the last 6 here).</summary>
public class AuthenticatorTests
{
    // RFC 6238 appendix B: the SHA-1 key is the ASCII "12345678901234567890" (base32 below).
    private static readonly string Secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59, "94287082")]
    [InlineData(1111111109, "07081804")]
    [InlineData(1111111111, "14050471")]
    [InlineData(1234567890, "89005924")]
    [InlineData(2000000000, "69279037")]
    [InlineData(20000000000, "65353130")]
    public void Codes_match_the_rfc_6238_vectors(long unixSeconds, string eightDigits)
    {
        Assert.Equal(eightDigits[2..], Authenticator.Code(Secret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }
}
