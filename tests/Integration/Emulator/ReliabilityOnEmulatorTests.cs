using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration.Emulator;

/// <summary>
/// Issue 8's fault matrix, over real loopback HTTP against the emulator's fault hooks, with the client
/// <see cref="WorkOSClient.Create(string?, WorkOSHttpOptions, string?, HttpClient?)"/> makes when given no
/// <see cref="HttpClient"/> (the library's own pipeline). Each test asserts the result and how many requests
/// the server saw: a hook with <c>count</c> N that ends with M left was hit N − M times.
/// </summary>
public sealed class ReliabilityOnEmulatorTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    /// <summary>Short waits so the matrix stays fast; the rules are the defaults'.</summary>
    private static readonly WorkOSHttpOptions Fast = WorkOSHttpOptions.Default with
    {
        BaseDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(1),
        TotalTimeout = TimeSpan.FromSeconds(20),
        RetryAfterCap = TimeSpan.FromSeconds(5),
    };

    private static readonly HttpClient Control = new() { Timeout = TimeSpan.FromSeconds(10) };

    private WorkOSClient Client(WorkOSHttpOptions? options = null) =>
        Run.Valid(WorkOSClient.Create(emu.Emulator.ApiKey, options ?? Fast, emu.Emulator.BaseUrl.ToString()));

    private async Task<string> Hook(JsonObject spec)
    {
        using var response = await Control.PostAsJsonAsync(new Uri(emu.Emulator.BaseUrl, "_emulate/hooks"), spec);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>How many answers the hook has left; 0 once it is used up (and removed).</summary>
    private async Task<int> Left(string id)
    {
        var hooks = await Control.GetFromJsonAsync<JsonElement>(new Uri(emu.Emulator.BaseUrl, "_emulate/hooks"));
        foreach (var h in hooks.GetProperty("data").EnumerateArray())
            if (h.GetProperty("id").GetString() == id) return h.GetProperty("count").GetInt32();
        return 0;
    }

    private async Task Unhook(string id) => (await Control.DeleteAsync(new Uri(emu.Emulator.BaseUrl, $"_emulate/hooks/{id}"))).Dispose();

    private static Aff<User> GetPlain(WorkOSClient client) => client.GetUser(Run.Valid(GetUserRequest.Create("user_plain")));

    private Aff<AuthenticateResponse> SignIn(WorkOSClient client) =>
        client.AuthenticateWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create(emu.ClientId, "plain@example.com", "correct-horse-1")));

    private static Aff<User> CreateUser(WorkOSClient client) =>
        client.CreateUser(Run.Valid(CreateUserRequest.Create(EmulatorFixture.NewEmail("rel"))));

    [Fact(Timeout = 30_000)]
    public async Task A_503_then_200_on_GET_succeeds_after_two_requests()
    {
        var id = await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["status"] = 503, ["count"] = 1 });
        Assert.Equal("user_plain", (await Run.Succ(GetPlain(Client()))).Id);
        Assert.Equal(0, await Left(id));
    }

    /// <summary>
    /// The handler makes a call's first attempt and hands a call to retry to the pipeline: the attempts still number
    /// <c>MaxRetries + 1</c> in all, and the total timeout still counts from the first attempt's start.
    /// </summary>
    [Fact(Timeout = 30_000)]
    public async Task A_GET_that_keeps_failing_is_tried_MaxRetries_plus_one_times()
    {
        var id = await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["status"] = 503, ["count"] = 10 });
        try
        {
            Assert.Equal(503, Assert.IsType<ApiError>(await Run.Fail(GetPlain(Client(Fast with { MaxRetries = 2 })))).Status);
            Assert.Equal(7, await Left(id));
        }
        finally { await Unhook(id); }
    }

    [Fact(Timeout = 30_000)]
    public async Task The_total_timeout_counts_from_the_first_attempt_when_a_slow_GET_is_retried()
    {
        var id = await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["delay_ms"] = 10_000, ["count"] = 3 });
        try
        {
            var watch = Stopwatch.StartNew();
            var error = await Run.Fail(GetPlain(Client(Fast with { AttemptTimeout = TimeSpan.FromSeconds(2), TotalTimeout = TimeSpan.FromSeconds(3) })));
            Assert.IsType<RequestTimedOut>(error);
            // 2 s for the first attempt, then what is left of the 3 s for the second; a second attempt given a whole
            // attempt timeout would end after 4 s.
            Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(2.8), TimeSpan.FromSeconds(3.8));
            Assert.Equal(1, await Left(id));
        }
        finally { await Unhook(id); }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_503_on_authenticate_fails_at_once_after_one_request()
    {
        var id = await Hook(new() { ["method"] = "POST", ["path"] = "/user_management/authenticate", ["status"] = 503, ["count"] = 4, ["body"] = new JsonObject { ["message"] = "down" } });
        try
        {
            Assert.Equal(503, Assert.IsType<ApiError>(await Run.Fail(SignIn(Client()))).Status);
            Assert.Equal(3, await Left(id));
        }
        finally { await Unhook(id); }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_503_on_a_POST_fails_after_one_request()
    {
        var id = await Hook(new() { ["method"] = "POST", ["path"] = "/user_management/users", ["status"] = 503, ["count"] = 4 });
        try
        {
            Assert.Equal(503, Assert.IsType<ApiError>(await Run.Fail(CreateUser(Client()))).Status);
            Assert.Equal(3, await Left(id));
        }
        finally { await Unhook(id); }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_429_on_a_POST_is_retried()
    {
        var id = await Hook(new() { ["method"] = "POST", ["path"] = "/user_management/users", ["status"] = 429, ["count"] = 1 });
        await Run.Succ(CreateUser(Client()));
        Assert.Equal(0, await Left(id));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_429_with_Retry_After_1_on_GET_waits_about_a_second_then_succeeds()
    {
        var id = await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["status"] = 429, ["retry_after"] = 1, ["count"] = 1 });
        var clock = Stopwatch.StartNew();
        await Run.Succ(GetPlain(Client()));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {clock.Elapsed}");
        Assert.Equal(0, await Left(id));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("3600", 3600L)]
    [InlineData("1000000000000", -1L)]
    public async Task A_Retry_After_beyond_the_cap_is_RateLimited_at_once_with_the_server_s_value(string retryAfter, long seconds)
    {
        var id = await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["status"] = 429, ["retry_after"] = retryAfter, ["count"] = 4 });
        try
        {
            var limited = Assert.IsType<RateLimited>(await Run.Fail(GetPlain(Client())));
            Assert.Equal(Some(seconds < 0 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds)), limited.RetryAfter);
            Assert.Equal(3, await Left(id));
        }
        finally { await Unhook(id); }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_429_on_authenticate_is_RateLimited_after_one_request()
    {
        var id = await Hook(new() { ["method"] = "POST", ["path"] = "/user_management/authenticate", ["status"] = 429, ["retry_after"] = 1, ["count"] = 4 });
        try
        {
            Assert.IsType<RateLimited>(await Run.Fail(SignIn(Client())));
            Assert.Equal(3, await Left(id));
        }
        finally { await Unhook(id); }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_dropped_GET_is_retried_and_a_dropped_POST_is_not()
    {
        var get = await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["drop"] = true, ["count"] = 1 });
        await Run.Succ(GetPlain(Client()));
        Assert.Equal(0, await Left(get));

        var post = await Hook(new() { ["method"] = "POST", ["path"] = "/user_management/users", ["drop"] = true, ["count"] = 4 });
        try
        {
            Assert.IsType<TransportFailure>(await Run.Fail(CreateUser(Client())));
            Assert.Equal(3, await Left(post));
        }
        finally { await Unhook(post); }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_slow_GET_attempt_times_out_and_is_retried_but_a_slow_POST_times_out_once()
    {
        var get = await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["delay_ms"] = 5000, ["count"] = 1 });
        await Run.Succ(GetPlain(Client(Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(500) })));
        Assert.Equal(0, await Left(get));

        var post = await Hook(new() { ["method"] = "POST", ["path"] = "/user_management/users", ["delay_ms"] = 5000, ["count"] = 3 });
        try
        {
            Assert.IsType<RequestTimedOut>(await Run.Fail(CreateUser(Client(Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(500) }))));
            Assert.Equal(2, await Left(post));
        }
        finally { await Unhook(post); }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_307_from_authenticate_is_an_ApiError_and_the_other_host_receives_nothing()
    {
        await using var elsewhere = await LoopbackServer.StartAsync();
        elsewhere.Respond(Reply.Json(200, """{"user":{"id":"user_evil","email":"evil@example.com"},"access_token":"a","refresh_token":"r"}"""));
        var id = await Hook(new()
        {
            ["method"] = "POST", ["path"] = "/user_management/authenticate", ["status"] = 307, ["count"] = 1,
            ["headers"] = new JsonObject { ["Location"] = new Uri(elsewhere.BaseUrl, "user_management/authenticate").ToString() },
        });
        Assert.Equal(307, Assert.IsType<ApiError>(await Run.Fail(SignIn(Client()))).Status);
        Assert.Empty(elsewhere.Requests);
        Assert.Equal(0, await Left(id));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_302_on_GET_is_not_followed()
    {
        await using var elsewhere = await LoopbackServer.StartAsync();
        var id = await Hook(new()
        {
            ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["status"] = 302, ["count"] = 1,
            ["headers"] = new JsonObject { ["Location"] = new Uri(elsewhere.BaseUrl, "x").ToString() },
        });
        Assert.Equal(302, Assert.IsType<ApiError>(await Run.Fail(GetPlain(Client()))).Status);
        Assert.Empty(elsewhere.Requests);
        Assert.Equal(0, await Left(id));
    }

    [Fact(Timeout = 30_000)]
    public async Task An_answer_from_another_origin_after_a_caller_s_client_followed_a_redirect_is_refused()
    {
        await using var elsewhere = await LoopbackServer.StartAsync();
        elsewhere.Respond(Reply.Json(200, """{"user":{"id":"user_evil","email":"evil@example.com"},"access_token":"a","refresh_token":"r"}"""));
        await Hook(new()
        {
            ["method"] = "POST", ["path"] = "/user_management/authenticate", ["status"] = 307, ["count"] = 1,
            ["headers"] = new JsonObject { ["Location"] = new Uri(elsewhere.BaseUrl, "user_management/authenticate").ToString() },
        });
        using var following = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true }) { Timeout = TimeSpan.FromSeconds(10) };
        var client = Run.Valid(WorkOSClient.Create(emu.Emulator.ApiKey, emu.Emulator.BaseUrl.ToString(), following));
        var refused = Assert.IsType<TransportFailure>(await Run.Fail(SignIn(client)));
        Assert.Contains("origin", refused.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_body_over_the_limit_is_a_DecodeError_not_a_value()
    {
        var huge = "{\"id\":\"user_plain\",\"email\":\"a@b.co\",\"first_name\":\"" + new string('x', 200_000) + "\"}";
        var id = await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["status"] = 200, ["raw_body"] = huge, ["content_type"] = "application/json", ["count"] = 1 });
        var error = Assert.IsType<DecodeError>(await Run.Fail(GetPlain(Client(Fast with { MaxBodyBytes = 64 * 1024 }))));
        Assert.Contains("65536-byte limit", error.Message);
        Assert.Equal(0, await Left(id));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_huge_error_message_is_cut_short()
    {
        var id = await Hook(new()
        {
            ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["status"] = 400, ["count"] = 1,
            ["body"] = new JsonObject { ["code"] = "bad", ["message"] = new string('m', 1_000_000) },
        });
        var error = Assert.IsType<ApiError>(await Run.Fail(GetPlain(Client())));
        Assert.Equal(400, error.Status);
        Assert.InRange(error.Message.Length, 1, 1001);
        Assert.Equal(0, await Left(id));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("application/json; charset=utf8")]
    [InlineData("application/json; charset=latin-1-nonsense")]
    public async Task A_bad_charset_still_decodes_as_UTF8_keeping_status_request_id_and_message(string contentType)
    {
        var id = await Hook(new()
        {
            ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["status"] = 401, ["count"] = 1,
            ["raw_body"] = """{"code":"unauthorized","message":"Nope: é"}""", ["content_type"] = contentType,
            ["headers"] = new JsonObject { ["X-Request-ID"] = "req_charset" },
        });
        var error = Assert.IsType<ApiError>(await Run.Fail(GetPlain(Client())));
        Assert.Equal((401, "req_charset", "Nope: é", "unauthorized"), (error.Status, error.RequestId, error.Message, error.ErrorCode));
        Assert.Equal(0, await Left(id));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_same_pipeline_on_an_IHttpClientFactory_client_retries_a_GET_and_never_follows_a_redirect()
    {
        await using var services = new ServiceCollection().AddHttpClient("workos").AddWorkOSResilience(Fast).Services.BuildServiceProvider();
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient("workos");
        var client = Run.Valid(WorkOSClient.Create(emu.Emulator.ApiKey, emu.Emulator.BaseUrl.ToString(), http));

        var retried = await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["status"] = 503, ["count"] = 1 });
        await Run.Succ(GetPlain(client));
        Assert.Equal(0, await Left(retried));

        await using var elsewhere = await LoopbackServer.StartAsync();
        var redirect = await Hook(new()
        {
            ["method"] = "POST", ["path"] = "/user_management/authenticate", ["status"] = 307, ["count"] = 1,
            ["headers"] = new JsonObject { ["Location"] = new Uri(elsewhere.BaseUrl, "user_management/authenticate").ToString() },
        });
        Assert.Equal(307, Assert.IsType<ApiError>(await Run.Fail(SignIn(client))).Status);
        Assert.Empty(elsewhere.Requests);
        Assert.Equal(0, await Left(redirect));
    }
    /// <summary>
    /// The library's strategies are a Polly pipeline a caller can put in their own: Microsoft's resilience handler runs
    /// <see cref="WorkOSResilience.Configure"/> with the same rules (the retry reads the request from the context).
    /// </summary>
    [Fact(Timeout = 30_000)]
    public async Task Configure_s_strategies_under_Microsoft_s_resilience_handler_retry_a_GET_and_time_out_an_attempt()
    {
        var options = Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(500) };
        await using var services = new ServiceCollection().AddHttpClient("own")
            .AddResilienceHandler("mine", b => WorkOSResilience.Configure(b, options)).Services.BuildServiceProvider();
        var client = Run.Valid(WorkOSClient.Create(emu.Emulator.ApiKey, emu.Emulator.BaseUrl.ToString(),
            services.GetRequiredService<IHttpClientFactory>().CreateClient("own")));

        var unavailable = await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["status"] = 503, ["count"] = 2 });
        await Run.Succ(GetPlain(client));
        Assert.Equal(0, await Left(unavailable));

        var slow = await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["delay_ms"] = 5000, ["count"] = 1 });
        var watch = Stopwatch.StartNew();
        await Run.Succ(GetPlain(client)); // the slow attempt is cut at 500 ms and retried, not waited for
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        Assert.Equal(0, await Left(slow));

        var post = await Hook(new() { ["method"] = "POST", ["path"] = "/user_management/users", ["status"] = 503, ["count"] = 2 });
        try
        {
            Assert.Equal(503, Assert.IsType<ApiError>(await Run.Fail(CreateUser(client))).Status); // a POST's 503 is not retried
            Assert.Equal(1, await Left(post));
        }
        finally { await Unhook(post); }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_backoff_that_would_outlast_the_total_timeout_is_not_waited_for_the_last_answer_is_the_result()
    {
        var id = await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["status"] = 503, ["count"] = 4, ["body"] = new JsonObject { ["message"] = "down" } });
        try
        {
            var error = await Run.Fail(GetPlain(Client(Fast with { BaseDelay = TimeSpan.FromSeconds(20), TotalTimeout = TimeSpan.FromSeconds(3) })));
            Assert.Equal(503, Assert.IsType<ApiError>(error).Status); // not RequestTimedOut after a wait that could only end in a timeout
            Assert.Equal(3, await Left(id));
        }
        finally { await Unhook(id); }
    }

    /// <summary>Bodies are read into reused buffers: what an error keeps of its answer must outlive the next call.</summary>
    [Fact(Timeout = 30_000)]
    public async Task An_error_s_message_and_raw_body_outlive_the_next_calls_answers()
    {
        var client = Client();
        async Task<ApiError> Failing(string message)
        {
            await Hook(new() { ["method"] = "GET", ["path"] = "/user_management/users/user_plain", ["status"] = 400, ["count"] = 1, ["body"] = new JsonObject { ["code"] = "bad", ["message"] = message } });
            return Assert.IsType<ApiError>(await Run.Fail(GetPlain(client)));
        }
        var first = await Failing("first answer");
        var raw = first.Context.RawBody.Reveal();
        await Failing(new string('x', 4000));
        Assert.Equal("user_plain", (await Run.Succ(GetPlain(client))).Id);
        Assert.Equal(("first answer", raw), (first.Message, first.Context.RawBody.Reveal()));
        Assert.Contains("\"first answer\"", raw);
    }
    [Fact(Timeout = 30_000)]
    public async Task Timeouts_longer_than_a_timer_can_wait_are_as_good_as_none() =>
        Assert.Equal("user_plain", (await Run.Succ(GetPlain(Client(Fast with { AttemptTimeout = TimeSpan.FromDays(60), TotalTimeout = TimeSpan.FromDays(100) })))).Id);

    /// <summary>
    /// The total timeout is measured from each operation's first attempt: contexts are pooled, and one that kept the
    /// previous call's start would leave the next call no time at all.
    /// </summary>
    [Fact(Timeout = 30_000)]
    public async Task Each_call_gets_the_whole_total_timeout_even_long_after_the_last_call_on_the_same_client()
    {
        var client = Client(Fast with { TotalTimeout = TimeSpan.FromMilliseconds(800) });
        Assert.Equal("user_plain", (await Run.Succ(GetPlain(client))).Id);
        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        Assert.Equal("user_plain", (await Run.Succ(GetPlain(client))).Id);
    }
}
