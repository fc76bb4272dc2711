using System.Text.Json;
using System.Text.Json.Nodes;
using WorkOS.Functional.Sessions;

namespace WorkOS.Functional.Properties.Sessions;

/// <summary>
/// Interoperability with WorkOS's Node SDK, both ways, over fixed vectors made once by the real npm packages
/// (@workos-inc/node and iron-webcrypto) and committed in tests/Properties/SessionVectors/vectors.json.
/// To regenerate them, see the top of tests/Properties/SessionVectors/generate/generate.mjs:
///   1. WORKOS_WRITE_SESSION_VECTORS=1 dotnet test tests/Properties --filter SessionSealVectorTests  (writes dotnet-sealed.json)
///   2. cd tests/Properties/SessionVectors/generate &amp;&amp; npm ci &amp;&amp; node generate.mjs                        (writes vectors.json)
/// </summary>
public sealed class SessionSealVectorTests
{
    private static string Dir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WorkOS.Functional.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "tests", "Properties", "SessionVectors");
    }

    private static readonly JsonNode Vectors = JsonNode.Parse(File.ReadAllText(Path.Combine(Dir(), "vectors.json")))!;

    private static JsonNode Named(string group, string name) =>
        Vectors[group]!.AsArray().Single(v => (string?)v!["name"] == name)!;

    /// <summary>Our JSON of a session, parsed back as a node tree, to compare with what Node sealed or unsealed.</summary>
    private static JsonNode Tree(SessionData s) => JsonNode.Parse(SessionSeal.ToJson(s))!;

    private static bool SameJson(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    [Theory]
    [InlineData("with_organization")]
    [InlineData("impersonated_without_organization")]
    public void We_open_cookies_the_Node_SDK_sealed_and_read_what_it_put_in(string name)
    {
        var v = Named("node_sdk", name);
        var passwords = T.Valid(SealPasswords.Create((string?)v["password"]));
        var session = T.Valid(SessionSeal.Unseal((string?)v["cookie"], passwords, DateTimeOffset.UtcNow));
        var expected = v["session"]!;

        Assert.Equal((string?)expected["accessToken"], session.AccessToken.Reveal());
        Assert.Equal((string?)expected["refreshToken"], session.RefreshToken.Reveal());
        Assert.Equal(Optional((string?)expected["organizationId"]), session.OrganizationId);
        Assert.Equal((string?)expected["authenticationMethod"], session.AuthenticationMethod.Map(static m => m.Value).IfNone(""));
        Assert.Equal((string?)expected["user"]!["email"], session.User.Email);
        Assert.Equal(Optional((string?)expected["user"]!["firstName"]), session.User.FirstName);
        Assert.Equal(Optional((string?)expected["impersonator"]?["reason"]), session.Impersonator.Bind(static i => i.Reason));
        // Written back by us, the session is the very JSON Node sealed (key order and nulls aside).
        Assert.True(SameJson(expected, Tree(session)), SessionSeal.ToJson(session));
    }

    [Fact]
    public void We_open_an_iron_session_cookie_sealed_with_a_rotated_password_and_an_expiry()
    {
        var v = Named("iron", "rotated_password_with_ttl");
        var passwords = T.Valid(SealPasswords.Create(("1", (string?)v["passwords"]!["1"]), ("2", (string?)v["passwords"]!["2"])));
        var sealedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)v["sealed_at_ms"]!);
        var session = T.Valid(SessionSeal.Unseal((string?)v["cookie"], passwords, sealedAt + TimeSpan.FromDays(13)));
        Assert.Equal("refresh_iron", session.RefreshToken.Reveal());
        Assert.Equal("user_iron", session.User.Id);

        var expired = SessionSeal.Unseal((string?)v["cookie"], passwords, sealedAt + TimeSpan.FromDays(14) + TimeSpan.FromMinutes(2));
        Assert.Equal(SealProblem.Expired, ((InvalidSealedSession)expired.Swap().IfLeft(() => throw new Xunit.Sdk.XunitException("opened"))).Problem);
        var oldOnly = T.Valid(SealPasswords.Create(("1", (string?)v["passwords"]!["1"])));
        Assert.Equal(SealProblem.UnknownPasswordId,
            ((InvalidSealedSession)SessionSeal.Unseal((string?)v["cookie"], oldOnly, sealedAt).Swap().IfLeft(() => throw new Xunit.Sdk.XunitException("opened"))).Problem);
    }

    [Fact]
    public void A_cookie_iron_sealed_with_a_short_ttl_is_expired_for_us_too()
    {
        var v = Named("iron", "expired_ttl");
        var passwords = T.Valid(SealPasswords.Create(("1", (string?)v["passwords"]!["1"]), ("2", (string?)v["passwords"]!["2"])));
        var sealedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)v["sealed_at_ms"]!);
        Assert.True(SessionSeal.Unseal((string?)v["cookie"], passwords, sealedAt).IsRight);
        Assert.True(SessionSeal.Unseal((string?)v["cookie"], passwords, sealedAt + TimeSpan.FromSeconds(62)).IsLeft);
    }

    // ------------------------------------------------------------------ the reverse direction

    private const string DotnetPassword = "dotnet-fixed-vector-password-0123456789";

    private static readonly Iron.Randomness Fixed = new(
        Convert.ToHexStringLower(Enumerable.Range(0, 32).Select(static i => (byte)i).ToArray()),
        Convert.ToHexStringLower(Enumerable.Range(32, 32).Select(static i => (byte)i).ToArray()),
        Enumerable.Range(64, 16).Select(static i => (byte)i).ToArray());

    private static SessionData DotnetSession() =>
        SessionSealProperties.Session(first: "Zoë", access: "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", refresh: "refresh_dotnet",
            impersonator: Some(new Impersonator("admin@example.com", None)));

    private static SealedSession OurFixedSeal() =>
        SessionSeal.Seal(DotnetSession(), T.Valid(SealPasswords.Create(DotnetPassword)), None, Fixed);

    [Fact]
    public void Node_opened_the_cookie_we_sealed_and_iron_seals_the_same_text_with_the_same_randomness_identically()
    {
        var ours = OurFixedSeal().Value;
        if (Environment.GetEnvironmentVariable("WORKOS_WRITE_SESSION_VECTORS") == "1")
            File.WriteAllText(Path.Combine(Dir(), "dotnet-sealed.json"), JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["password_id"] = "1", ["password"] = DotnetPassword, ["encryption_salt"] = Fixed.EncryptionSalt,
                ["integrity_salt"] = Fixed.IntegritySalt, ["iv"] = TestKey.B64(Fixed.Iv), ["json"] = SessionSeal.ToJson(DotnetSession()), ["sealed"] = ours,
            }, new JsonSerializerOptions { WriteIndented = true }));

        var node = Vectors["dotnet"]!;
        Assert.Equal((string?)node["sealed"], ours);
        Assert.Equal((string?)node["sealed_by_iron_with_same_randomness"], ours);
        Assert.True(SameJson(node["unsealed_by_node_sdk"], Tree(DotnetSession())), node["unsealed_by_node_sdk"]!.ToJsonString());
    }
}
