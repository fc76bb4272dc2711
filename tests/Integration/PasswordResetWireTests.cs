using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>GetPasswordReset, CreatePasswordReset, SendPasswordResetEmail (deprecated) and ResetPassword over real loopback HTTP.</summary>
public sealed class PasswordResetWireTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    private const string PasswordResetJson = """
        {"object":"password_reset","id":"password_reset_01H","user_id":"user_01H","email":"ana@example.com",
         "password_reset_token":"Z1uX3RbwcIl5fIGJJJCXXisdI","password_reset_url":"https://app.example.com/reset?token=Z1uX3RbwcIl5fIGJJJCXXisdI",
         "expires_at":"2024-05-01T13:00:00.000Z","created_at":"2024-05-01T12:00:00.000Z"}
        """;

    private const string UserResponseJson = """{"user":{"id":"user_01H","email":"ana@example.com","email_verified":true,"created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z"}}""";

    private LoopbackServer Server => fixture.Server;

    [Fact]
    public async Task GetPasswordReset_sends_a_bearer_GET_and_decodes_token_and_url_as_secrets()
    {
        Server.Respond(Reply.Json(200, PasswordResetJson));
        var reset = await Run.Succ(Server.Client().GetPasswordReset(Run.Valid(GetPasswordResetRequest.Create("password_reset_01H"))));

        Assert.Equal("GET", Server.Last.Method);
        Assert.Equal("/user_management/password_reset/password_reset_01H", Server.Last.PathAndQuery);
        Assert.Equal("Bearer sk_test_loopback", Server.Last.Header("authorization"));
        Assert.Equal("password_reset_01H", reset.Id);
        Assert.Equal("Z1uX3RbwcIl5fIGJJJCXXisdI", reset.PasswordResetToken.Reveal());
        Assert.Equal("https://app.example.com/reset?token=Z1uX3RbwcIl5fIGJJJCXXisdI", reset.PasswordResetUrl.Reveal());
        Assert.DoesNotContain("Z1uX3RbwcIl5fIGJJJCXXisdI", reset.ToString());
    }

    [Fact]
    public async Task CreatePasswordReset_posts_the_email_and_decodes_201()
    {
        Server.Respond(Reply.Json(201, PasswordResetJson));
        var reset = await Run.Succ(Server.Client().CreatePasswordReset(Run.Valid(CreatePasswordResetRequest.Create("ana@example.com"))));

        Assert.Equal("POST", Server.Last.Method);
        Assert.Equal("/user_management/password_reset", Server.Last.PathAndQuery);
        Assert.Equal("""{"email":"ana@example.com"}""", Server.Last.Body);
        Assert.Equal("user_01H", reset.UserId);
        Assert.Equal("2024-05-01T13:00:00.000Z", reset.ExpiresAt);
    }

    [Fact]
    public async Task CreatePasswordReset_for_an_unknown_email_becomes_a_404_ApiError()
    {
        Server.Respond(Reply.Json(404, """{"code":"entity_not_found","message":"User not found"}"""));
        var error = await Run.Fail(Server.Client().CreatePasswordReset(Run.Valid(CreatePasswordResetRequest.Create("nobody@example.com"))));
        Assert.Equal(404, Assert.IsType<ApiError>(error).Status);
    }

    [Fact]
    public async Task The_deprecated_SendPasswordResetEmail_posts_email_and_url_and_ignores_the_body()
    {
        Server.Respond(new Reply(200, "not even json", "text/plain"));
#pragma warning disable CS0618 // the deprecated call is kept for parity and tested on purpose
        var result = await Run.Succ(Server.Client().SendPasswordResetEmail(
            Run.Valid(SendPasswordResetEmailRequest.Create("ana@example.com", "https://app.example.com/reset"))));
#pragma warning restore CS0618

        Assert.Equal(unit, result);
        Assert.Equal("POST", Server.Last.Method);
        Assert.Equal("/user_management/password_reset/send", Server.Last.PathAndQuery);
        Assert.Equal("""{"email":"ana@example.com","password_reset_url":"https://app.example.com/reset"}""", Server.Last.Body);
        Assert.Equal("Bearer sk_test_loopback", Server.Last.Header("authorization"));
    }

    [Fact]
    public async Task The_deprecated_SendPasswordResetEmail_on_a_server_without_it_fails_with_the_404()
    {
        Server.Respond(new Reply(404, "Not Found", "text/plain"));
#pragma warning disable CS0618 // the deprecated call is kept for parity and tested on purpose
        var error = await Run.Fail(Server.Client().SendPasswordResetEmail(
            Run.Valid(SendPasswordResetEmailRequest.Create("ana@example.com", "https://app.example.com/reset"))));
#pragma warning restore CS0618
        Assert.Equal(404, Assert.IsType<ApiError>(error).Status);
    }

    [Fact]
    public async Task ResetPassword_posts_token_and_new_password_and_decodes_the_user()
    {
        Server.Respond(Reply.Json(200, UserResponseJson));
        var response = await Run.Succ(Server.Client().ResetPassword(Run.Valid(ResetPasswordRequest.Create("Z1uX3RbwcIl5fIGJJJCXXisdI", "N3w!pass"))));

        Assert.Equal("POST", Server.Last.Method);
        Assert.Equal("/user_management/password_reset/confirm", Server.Last.PathAndQuery);
        Assert.Equal("""{"token":"Z1uX3RbwcIl5fIGJJJCXXisdI","new_password":"N3w!pass"}""", Server.Last.Body);
        Assert.True(response.User.EmailVerified);
    }

    [Fact]
    public async Task ResetPassword_with_a_weak_password_carries_the_field_errors()
    {
        Server.Respond(Reply.Json(422, """{"code":"password_strength_error","message":"Password does not meet strength requirements.","errors":[{"field":"new_password","code":"password_too_weak"}]}"""));
        var error = await Run.Fail(Server.Client().ResetPassword(Run.Valid(ResetPasswordRequest.Create("tok", "weak"))));
        Assert.Equal(Seq1(new FieldError("new_password", "password_too_weak")), Assert.IsType<ApiError>(error).FieldErrors);
    }

    [Fact]
    public async Task Create_then_reset_with_the_returned_token_in_one_pipeline()
    {
        Server.Respond(req => req.PathAndQuery.EndsWith("/confirm") ? Reply.Json(200, UserResponseJson) : Reply.Json(201, PasswordResetJson));
        var client = Server.Client();
        var program =
            from create in CreatePasswordResetRequest.Create("ana@example.com").ToAff()
            from reset in client.CreatePasswordReset(create)
            from confirm in ResetPasswordRequest.Create(reset.PasswordResetToken.Reveal(), "N3w!pass").ToAff()
            from response in client.ResetPassword(confirm)
            select response.User.Id;

        Assert.Equal("user_01H", await Run.Succ(program));
        Assert.Equal(2, Server.Requests.Count);
        Assert.Contains("\"token\":\"Z1uX3RbwcIl5fIGJJJCXXisdI\"", Server.Last.Body);
    }
}
