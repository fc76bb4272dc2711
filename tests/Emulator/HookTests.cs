using System.Diagnostics;

namespace WorkOS.Functional.Emulator.Tests;

public class HookTests
{
    private static async Task<string> AddHook(Harness h, object hook)
    {
        var r = await h.Post("/_emulate/hooks", hook, auth: false);
        Assert.Equal(201, r.Code);
        return r.S("id")!;
    }

    [Fact]
    public async Task Hook_answers_status_and_body_and_leaves_other_routes_alone()
    {
        await using var h = await Harness.StartAsync();
        await AddHook(h, new { method = "GET", path = "/user_management/users", status = 503, body = new { code = "service_unavailable", message = "down" } });
        var r = await h.Get("/user_management/users");
        Assert.Equal(503, r.Code);
        Assert.Equal("service_unavailable", r.S("code"));
        Assert.Equal("application/json; charset=utf-8", r.Message.Content.Headers.ContentType!.ToString());
        Assert.NotNull(r.Header("X-Request-ID"));
        Assert.Equal(201, (await h.Post("/user_management/users", new { email = "ok@example.com" })).Code);
        Assert.Equal(503, (await h.Get("/user_management/users")).Code); // unlimited by default
    }

    [Fact]
    public async Task Hook_count_limits_how_often_it_fires()
    {
        await using var h = await Harness.StartAsync();
        await AddHook(h, new { method = "*", path = "/user_management/users", status = 500, count = 2 });
        Assert.Equal(500, (await h.Get("/user_management/users")).Code);
        Assert.Equal(500, (await h.Get("/user_management/users")).Code);
        Assert.Equal(200, (await h.Get("/user_management/users")).Code);
        Assert.Empty((await h.Get("/_emulate/hooks", auth: false)).J["data"]!.AsArray());
    }

    [Fact]
    public async Task Hook_prefix_and_method_matching()
    {
        await using var h = await Harness.StartAsync();
        await AddHook(h, new { method = "POST", path = "/user_management/*", status = 429, retry_after = 7, body = new { code = "rate_limit_exceeded", message = "slow down" } });
        var r = await h.Post("/user_management/invitations", new { email = "x@example.com" });
        Assert.Equal(429, r.Code);
        Assert.Equal("7", r.Header("Retry-After"));
        Assert.Equal(429, (await h.Post("/user_management/authenticate", new { }, auth: false)).Code);
        Assert.Equal(200, (await h.Get("/user_management/users")).Code);
        Assert.Equal(201, (await h.Post("/organizations", new { name = "Not matched" })).Code);
    }

    [Fact]
    public async Task Wildcard_hook_matches_everything_but_control_api()
    {
        await using var h = await Harness.StartAsync();
        var id = await AddHook(h, new { path = "*", status = 502 });
        Assert.Equal(502, (await h.Get("/health", auth: false)).Code);
        Assert.Single((await h.Get("/_emulate/hooks", auth: false)).J["data"]!.AsArray());
        Assert.Equal(204, (await h.Delete($"/_emulate/hooks/{id}", auth: false)).Code);
        Assert.Equal(200, (await h.Get("/health", auth: false)).Code);
        Assert.Equal(404, (await h.Delete($"/_emulate/hooks/{id}", auth: false)).Code);
    }

    [Fact]
    public async Task Delay_without_status_passes_through_late()
    {
        await using var h = await Harness.StartAsync();
        await AddHook(h, new { path = "/user_management/users", delay_ms = 300, count = 1 });
        var sw = Stopwatch.StartNew();
        var r = await h.Get("/user_management/users");
        Assert.Equal(200, r.Code);
        Assert.True(sw.ElapsedMilliseconds >= 280, $"took {sw.ElapsedMilliseconds} ms");
        Assert.Equal("list", r.S("object"));
    }

    [Fact]
    public async Task Delay_can_trigger_client_timeout()
    {
        await using var h = await Harness.StartAsync();
        await AddHook(h, new { path = "/user_management/users", delay_ms = 2000, status = 200, body = new { } });
        using var client = new HttpClient { BaseAddress = h.Emu.BaseUrl, Timeout = TimeSpan.FromMilliseconds(200) };
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => client.GetAsync("/user_management/users"));
    }

    [Fact]
    public async Task Drop_aborts_the_connection()
    {
        await using var h = await Harness.StartAsync();
        await AddHook(h, new { path = "/user_management/users", drop = true, count = 1 });
        await Assert.ThrowsAsync<HttpRequestException>(() => h.Get("/user_management/users"));
        Assert.Equal(200, (await h.Get("/user_management/users")).Code);
    }

    [Fact]
    public async Task Raw_html_body_and_custom_headers()
    {
        await using var h = await Harness.StartAsync();
        await AddHook(h, new
        {
            path = "/user_management/users/*", status = 502, raw_body = "<html><body>Bad Gateway</body></html>",
            content_type = "text/html", headers = new Dictionary<string, string> { ["X-Proxy"] = "nginx" },
        });
        var r = await h.Get("/user_management/users/user_1");
        Assert.Equal(502, r.Code);
        Assert.Equal("<html><body>Bad Gateway</body></html>", r.Raw);
        Assert.Equal("text/html", r.Message.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nginx", r.Header("X-Proxy"));
    }

    [Fact]
    public async Task Hook_validation_and_listing()
    {
        await using var h = await Harness.StartAsync();
        Assert.Equal(422, (await h.Post("/_emulate/hooks", new { status = 500 }, auth: false)).Code);
        Assert.Equal(422, (await h.Post("/_emulate/hooks", new { path = "/x" }, auth: false)).Code);
        Assert.Equal(422, (await h.Post("/_emulate/hooks", new { path = "/x", status = 42 }, auth: false)).Code);
        var id = await AddHook(h, new { method = "GET", path = "/x", status = 418, count = 3 });
        var list = await h.Get("/_emulate/hooks", auth: false);
        var hook = Assert.Single(list.J["data"]!.AsArray())!;
        Assert.Equal(id, hook["id"]!.GetValue<string>());
        Assert.Equal(418, hook["status"]!.GetValue<int>());
        Assert.Equal(3, hook["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reset_clears_hooks()
    {
        await using var h = await Harness.StartAsync();
        await AddHook(h, new { path = "/user_management/users", status = 500 });
        await h.Post("/_emulate/reset", new { }, auth: false);
        Assert.Equal(200, (await h.Get("/user_management/users")).Code);
    }
}

public class RateLimitTests
{
    [Fact]
    public async Task Over_the_limit_is_429_with_headers_until_the_window_rolls()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { RateLimit = true, RateLimitPerMinute = 3 });
        for (var i = 0; i < 3; i++)
        {
            var ok = await h.Get("/user_management/users");
            Assert.Equal(200, ok.Code);
            Assert.Equal("3", ok.Header("X-RateLimit-Limit"));
            Assert.Equal((2 - i).ToString(), ok.Header("X-RateLimit-Remaining"));
        }
        var r = await h.Get("/user_management/users");
        Assert.Equal(429, r.Code);
        Assert.Equal("rate_limit_exceeded", r.S("code"));
        Assert.Equal("60", r.Header("Retry-After"));
        Assert.Equal("0", r.Header("X-RateLimit-Remaining"));
        Assert.Equal((Harness.Start.ToUnixTimeSeconds() + 60).ToString(), r.Header("X-RateLimit-Reset"));
        Assert.Equal(200, (await h.Get("/health", auth: false)).Code);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(200, (await h.Get("/user_management/users")).Code);
    }

    [Fact]
    public async Task Limits_are_per_key()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { RateLimit = true, RateLimitPerMinute = 1 });
        Assert.Equal(200, (await h.Get("/user_management/users")).Code);
        Assert.Equal(429, (await h.Get("/user_management/users")).Code);
        Assert.Equal(401, (await h.Send(HttpMethod.Get, "/user_management/users", null, apiKey: "sk_other")).Code);
    }

    [Fact]
    public async Task Disabled_by_default()
    {
        await using var h = await Harness.StartAsync();
        for (var i = 0; i < 70; i++) Assert.Equal(200, (await h.Get("/user_management/users?limit=1")).Code);
        var r = await h.Get("/user_management/users");
        Assert.Null(r.Header("X-RateLimit-Limit"));
    }
}
