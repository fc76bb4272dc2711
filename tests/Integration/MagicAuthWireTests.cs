using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>GetMagicAuth, CreateMagicAuth and SendMagicAuthCode (deprecated) over real loopback HTTP.</summary>
public sealed class MagicAuthWireTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    private const string MagicAuthJson = """
        {"object":"magic_auth","id":"magic_auth_01H","user_id":"user_01H","email":"ana@example.com",
         "expires_at":"2024-05-01T12:10:00.000Z","code":"654321","created_at":"2024-05-01T12:00:00.000Z","updated_at":"2024-05-01T12:00:00.000Z"}
        """;

    private LoopbackServer Server => fixture.Server;

    [Fact]
    public async Task GetMagicAuth_sends_a_bearer_GET_and_decodes_the_code_as_a_secret()
    {
        Server.Respond(Reply.Json(200, MagicAuthJson));
        var magic = await Run.Succ(Server.Client().GetMagicAuth(Run.Valid(GetMagicAuthRequest.Create("magic_auth_01H"))));

        Assert.Equal("GET", Server.Last.Method);
        Assert.Equal("/user_management/magic_auth/magic_auth_01H", Server.Last.PathAndQuery);
        Assert.Equal("Bearer sk_test_loopback", Server.Last.Header("authorization"));
        Assert.Equal(new MagicAuth("magic_auth_01H", "user_01H", "ana@example.com", "2024-05-01T12:10:00.000Z", Secret.Of("654321"),
            "2024-05-01T12:00:00.000Z", "2024-05-01T12:00:00.000Z"), magic);
        Assert.DoesNotContain("654321", magic.ToString());
    }

    [Fact]
    public async Task CreateMagicAuth_posts_the_email_without_an_unset_invitation_token()
    {
        Server.Respond(Reply.Json(201, MagicAuthJson));
        var magic = await Run.Succ(Server.Client().CreateMagicAuth(Run.Valid(CreateMagicAuthRequest.Create("ana@example.com"))));

        Assert.Equal("POST", Server.Last.Method);
        Assert.Equal("/user_management/magic_auth", Server.Last.PathAndQuery);
        Assert.Equal("""{"email":"ana@example.com"}""", Server.Last.Body);
        Assert.Equal("654321", magic.Code.Reveal());
    }

    [Fact]
    public async Task CreateMagicAuth_sends_the_invitation_token_when_set()
    {
        Server.Respond(Reply.Json(201, MagicAuthJson));
        await Run.Succ(Server.Client().CreateMagicAuth(Run.Valid(CreateMagicAuthRequest.Create("ana@example.com", "inv_tok_1"))));
        Assert.Equal("""{"email":"ana@example.com","invitation_token":"inv_tok_1"}""", Server.Last.Body);
    }

    [Fact]
    public async Task The_deprecated_SendMagicAuthCode_posts_the_email_and_accepts_an_empty_success()
    {
        Server.Respond(new Reply(201));
#pragma warning disable CS0618 // the deprecated call is kept for parity and tested on purpose
        var result = await Run.Succ(Server.Client().SendMagicAuthCode(Run.Valid(SendMagicAuthCodeRequest.Create("ana@example.com"))));
#pragma warning restore CS0618

        Assert.Equal(unit, result);
        Assert.Equal("POST", Server.Last.Method);
        Assert.Equal("/user_management/magic_auth/send", Server.Last.PathAndQuery);
        Assert.Equal("""{"email":"ana@example.com"}""", Server.Last.Body);
    }

    [Fact]
    public async Task A_truncated_MagicAuth_body_becomes_a_DecodeError()
    {
        Server.Respond(Reply.Json(201, MagicAuthJson[..50]));
        var error = await Run.Fail(Server.Client().CreateMagicAuth(Run.Valid(CreateMagicAuthRequest.Create("ana@example.com"))));
        var decode = Assert.IsType<DecodeError>(error);
        Assert.Equal("MagicAuth", decode.What);
        Assert.DoesNotContain("654321", decode.Message);
    }
}
