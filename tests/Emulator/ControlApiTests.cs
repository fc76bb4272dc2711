using System.Net.Http.Headers;
using System.Text;

namespace WorkOS.Functional.Emulator.Tests;

/// <summary>Issue item 5: the control API takes JSON only, and every route answers only loopback Host headers.</summary>
public class ControlApiTests
{
    private const string DropAll = """{"path":"*","drop":true}""";

    private static HttpRequestMessage Post(string path, string body, string? contentType)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null) req.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return req;
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task A_cross_site_simple_post_cannot_install_a_hook(string? contentType)
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Raw(Post("/_emulate/hooks", DropAll, contentType));
        Assert.Equal(415, r.Code);
        Assert.Equal("unsupported_media_type", r.S("code"));
        Assert.Empty((await h.Get("/_emulate/hooks", auth: false)).J["data"]!.AsArray());
        Assert.Equal(200, (await h.Get("/health", auth: false)).Code);
    }

    [Fact]
    public async Task A_simple_post_cannot_reset_or_move_the_clock()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("keep@example.com");
        Assert.Equal(415, (await h.Raw(Post("/_emulate/reset", "", null))).Code);
        Assert.Equal(415, (await h.Raw(Post("/_emulate/clock", """{"advance_seconds":600}""", "text/plain"))).Code);
        Assert.Single((await h.Get("/user_management/users")).J["data"]!.AsArray());
        Assert.Equal("2030-01-01T00:00:00.000Z", (await h.Get("/_emulate/clock", auth: false)).S("now"));
        Assert.Equal(201, (await h.Raw(Post("/_emulate/hooks", """{"path":"/x","status":500}""", "application/json; charset=utf-8"))).Code);
    }

    [Theory]
    [InlineData("evil.test")]
    [InlineData("attacker.example:8080")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.evil.test")]
    public async Task A_non_loopback_host_header_is_refused_on_every_route(string host)
    {
        await using var h = await Harness.StartAsync();
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/_emulate/hooks"), (HttpMethod.Get, "/health"), (HttpMethod.Get, "/user_management/users"), (HttpMethod.Post, "/_emulate/hooks") })
        {
            var req = new HttpRequestMessage(method, path);
            req.Headers.Host = host;
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", h.Emu.ApiKey);
            if (method == HttpMethod.Post) req.Content = new StringContent(DropAll, Encoding.UTF8, "application/json");
            var r = await h.Raw(req);
            Assert.Equal(403, r.Code);
            Assert.Equal("invalid_host", r.S("code"));
        }
        Assert.Empty((await h.Get("/_emulate/hooks", auth: false)).J["data"]!.AsArray());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task Loopback_host_headers_with_any_port_are_served(string host)
    {
        await using var h = await Harness.StartAsync();
        var req = new HttpRequestMessage(HttpMethod.Get, "/health");
        req.Headers.Host = $"{host}:{h.Emu.BaseUrl.Port}";
        Assert.Equal(200, (await h.Raw(req)).Code);
        var bare = new HttpRequestMessage(HttpMethod.Get, "/health");
        bare.Headers.Host = host;
        Assert.Equal(200, (await h.Raw(bare)).Code);
    }
}
