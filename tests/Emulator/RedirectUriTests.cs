using System.Net;

namespace WorkOS.Functional.Emulator.Tests;

/// <summary>Issue item 1: authorize sends a code only to an allowed redirect URI; logout only to an allowed return_to.</summary>
public class RedirectUriTests
{
    private static string Authorize(Harness h, string redirect) =>
        $"/user_management/authorize?client_id={h.Emu.ClientId}&redirect_uri={Uri.EscapeDataString(redirect)}&response_type=code&provider=GoogleOAuth&login_hint=r%40example.com";

    private static async Task<Harness> Start(EmulatorOptions? options = null)
    {
        var h = await Harness.StartAsync(options);
        await h.CreateUser("r@example.com");
        return h;
    }

    [Theory]
    [InlineData("http://localhost:1/callback")]
    [InlineData("http://localhost:65535/a/b?x=1")]
    [InlineData("http://127.0.0.1:5173/cb")]
    [InlineData("http://[::1]:8080/cb")]
    [InlineData("http://localhost/cb")]
    public async Task Without_configuration_any_loopback_port_gets_the_code(string redirect)
    {
        await using var h = await Start();
        var r = await h.Get(Authorize(h, redirect), auth: false);
        Assert.Equal(302, r.Code);
        Assert.StartsWith(redirect, r.Message.Headers.Location!.OriginalString);
        Assert.Contains("code=", r.Message.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://app.test/callback")]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("http://localhost.evil.test/cb")]
    [InlineData("http://127.0.0.1.evil.test/cb")]
    [InlineData("http://evil.test@localhost:3000/cb")]
    [InlineData("http://localhost:3000/cb#frag")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/cb")]
    public async Task Without_configuration_other_hosts_and_schemes_are_400_without_a_redirect(string redirect)
    {
        await using var h = await Start();
        var r = await h.Get(Authorize(h, redirect), auth: false);
        Assert.Equal(400, r.Code);
        Assert.Equal("invalid_request", r.S("error"));
        Assert.False(string.IsNullOrEmpty(r.S("error_description")));
        Assert.Null(r.Message.Headers.Location);
    }

    [Fact]
    public async Task A_configured_list_is_the_only_one_allowed()
    {
        await using var h = await Start(new EmulatorOptions { RedirectUris = ["https://app.test/callback"] });
        Assert.Equal(302, (await h.Get(Authorize(h, "https://app.test/callback"), auth: false)).Code);
        Assert.Equal(302, (await h.Get(Authorize(h, "https://app.test/callback?tenant=1"), auth: false)).Code);
        Assert.Equal(400, (await h.Get(Authorize(h, "https://app.test/other"), auth: false)).Code);
        Assert.Equal(400, (await h.Get(Authorize(h, "http://app.test/callback"), auth: false)).Code);
        Assert.Equal(400, (await h.Get(Authorize(h, "http://localhost:3000/callback"), auth: false)).Code);
    }

    [Fact]
    public async Task The_seed_configures_redirect_uris_too()
    {
        await using var h = await Start(new EmulatorOptions { SeedJson = """{"redirect_uris":["https://seeded.test/cb"]}""" });
        Assert.Equal(302, (await h.Get(Authorize(h, "https://seeded.test/cb"), auth: false)).Code);
        Assert.Equal(400, (await h.Get(Authorize(h, "http://localhost:3000/cb"), auth: false)).Code);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a uri")]
    public async Task An_unusable_configured_uri_fails_start(string uri)
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => WorkOSEmulator.StartAsync(new EmulatorOptions { RedirectUris = [uri] }));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            WorkOSEmulator.StartAsync(new EmulatorOptions { SeedJson = $$"""{"logout_redirect_uris":["{{uri}}"]}""" }));
    }

    private static async Task<(string Sid, string Refresh)> SignIn(Harness h)
    {
        var login = await h.PasswordLogin("r@example.com");
        Assert.Equal(200, login.Code);
        return (Harness.Claims(login.S("access_token")!)["sid"]!.GetValue<string>(), login.S("refresh_token")!);
    }

    private static string Logout(string sid, string returnTo) =>
        $"/user_management/sessions/logout?return_to={Uri.EscapeDataString(returnTo)}&session_id={sid}";

    [Fact]
    public async Task Logout_refuses_an_unconfigured_return_to_and_keeps_the_session()
    {
        await using var h = await Start();
        var (sid, refresh) = await SignIn(h);
        var r = await h.Get(Logout(sid, "https://evil.test/phish"), auth: false);
        Assert.Equal(400, r.Code);
        Assert.Equal("invalid_request", r.S("error"));
        Assert.Null(r.Message.Headers.Location);
        Assert.Equal(200, (await h.Refresh(refresh)).Code);
        Assert.Equal(302, (await h.Get(Logout(sid, "http://localhost:3000/signed-out"), auth: false)).Code);
    }

    [Fact]
    public async Task Logout_redirects_to_the_redirect_list_or_the_logout_redirects()
    {
        await using var h = await Start(new EmulatorOptions
        {
            RedirectUris = ["https://app.test/callback"],
            SeedJson = """{"logout_redirect_uri":"https://app.test/bye"}""",
        });
        foreach (var (target, status) in new[]
                 {
                     ("https://app.test/bye", HttpStatusCode.Found), ("https://app.test/callback", HttpStatusCode.Found),
                     ("http://localhost:3000/bye", HttpStatusCode.BadRequest), ("javascript:alert(1)", HttpStatusCode.BadRequest),
                 })
        {
            var (sid, _) = await SignIn(h);
            var r = await h.Get(Logout(sid, target), auth: false);
            Assert.True(status == r.Status, $"{target}: {r.Code}");
            if (status == HttpStatusCode.Found) Assert.Equal(target, r.Message.Headers.Location!.OriginalString);
        }
    }
}
