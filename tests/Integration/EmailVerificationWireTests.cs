using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>GetEmailVerification, SendVerificationEmail and VerifyEmail over real loopback HTTP.</summary>
public sealed class EmailVerificationWireTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    private const string UserResponseJson = """
        {"user":{"object":"user","id":"user_01H","email":"ana@example.com","first_name":"Ana","last_name":null,
         "email_verified":true,"created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-02-01T00:00:00.000Z"}}
        """;

    private LoopbackServer Server => fixture.Server;

    [Fact]
    public async Task GetEmailVerification_sends_a_bearer_GET_and_decodes_the_code_as_a_secret()
    {
        Server.Respond(Reply.Json(200, """
            {"object":"email_verification","id":"email_verification_01H","user_id":"user_01H","email":"ana@example.com",
             "expires_at":"2024-05-01T12:10:00.000Z","code":"123456","created_at":"2024-05-01T12:00:00.000Z","updated_at":"2024-05-01T12:00:00.000Z"}
            """));
        var v = await Run.Succ(Server.Client("sk_test_ev").GetEmailVerification(Run.Valid(GetEmailVerificationRequest.Create("email_verification_01H"))));

        Assert.Equal("GET", Server.Last.Method);
        Assert.Equal("/user_management/email_verification/email_verification_01H", Server.Last.PathAndQuery);
        Assert.Equal("Bearer sk_test_ev", Server.Last.Header("authorization"));
        Assert.Equal("", Server.Last.Body);
        Assert.Equal(new EmailVerification("email_verification_01H", "user_01H", "ana@example.com", "2024-05-01T12:10:00.000Z",
            Secret.Of("123456"), "2024-05-01T12:00:00.000Z", "2024-05-01T12:00:00.000Z"), v);
        Assert.DoesNotContain("123456", v.ToString());
    }

    [Fact]
    public async Task SendVerificationEmail_posts_no_body_at_all_and_decodes_the_user()
    {
        Server.Respond(Reply.Json(200, UserResponseJson));
        var response = await Run.Succ(Server.Client().SendVerificationEmail(Run.Valid(SendVerificationEmailRequest.Create("user_01H"))));

        Assert.Equal("POST", Server.Last.Method);
        Assert.Equal("/user_management/users/user_01H/email_verification/send", Server.Last.PathAndQuery);
        Assert.Equal("", Server.Last.Body);
        Assert.Equal("0", Server.Last.Header("content-length"));
        Assert.Equal("Bearer sk_test_loopback", Server.Last.Header("authorization"));
        Assert.Equal("user_01H", response.User.Id);
        Assert.Equal(Some("Ana"), response.User.FirstName);
    }

    [Fact]
    public async Task SendVerificationEmail_rate_limited_becomes_RateLimited()
    {
        Server.Respond(Reply.Json(429, """{"code":"rate_limit_exceeded","message":"Too many emails"}""", ("Retry-After", "30")));
        var error = await Run.Fail(Server.Client().SendVerificationEmail(Run.Valid(SendVerificationEmailRequest.Create("user_01H"))));
        Assert.Equal(Some(TimeSpan.FromSeconds(30)), Assert.IsType<RateLimited>(error).RetryAfter);
    }

    [Fact]
    public async Task VerifyEmail_posts_only_the_code_and_decodes_the_verified_user()
    {
        Server.Respond(Reply.Json(200, UserResponseJson));
        var response = await Run.Succ(Server.Client().VerifyEmail(Run.Valid(VerifyEmailRequest.Create("user_01H", "123456"))));

        Assert.Equal("POST", Server.Last.Method);
        Assert.Equal("/user_management/users/user_01H/email_verification/confirm", Server.Last.PathAndQuery);
        Assert.Equal("""{"code":"123456"}""", Server.Last.Body);
        Assert.StartsWith("application/json", Server.Last.Header("content-type"));
        Assert.True(response.User.EmailVerified);
    }

    [Fact]
    public async Task VerifyEmail_with_a_bad_code_becomes_an_ApiError_with_the_server_code()
    {
        Server.Respond(Reply.Json(400, """{"code":"email_verification_code_expired","message":"The code has expired."}"""));
        var error = await Run.Fail(Server.Client().VerifyEmail(Run.Valid(VerifyEmailRequest.Create("user_01H", "000000"))));

        var api = Assert.IsType<ApiError>(error);
        Assert.Equal(400, api.Status);
        Assert.Equal("email_verification_code_expired", api.ErrorCode);
    }

    [Fact]
    public async Task A_200_without_the_user_envelope_becomes_a_DecodeError()
    {
        Server.Respond(Reply.Json(200, """{"id":"user_01H"}"""));
        var error = await Run.Fail(Server.Client().VerifyEmail(Run.Valid(VerifyEmailRequest.Create("user_01H", "123456"))));
        Assert.Equal("UserResponse", Assert.IsType<DecodeError>(error).What);
    }

    [Fact]
    public async Task Invalid_input_fails_before_anything_is_sent()
    {
        Server.Respond(Reply.Json(200, UserResponseJson));
        var program =
            from request in VerifyEmailRequest.Create("", "").ToAff()
            from response in Server.Client().VerifyEmail(request)
            select response;
        var error = await Run.Fail(program);
        Assert.Equal(Seq("user_id", "code"), Assert.IsType<InvalidRequest>(error).Fields);
        Assert.Empty(Server.Requests);
    }
}
