using System.Text;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>
/// What the interpreter puts on and takes off the wire, over real loopback HTTP: no content on GET and
/// DELETE, a JSON body sent as its UTF-8 bytes with one content type, only the answer headers the
/// decoders read, and the body kept as the bytes received.
/// </summary>
public sealed class WireEconomyTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    private const string UserJson = """
        {"object":"user","id":"user_01H","email":"ana@example.com","email_verified":true,
         "created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-02-01T00:00:00.000Z"}
        """;

    private LoopbackServer Server => fixture.Server;

    [Fact]
    public async Task A_GET_and_a_DELETE_carry_no_content_at_all()
    {
        Server.Respond(Reply.Json(200, UserJson));
        await Run.Succ(Server.Client().GetUser(Run.Valid(GetUserRequest.Create("user_01H"))));
        Server.Respond(new Reply(204));
        await Run.Succ(Server.Client().DeleteUser(Run.Valid(DeleteUserRequest.Create("user_01H"))));
        Server.Respond(Reply.Json(200, """{"data":[],"list_metadata":{"before":null,"after":null}}"""));
        await Run.Succ(Server.Client().ListUsers(ListUsersRequest.Default));

        Assert.All(Server.Requests, static r =>
        {
            Assert.Null(r.Header("content-length"));
            Assert.Null(r.Header("transfer-encoding"));
            Assert.Null(r.Header("content-type"));
            Assert.Equal("", r.Body);
        });
    }

    [Fact]
    public async Task A_JSON_body_goes_out_as_its_UTF8_bytes_with_its_exact_length()
    {
        Server.Respond(Reply.Json(201, UserJson));
        await Run.Succ(Server.Client().CreateUser(Run.Valid(CreateUserRequest.Create("zoë@example.com", firstName: "Zoë \"Z\" ✓"))));

        var sent = Server.Last;
        const string expected = """{"email":"zo\u00EB@example.com","first_name":"Zo\u00EB \u0022Z\u0022 \u2713"}""";
        Assert.Equal(expected, sent.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(expected).ToString(), sent.Header("content-length"));
        Assert.Equal("application/json; charset=utf-8", sent.Header("content-type"));
    }

    [Fact]
    public async Task Only_the_headers_the_decoders_read_are_kept_and_the_body_is_the_bytes_received()
    {
        Server.Respond(Reply.Json(429, """{"message":"slow down"}""", ("X-Request-ID", "req_9"), ("Retry-After", "7"), ("X-Extra", "noise"), ("Cache-Control", "no-store")));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var io = new LiveHttpIO(http, new Uri(Server.BaseUrl.ToString().TrimEnd('/')));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var response = await io.Send(HttpRequestSpec.Get(Secret.Of("sk_test_loopback"), "user_management", "users"), cts.Token);

        Assert.Equal(429, response.Status);
        Assert.Subset(LiveHttpIO.DecodedHeaders.ToHashSet(), response.Headers.Keys.ToHashSet());
        Assert.Equal(Some("req_9"), response.Header("X-Request-ID"));
        Assert.Equal(Some("7"), response.Header("retry-after"));
        Assert.StartsWith("application/json", response.ContentType);
        Assert.True(response.Header("date").IsSome);
        Assert.Equal(Option<string>.None, response.Header("x-extra"));
        Assert.Equal(Option<string>.None, response.Header("server"));
        Assert.Equal("""{"message":"slow down"}"""u8.ToArray(), response.Utf8.ToArray());
        Assert.Equal(Some(TimeSpan.FromSeconds(7)), Assert.IsType<RateLimited>(Decode.Error(response)).RetryAfter);
    }
}
