using System.Net;

namespace WorkOS.Functional.Emulator.Tests;

/// <summary>The emulator's RFC 8628 device flow over HTTP: the endpoint, the grant's polling answers and the HTML verification page.</summary>
public class DeviceTests
{
    private const string DeviceGrant = "urn:ietf:params:oauth:grant-type:device_code";

    private static async Task<Resp> Start(Harness h) => await h.Post("/user_management/authorize/device", new { client_id = h.Emu.ClientId }, auth: false);

    private static Task<Resp> Poll(Harness h, string deviceCode) =>
        h.Post("/user_management/authenticate", new JsonObject { ["grant_type"] = DeviceGrant, ["device_code"] = deviceCode, ["client_id"] = h.Emu.ClientId }, auth: false);

    private static async Task<(HttpStatusCode Status, string Html)> Page(Harness h, string userCode, string email, string password, string action)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user_code"] = userCode, ["email"] = email, ["password"] = password, ["action"] = action,
        });
        using var res = await h.Http.PostAsync("/device", form);
        return (res.StatusCode, await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Authorize_device_needs_no_api_key_and_answers_the_RFC_8628_members()
    {
        await using var h = await Harness.StartAsync();
        var r = await Start(h);
        Assert.Equal(200, r.Code);
        Assert.Matches("^[A-Z]{4}-[A-Z]{4}$", r.S("user_code"));
        Assert.Equal(new Uri(h.Emu.BaseUrl, "/device").ToString().TrimEnd('/'), r.S("verification_uri"));
        Assert.Equal($"{r.S("verification_uri")}?user_code={r.S("user_code")}", r.S("verification_uri_complete"));
        Assert.Equal((300, 5), (r.J["expires_in"]!.GetValue<int>(), r.J["interval"]!.GetValue<int>()));
        Assert.True(r.S("device_code")!.Length >= 32);

        var unknown = await h.Post("/user_management/authorize/device", new { client_id = "client_nope" }, auth: false);
        Assert.Equal((400, "invalid_client"), (unknown.Code, unknown.S("error")));
    }

    [Fact]
    public async Task Polling_answers_pending_then_slow_down_when_too_fast_then_tokens_once_approved_on_the_page_and_only_once()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("cli@example.com");
        var start = await Start(h);
        var code = start.S("device_code")!;

        var first = await Poll(h, code);
        Assert.Equal((400, "authorization_pending"), (first.Code, first.S("error")));
        var tooSoon = await Poll(h, code);
        Assert.Equal((400, "slow_down"), (tooSoon.Code, tooSoon.S("error")));
        h.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("authorization_pending", (await Poll(h, code)).S("error"));

        var wrong = await Page(h, start.S("user_code")!.ToLowerInvariant().Replace("-", " "), "cli@example.com", "nope", "approve");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Contains("Wrong email or password", wrong.Html);
        var approved = await Page(h, start.S("user_code")!.ToLowerInvariant().Replace("-", " "), "cli@example.com", Harness.Password, "approve");
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Contains("Device approved", approved.Html);

        h.Clock.Advance(TimeSpan.FromSeconds(10));
        var tokens = await Poll(h, code);
        Assert.Equal(200, tokens.Code);
        Assert.Equal("cli@example.com", tokens.J["user"]!["email"]!.GetValue<string>());
        Assert.NotNull(tokens.S("access_token"));
        Assert.Equal((400, "invalid_grant"), ((await Poll(h, code)).Code, (await Poll(h, code)).S("error")));
    }

    [Fact]
    public async Task Denied_on_the_page_or_by_the_control_endpoint_is_access_denied_and_expiry_is_expired_token()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("deny@example.com");
        var byPage = await Start(h);
        var denied = await Page(h, byPage.S("user_code")!, "deny@example.com", Harness.Password, "deny");
        Assert.Contains("denied", denied.Html);
        Assert.Equal("access_denied", (await Poll(h, byPage.S("device_code")!)).S("error"));

        var byControl = await Start(h);
        Assert.Equal(200, (await h.Post("/_emulate/device/deny", new { user_code = byControl.S("user_code") }, auth: false)).Code);
        Assert.Equal("access_denied", (await Poll(h, byControl.S("device_code")!)).S("error"));

        var late = await Start(h);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal((400, "expired_token"), ((await Poll(h, late.S("device_code")!)).Code, (await Poll(h, late.S("device_code")!)).S("error")));
        Assert.Equal(404, (await h.Post("/_emulate/device/approve", new { user_code = late.S("user_code"), email = "deny@example.com" }, auth: false)).Code);
    }

    [Fact]
    public async Task The_verification_page_is_plain_HTML_and_encodes_what_it_echoes()
    {
        await using var h = await Harness.StartAsync();
        using var res = await h.Http.GetAsync("/device?user_code=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        var html = await res.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.StartsWith("text/html", res.Content.Headers.ContentType!.ToString());
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<form method=\"post\" action=\"/device\">", html);
    }
}
