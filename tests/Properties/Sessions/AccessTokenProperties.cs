using System.Text;
using System.Text.Json.Nodes;
using WorkOS.Functional.Sessions;

namespace WorkOS.Functional.Properties.Sessions;

/// <summary>The pure verifier: what it accepts exactly, and that every hostile token is a typed failure, never an exception.</summary>
public sealed class AccessTokenProperties
{
    private static readonly TestKey Key = new("key_a");
    private static readonly TestKey Other = new("key_a");   // same kid, another key
    private static readonly Jwks Keys = Tokens.Set(Key);
    private static readonly TimeSpan NoSkew = TimeSpan.Zero;

    private static Either<Error, AccessTokenClaims> Verify(string? token, DateTimeOffset? now = null, TimeSpan? skew = null, string? issuer = null) =>
        AccessTokens.Verify(token, Keys, now ?? Tokens.Now, skew ?? NoSkew, Optional(issuer));

    private static readonly string Good = Key.Sign(Tokens.Claims());

    [Fact]
    public void A_good_token_gives_every_named_claim_and_keeps_the_others()
    {
        var claims = Tokens.Claims();
        claims["role"] = "admin";
        claims["roles"] = new JsonArray("admin", "member");
        claims["permissions"] = new JsonArray("posts:read");
        claims["entitlements"] = new JsonArray("audit-logs");
        claims["feature_flags"] = new JsonArray("beta");
        claims["act"] = new JsonObject { ["sub"] = "admin@example.com" };
        claims["jti"] = "jti_1";
        claims["iss"] = "https://api.workos.com/user_management/client_1";
        claims["custom"] = new JsonObject { ["a"] = 1 };
        var c = T.Valid(Verify(Key.Sign(claims), issuer: "https://api.workos.com/user_management/client_1"));

        Assert.Equal(("user_01", Some("session_01"), Some("org_01"), Some("admin")), (c.Subject, c.SessionId, c.OrganizationId, c.Role));
        Assert.Equal(Seq("admin", "member"), c.Roles);
        Assert.Equal(Seq1("posts:read"), c.Permissions);
        Assert.Equal(Seq1("audit-logs"), c.Entitlements);
        Assert.Equal(Seq1("beta"), c.FeatureFlags);
        Assert.Equal(Some(new TokenActor("admin@example.com")), c.Actor);
        Assert.Equal(Some("jti_1"), c.TokenId);
        Assert.Equal(Tokens.Now + TimeSpan.FromMinutes(5), c.ExpiresAt);
        Assert.Equal(Some(TimeSpan.FromMinutes(5)), c.Lifetime);
        Assert.Equal("""{"a":1}""", c.Other.Find("custom").Map(static e => e.GetRawText()).IfNone(""));
        Assert.Single(c.Other);
    }

    [Property(MaxTest = 60)]
    public bool Any_truncation_of_a_good_token_is_rejected(PositiveInt cut) =>
        Verify(Good[..(cut.Get % Good.Length)]).IsLeft && Tokens.Rejected(Verify(Good[..(cut.Get % Good.Length)])) is not null;

    [Property(MaxTest = 150)]
    public bool Changing_any_one_character_is_rejected(PositiveInt at, char c)
    {
        var i = at.Get % Good.Length;
        if (Good[i] == c) return true;
        var tampered = Good[..i] + c + Good[(i + 1)..];
        // Base64url has 2 spare bits in some final characters: a change there may decode to the same bytes.
        return Verify(tampered).Match(Right: _ => SameBytes(Good, tampered), Left: e => e is InvalidAccessToken);
    }

    private static bool SameBytes(string a, string b) =>
        a.Split('.').Zip(b.Split('.')).All(static p => AccessTokens.Segment(p.Item1, "x").Map(Convert.ToHexString) == AccessTokens.Segment(p.Item2, "x").Map(Convert.ToHexString));

    [Property(MaxTest = 100)]
    public bool Arbitrary_strings_are_a_typed_failure(string? text) =>
        Verify(text).Match(Right: _ => false, Left: static e => e is InvalidAccessToken);

    [Property(MaxTest = 100)]
    public bool Arbitrary_segments_are_a_typed_failure(NonEmptyString a, NonEmptyString b, NonEmptyString c) =>
        Verify($"{a.Get}.{b.Get}.{c.Get}").Match(Right: _ => false, Left: static e => e is InvalidAccessToken);

    [Property(MaxTest = 100)]
    public bool Any_JSON_header_and_payload_signed_with_the_right_key_never_throws(string header, string payload) =>
        Verify(Key.SignRaw(header ?? "", payload ?? "")).Match(Right: _ => false, Left: static e => e is InvalidAccessToken);

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Wrong_segment_counts_are_malformed(int segments)
    {
        var parts = Good.Split('.');
        var token = string.Join(".", Enumerable.Range(0, segments).Select(i => parts[i % 3]));
        Assert.Equal(AccessTokenProblem.Malformed, Tokens.Rejected(Verify(token)).Problem);
    }

    [Theory]
    [InlineData("padding=")]
    [InlineData("plus+slash/")]
    [InlineData("sp ace")]
    public void Non_base64url_segments_are_malformed(string bad)
    {
        var parts = Good.Split('.');
        Assert.Equal(AccessTokenProblem.Malformed, Tokens.Rejected(Verify($"{parts[0]}.{bad}.{parts[2]}")).Problem);
    }

    [Fact]
    public void A_payload_swapped_under_a_valid_signature_is_a_bad_signature()
    {
        var parts = Good.Split('.');
        var claims = Tokens.Claims(sub: "user_attacker");
        var token = $"{parts[0]}.{TestKey.B64(claims.ToJsonString())}.{parts[2]}";
        Assert.Equal(AccessTokenProblem.BadSignature, Tokens.Rejected(Verify(token)).Problem);
    }

    [Fact]
    public void A_token_signed_by_another_key_with_the_same_kid_is_a_bad_signature() =>
        Assert.Equal(AccessTokenProblem.BadSignature, Tokens.Rejected(Verify(Other.Sign(Tokens.Claims()))).Problem);

    [Fact]
    public void An_unknown_kid_is_unknown_key() =>
        Assert.Equal(AccessTokenProblem.UnknownKey, Tokens.Rejected(Verify(Key.Sign(Tokens.Claims(), kid: "key_zzz"))).Problem);

    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    [InlineData("RS384")]
    [InlineData("PS256")]
    [InlineData("ES256")]
    [InlineData("rs256")]
    public void Any_algorithm_but_RS256_is_refused_before_any_key_is_used(string alg) =>
        Assert.Equal(AccessTokenProblem.UnsupportedAlgorithm, Tokens.Rejected(Verify(Key.Sign(Tokens.Claims(), alg))).Problem);

    [Fact]
    public void An_unsigned_alg_none_token_with_an_empty_signature_is_refused()
    {
        var token = $"{TestKey.B64("""{"alg":"none","kid":"key_a"}""")}.{TestKey.B64(Tokens.Claims().ToJsonString())}.";
        Assert.Equal(AccessTokenProblem.UnsupportedAlgorithm, Tokens.Rejected(Verify(token)).Problem);
    }

    [Fact]
    public void An_HS256_token_keyed_with_the_public_modulus_is_refused()
    {
        // The classic confusion attack: HMAC "signed" with the RSA public key's bytes.
        var n = Key.Jwk().N.IfNone("");
        var input = $"{TestKey.B64("""{"alg":"HS256","kid":"key_a"}""")}.{TestKey.B64(Tokens.Claims().ToJsonString())}";
        var mac = System.Security.Cryptography.HMACSHA256.HashData(Encoding.ASCII.GetBytes(n), Encoding.ASCII.GetBytes(input));
        Assert.Equal(AccessTokenProblem.UnsupportedAlgorithm, Tokens.Rejected(Verify($"{input}.{TestKey.B64(mac)}")).Problem);
    }

    [Fact]
    public void A_crit_header_is_refused() =>
        Assert.Equal(AccessTokenProblem.UnsupportedAlgorithm,
            Tokens.Rejected(Verify(Key.SignRaw("""{"alg":"RS256","kid":"key_a","crit":["exp"]}""", Tokens.Claims().ToJsonString()))).Problem);

    [Theory]
    [InlineData("EC", "RS256", "sig")]
    [InlineData("oct", "RS256", "sig")]
    [InlineData("RSA", "RS512", "sig")]
    [InlineData("RSA", "RS256", "enc")]
    public void A_key_of_the_wrong_type_or_purpose_is_unusable(string kty, string alg, string use)
    {
        var keys = new Jwks(Seq1(Key.Jwk(kty, alg, use)));
        Assert.Equal(AccessTokenProblem.UnusableKey, Tokens.Rejected(AccessTokens.Verify(Good, keys, Tokens.Now, NoSkew, None)).Problem);
    }

    [Fact]
    public void A_key_shorter_than_2048_bits_is_unusable()
    {
        using var small = new TestKey("key_small", 1024);
        Assert.Equal(AccessTokenProblem.UnusableKey,
            Tokens.Rejected(AccessTokens.Verify(small.Sign(Tokens.Claims()), Tokens.Set(small), Tokens.Now, NoSkew, None)).Problem);
    }

    [Property(MaxTest = 50)]
    public bool Expiry_is_judged_at_the_given_instant_within_the_skew(byte skewSeconds, short offsetSeconds)
    {
        var skew = TimeSpan.FromSeconds(skewSeconds % 120);
        var exp = Tokens.Now + TimeSpan.FromMinutes(5);
        var now = exp + TimeSpan.FromSeconds(offsetSeconds % 600);
        var result = Verify(Good, now, skew);
        return now >= exp + skew
            ? result.Match(Right: _ => false, Left: static e => e is InvalidAccessToken { Problem: AccessTokenProblem.Expired })
            : result.IsRight;
    }

    [Fact]
    public void Nbf_and_iat_in_the_future_are_refused_beyond_the_skew()
    {
        var claims = Tokens.Claims();
        claims["nbf"] = (Tokens.Now + TimeSpan.FromSeconds(30)).ToUnixTimeSeconds();
        var nbf = Key.Sign(claims);
        Assert.Equal(AccessTokenProblem.NotYetValid, Tokens.Rejected(Verify(nbf)).Problem);
        Assert.True(Verify(nbf, skew: TimeSpan.FromSeconds(30)).IsRight);

        var future = Key.Sign(Tokens.Claims(iat: Tokens.Now + TimeSpan.FromSeconds(10)));
        Assert.Equal(AccessTokenProblem.IssuedInFuture, Tokens.Rejected(Verify(future)).Problem);
        Assert.True(Verify(future, skew: TimeSpan.FromSeconds(10)).IsRight);
    }

    [Fact]
    public void The_issuer_is_checked_only_when_configured()
    {
        var claims = Tokens.Claims();
        claims["iss"] = AccessTokens.WorkOSIssuer("client_1");
        var token = Key.Sign(claims);
        Assert.True(Verify(token).IsRight);
        Assert.True(Verify(token, issuer: "https://api.workos.com/user_management/client_1").IsRight);
        Assert.Equal(AccessTokenProblem.WrongIssuer, Tokens.Rejected(Verify(token, issuer: AccessTokens.WorkOSIssuer("client_2"))).Problem);
        Assert.Equal(AccessTokenProblem.WrongIssuer, Tokens.Rejected(Verify(Good, issuer: AccessTokens.WorkOSIssuer("client_1"))).Problem);
    }

    [Theory]
    [InlineData("""{"exp":1767323100}""")]
    [InlineData("""{"sub":"u"}""")]
    [InlineData("""{"sub":1,"exp":1767323100}""")]
    [InlineData("""{"sub":"u","exp":"soon"}""")]
    [InlineData("""{"sub":"u","exp":1767323100,"roles":"admin"}""")]
    [InlineData("""{"sub":"u","exp":1767323100,"act":"x"}""")]
    [InlineData("""[1,2]""")]
    public void Missing_or_mistyped_claims_are_malformed(string payload) =>
        Assert.Equal(AccessTokenProblem.Malformed, Tokens.Rejected(Verify(Key.SignRaw("""{"alg":"RS256","kid":"key_a"}""", payload))).Problem);

    [Fact]
    public void The_failure_message_never_quotes_the_token()
    {
        var e = Tokens.Rejected(Verify(Key.Sign(Tokens.Claims(), kid: "key_zzz")));
        Assert.DoesNotContain(Good.Split('.')[1], e.ToString());
        Assert.DoesNotContain(Good.Split('.')[2], e.Message);
    }
}
