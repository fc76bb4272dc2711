using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>The seven Users operations over real loopback HTTP: exact wire requests, decoded answers, every error case.</summary>
public sealed class UsersWireTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    private const string UserJson = """
        {"object":"user","id":"user_01H","email":"ana@example.com","first_name":"Ana","last_name":null,
         "email_verified":true,"profile_picture_url":null,"last_sign_in_at":"2024-05-01T12:00:00.000Z",
         "external_id":"ext-1","metadata":{"tier":"gold"},"created_at":"2024-01-01T00:00:00.000Z",
         "updated_at":"2024-02-01T00:00:00.000Z","name":"Ana","locale":"en-US","surprise":42}
        """;

    private LoopbackServer Server => fixture.Server;

    [Fact]
    public async Task GetUser_sends_a_bearer_GET_and_decodes_the_user()
    {
        Server.Respond(Reply.Json(200, UserJson));
        var user = await Run.Succ(Server.Client("sk_test_key").GetUser(Run.Valid(GetUserRequest.Create("user_01H"))));

        var req = Server.Last;
        Assert.Equal("GET", req.Method);
        Assert.Equal("/user_management/users/user_01H", req.PathAndQuery);
        Assert.Equal("Bearer sk_test_key", req.Header("authorization"));
        Assert.StartsWith("workos-functional/", req.Header("user-agent"));
        Assert.Equal("", req.Body);
        Assert.Equal("user_01H", user.Id);
        Assert.Equal("ana@example.com", user.Email);
        Assert.Equal(Some("Ana"), user.FirstName);
        Assert.Equal(Option<string>.None, user.LastName);
        Assert.True(user.EmailVerified);
        Assert.Equal(Some("ext-1"), user.ExternalId);
        Assert.Equal(Some("gold"), user.Metadata.Find("tier"));
        Assert.Equal(Some("en-US"), user.Locale);
    }

    [Fact]
    public async Task GetUserByExternalID_escapes_the_external_id_as_one_segment()
    {
        Server.Respond(Reply.Json(200, UserJson));
        await Run.Succ(Server.Client().GetUserByExternalID(Run.Valid(GetUserByExternalIDRequest.Create("a/b c?#%"))));
        Assert.Equal("/user_management/users/external_id/a%2Fb%20c%3F%23%25", Server.Last.PathAndQuery);
    }

    [Fact]
    public async Task ListUsers_with_defaults_sends_limit_10_and_order_desc_and_decodes_the_page()
    {
        Server.Respond(Reply.Json(200, $$$"""{"object":"list","data":[{{{UserJson}}},{{{UserJson}}}],"list_metadata":{"before":null,"after":"user_01H"}}"""));
        var page = await Run.Succ(Server.Client().ListUsers(ListUsersRequest.Default));

        Assert.Equal("/user_management/users?limit=10&order=desc", Server.Last.PathAndQuery);
        Assert.Equal(2, page.Data.Count);
        Assert.Equal(Option<string>.None, page.ListMetadata.Before);
        Assert.Equal(Some("user_01H"), page.ListMetadata.After);
    }

    [Fact]
    public async Task ListUsers_sorts_and_escapes_every_filter_like_Go()
    {
        Server.Respond(Reply.Json(200, """{"data":[],"list_metadata":{}}"""));
        var request = Run.Valid(ListUsersRequest.Create(email: "a+b@example.com", organizationId: "org_1", limit: 5, order: Order.Asc, after: "user_9"));
        await Run.Succ(Server.Client().ListUsers(request));
        Assert.Equal("/user_management/users?after=user_9&email=a%2Bb%40example.com&limit=5&order=asc&organization_id=org_1", Server.Last.PathAndQuery);
    }

    [Fact]
    public async Task CreateUser_posts_the_Go_ordered_body_and_decodes_201()
    {
        Server.Respond(Reply.Json(201, UserJson));
        var request = Run.Valid(CreateUserRequest.Create("ana@example.com", password: "S3cure!pass", firstName: "Ana", emailVerified: true));
        var user = await Run.Succ(Server.Client().CreateUser(request));

        Assert.Equal("POST", Server.Last.Method);
        Assert.Equal("/user_management/users", Server.Last.PathAndQuery);
        Assert.Equal("""{"email":"ana@example.com","password":"S3cure!pass","first_name":"Ana","email_verified":true}""", Server.Last.Body);
        Assert.StartsWith("application/json", Server.Last.Header("content-type"));
        Assert.Equal("user_01H", user.Id);
    }

    [Fact]
    public async Task UpdateUser_puts_a_partial_body_with_null_deleting_a_metadata_key()
    {
        Server.Respond(Reply.Json(200, UserJson));
        var request = Run.Valid(UpdateUserRequest.Create("user_01H", firstName: "Ana",
            metadata: [new("tier", "gold"), new("legacy_code", null)]));
        await Run.Succ(Server.Client().UpdateUser(request));

        Assert.Equal("PUT", Server.Last.Method);
        Assert.Equal("/user_management/users/user_01H", Server.Last.PathAndQuery);
        Assert.Equal("""{"first_name":"Ana","metadata":{"legacy_code":null,"tier":"gold"}}""", Server.Last.Body);
    }

    [Fact]
    public async Task DeleteUser_sends_DELETE_and_accepts_204_without_a_body()
    {
        Server.Respond(new Reply(204));
        var result = await Run.Succ(Server.Client().DeleteUser(Run.Valid(DeleteUserRequest.Create("user_01H"))));
        Assert.Equal(unit, result);
        Assert.Equal("DELETE", Server.Last.Method);
        Assert.Equal("/user_management/users/user_01H", Server.Last.PathAndQuery);
    }

    [Fact]
    public async Task ListIdentities_reads_a_bare_array_and_sends_no_body()
    {
        Server.Respond(Reply.Json(200, """[{"idp_id":"108","type":"OAuth","provider":"GoogleOAuth"},{"idp_id":"7","type":"OAuth","provider":"GithubOAuth"}]"""));
        var identities = await Run.Succ(Server.Client().ListIdentities(Run.Valid(ListIdentitiesRequest.Create("user_01H"))));

        Assert.Equal("/user_management/users/user_01H/identities", Server.Last.PathAndQuery);
        Assert.Equal("", Server.Last.Body);
        Assert.Equal(Seq(new Identity("108", "OAuth", "GoogleOAuth"), new Identity("7", "OAuth", "GithubOAuth")), identities);
    }

    [Fact]
    public async Task Not_found_404_becomes_an_ApiError_with_status_code_and_request_id()
    {
        Server.Respond(Reply.Json(404, """{"code":"entity_not_found","message":"User not found"}""", ("X-Request-ID", "req_404")));
        var error = await Run.Fail(Server.Client().GetUser(Run.Valid(GetUserRequest.Create("user_missing"))));

        var api = Assert.IsType<ApiError>(error);
        Assert.Equal(404, api.Status);
        Assert.Equal("Not Found", api.Context.Reason);
        Assert.Equal("req_404", api.RequestId);
        Assert.Equal("entity_not_found", api.ErrorCode);
        Assert.Equal("User not found", api.Message);
        Assert.Equal(ErrorCodes.ApiError, api.Code);
    }

    [Fact]
    public async Task Unprocessable_422_carries_the_field_errors()
    {
        Server.Respond(Reply.Json(422, """{"code":"invalid_request_parameters","message":"Validation failed","errors":[{"field":"email","code":"email_invalid"},{"field":"password","code":"password_too_weak"}]}"""));
        var error = await Run.Fail(Server.Client().CreateUser(Run.Valid(CreateUserRequest.Create("ana@example.com", password: "x"))));

        var api = Assert.IsType<ApiError>(error);
        Assert.Equal(422, api.Status);
        Assert.Equal(Seq(new FieldError("email", "email_invalid"), new FieldError("password", "password_too_weak")), api.FieldErrors);
    }

    [Fact]
    public async Task Too_many_requests_429_becomes_RateLimited_with_Retry_After()
    {
        Server.Respond(Reply.Json(429, """{"code":"rate_limit_exceeded","message":"Slow down"}""", ("Retry-After", "7")));
        var error = await Run.Fail(Server.Client().ListUsers(ListUsersRequest.Default));

        var limited = Assert.IsType<RateLimited>(error);
        Assert.Equal(Some(TimeSpan.FromSeconds(7)), limited.RetryAfter);
        Assert.Equal(429, limited.Status);
        Assert.True(error.Is(Error.New(ErrorCodes.RateLimited, "")));
    }

    [Fact]
    public async Task A_non_JSON_502_from_a_proxy_becomes_an_ApiError_keeping_status_and_hidden_raw_body()
    {
        const string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        Server.Respond(new Reply(502, html, "text/html"));
        var error = await Run.Fail(Server.Client().GetUser(Run.Valid(GetUserRequest.Create("user_01H"))));

        var api = Assert.IsType<ApiError>(error);
        Assert.Equal(502, api.Status);
        Assert.Equal("", api.ErrorCode);
        Assert.Equal(html, api.Context.RawBody.Reveal());
        Assert.DoesNotContain("RawBody", api.ToString());
    }

    [Fact]
    public async Task An_HTML_200_becomes_a_DecodeError_not_an_exception()
    {
        Server.Respond(new Reply(200, "<html>login</html>", "text/html"));
        var error = await Run.Fail(Server.Client().GetUser(Run.Valid(GetUserRequest.Create("user_01H"))));
        var decode = Assert.IsType<DecodeError>(error);
        Assert.Equal(200, decode.Status);
        Assert.Equal("User", decode.What);
    }

    [Fact]
    public async Task Truncated_JSON_becomes_a_DecodeError()
    {
        Server.Respond(Reply.Json(200, UserJson[..40]));
        Assert.IsType<DecodeError>(await Run.Fail(Server.Client().GetUser(Run.Valid(GetUserRequest.Create("user_01H")))));
    }

    [Fact]
    public async Task An_empty_200_where_a_user_was_expected_becomes_a_DecodeError()
    {
        Server.Respond(new Reply(200));
        var decode = Assert.IsType<DecodeError>(await Run.Fail(Server.Client().CreateUser(Run.Valid(CreateUserRequest.Create("a@b.co")))));
        Assert.Contains("empty", decode.Reason);
    }

    [Fact]
    public async Task A_refused_connection_becomes_a_TransportFailure()
    {
        var port = Server.BaseUrl.Port;
        await using var dead = await LoopbackServer.StartAsync();
        var deadUrl = dead.BaseUrl;
        await dead.DisposeAsync();
        var client = WorkOSClient.Create("sk_test", deadUrl.ToString(), Bounded.Http()).IfLeft(e => throw new Exception(e.Message));
        var error = await Run.Fail(client.GetUser(Run.Valid(GetUserRequest.Create("user_01H"))));
        Assert.IsType<TransportFailure>(error);
        Assert.NotEqual(0, port);
    }

    [Fact]
    public async Task A_slow_server_past_the_client_timeout_becomes_RequestTimedOut()
    {
        Server.Respond(_ => { Thread.Sleep(1500); return Reply.Json(200, UserJson); });
        var client = WorkOSClient.Create("sk_test", Server.BaseUrl.ToString(), new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) })
            .IfLeft(e => throw new Exception(e.Message));
        Assert.IsType<RequestTimedOut>(await Run.Fail(client.GetUser(Run.Valid(GetUserRequest.Create("user_01H")))));
    }

    [Fact]
    public async Task Cancelling_the_token_becomes_RequestCancelled()
    {
        Server.Respond(_ => { Thread.Sleep(1500); return Reply.Json(200, UserJson); });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        var error = await Run.Fail(Server.Client().GetUser(Run.Valid(GetUserRequest.Create("user_01H")), cts.Token));
        Assert.IsType<RequestCancelled>(error);
    }

    [Fact]
    public async Task An_effect_is_lazy_and_each_run_sends_again()
    {
        Server.Respond(Reply.Json(200, UserJson));
        var effect = Server.Client().GetUser(Run.Valid(GetUserRequest.Create("user_01H")));
        Assert.Empty(Server.Requests);
        await effect.Run();
        await effect.Run();
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task Retrying_a_rate_limited_call_resends_until_it_succeeds()
    {
        var calls = 0;
        Server.Respond(_ => Interlocked.Increment(ref calls) < 3
            ? Reply.Json(429, """{"code":"rate_limit_exceeded","message":"Slow down"}""", ("Retry-After", "0"))
            : Reply.Json(200, UserJson));
        var effect = Server.Client().GetUser(Run.Valid(GetUserRequest.Create("user_01H")))
            .RetryWhile(Schedule.recurs(5), static e => e is RateLimited);
        var user = await Run.Succ(effect);
        Assert.Equal("user_01H", user.Id);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task A_base_url_with_a_trailing_slash_does_not_double_the_slash()
    {
        Server.Respond(Reply.Json(200, UserJson));
        var client = WorkOSClient.Create("sk_test", Server.BaseUrl + "/", Bounded.Http()).IfLeft(e => throw new Exception(e.Message));
        await Run.Succ(client.GetUser(Run.Valid(GetUserRequest.Create("user_01H"))));
        Assert.Equal("/user_management/users/user_01H", Server.Last.PathAndQuery);
    }
}

public sealed class RawTargetTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    [Fact]
    public async Task A_plus_in_an_external_id_travels_escaped_as_percent_2B()
    {
        fixture.Server.Respond(Reply.Json(200, """{"id":"user_1","email":"a@b.co","email_verified":false,"created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z"}"""));
        await Run.Succ(fixture.Server.Client().GetUserByExternalID(Run.Valid(GetUserByExternalIDRequest.Create("a+b"))));
        Assert.Equal("/user_management/users/external_id/a%2Bb", fixture.Server.Last.PathAndQuery);
    }
}

public sealed class DotSegmentTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    [Theory]
    [InlineData("...", "/user_management/users/...")]
    [InlineData("a/../b", "/user_management/users/a%2F..%2Fb")]
    [InlineData("%2E%2E", "/user_management/users/%252E%252E")]
    public async Task Other_dotted_ids_stay_in_their_segment_on_the_wire(string id, string expected)
    {
        fixture.Server.Respond(Reply.Json(404, """{"message":"User not found"}"""));
        await Run.Fail(fixture.Server.Client().GetUser(Run.Valid(GetUserRequest.Create(id))));
        Assert.Equal(expected, fixture.Server.Last.PathAndQuery);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void Dot_segment_ids_are_refused_before_anything_is_sent(string id)
    {
        // Kestrel and proxies resolve even %2E%2E: GET users/. would read the list, DELETE users/.. reach DELETE /user_management/.
        var refused = GetUserRequest.Create(id).Match(static _ => Seq<string>(), static e => ((InvalidRequest)e).Fields);
        Assert.Equal(Seq1("user_id"), refused);
        Assert.Equal(Seq1("user_id"), DeleteUserRequest.Create(id).Match(static _ => Seq<string>(), static e => ((InvalidRequest)e).Fields));
    }
}
