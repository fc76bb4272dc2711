namespace WorkOS.Functional.Properties;

/// <summary>The client value: creation rules and pure runs through <see cref="FuncHttpIO"/>.</summary>
public sealed class ClientProperties
{
    [Theory]
    [InlineData(null, "https://api.workos.com/")]
    [InlineData("https://api.workos.com", "https://api.workos.com/")]
    [InlineData("https://api.workos.com/", "https://api.workos.com/")]
    [InlineData("http://127.0.0.1:4100/", "http://127.0.0.1:4100/")]
    [InlineData("https://proxy.local/workos/", "https://proxy.local/workos")]
    public void Base_url_defaults_and_loses_one_trailing_slash(string? baseUrl, string expected) =>
        Assert.Equal(expected, T.Valid(WorkOSClient.Create("sk_test", baseUrl)).BaseUrl.AbsoluteUri);

    [Theory]
    [InlineData(null, null, new[] { "api_key" })]
    [InlineData("", "ftp://x", new[] { "api_key", "base_url" })]
    [InlineData("sk", "not a url", new[] { "base_url" })]
    [InlineData("sk", "/relative", new[] { "base_url" })]
    public void Bad_settings_are_all_reported(string? key, string? url, string[] fields) =>
        Assert.True(T.SameSet(T.Fields(WorkOSClient.Create(key, url)), fields));

    [Fact]
    public async Task Operations_run_purely_over_FuncHttpIO()
    {
        var seen = new List<HttpRequestSpec>();
        var io = new FuncHttpIO(req => { seen.Add(req); return T.Json(200, WireSamples.User().With("email", "a@b.co").Json()); });
        var client = T.Valid(WorkOSClient.Create("sk_test", io));
        var program =
            from req in GetUserRequest.Create("user_1").ToAff()
            from user in client.GetUser(req)
            select user.Email;
        Assert.Equal(FinSucc("a@b.co"), await program.Run());
        Assert.Equal(Encode.GetUser(T.Valid(GetUserRequest.Create("user_1")), Secret.Of("sk_test")), Assert.Single(seen));
    }

    [Fact]
    public async Task Invalid_input_fails_the_pipeline_before_anything_is_sent()
    {
        var sent = 0;
        var client = T.Valid(WorkOSClient.Create("sk_test", new FuncHttpIO(_ => { sent++; return T.Json(200, "{}"); })));
        var program =
            from req in CreateUserRequest.Create("nope", password: "a", passwordHash: "b").ToAff()
            from user in client.CreateUser(req)
            select user;
        var fin = await program.Run();
        Assert.True(fin.IsFail);
        Assert.Equal(0, sent);
        fin.IfFail(e => Assert.Equal(Seq("email", "password"), Assert.IsType<InvalidRequest>(e).Fields));
    }

    [Fact]
    public async Task A_pre_cancelled_token_fails_with_RequestCancelled()
    {
        var client = T.Valid(WorkOSClient.Create("sk_test", new FuncHttpIO(_ => T.Json(200, "{}"))));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var fin = await client.GetUser(T.Valid(GetUserRequest.Create("user_1")), cts.Token).Run();
        fin.Match(Succ: _ => Assert.Fail("expected failure"), Fail: e => Assert.IsType<RequestCancelled>(e));
    }

    [Fact]
    public async Task Recovery_composes_with_the_pipe_operator()
    {
        var client = T.Valid(WorkOSClient.Create("sk_test", new FuncHttpIO(_ => T.Json(404, """{"message":"User not found"}"""))));
        var program = client.GetUser(T.Valid(GetUserRequest.Create("user_1"))).Map(static u => u.Email)
            | @catchOf<ApiError, string>(e => e.Status == 404 ? SuccessAff("nobody") : FailAff<string>(e));
        Assert.Equal(FinSucc("nobody"), await program.Run());
    }
}
