using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkOS.Functional.AspNetCore.Tests.Support;

namespace WorkOS.Functional.AspNetCore.Tests;

public sealed class SessionRefreshTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<JsonElement> Me(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_fresh_session_is_not_refreshed_and_no_cookie_is_written()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        await app.SignInAsync(browser);
        var grants = app.Grants.Refreshes;

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        var answer = await browser.GetAsync("/me");

        await Me(answer);
        Assert.Empty(Browser.SetCookies(answer));
        Assert.Equal(grants + 0, app.Grants.Refreshes);
    }

    [Fact]
    public async Task A_session_near_expiry_is_refreshed_and_the_new_cookie_written_back()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        await app.SignInAsync(browser);
        var grants = app.Grants.Refreshes;
        var oldCookie = browser.Jar["wos-session"];
        var before = await Me(await browser.GetAsync("/me"));

        app.Clock.Advance(TimeSpan.FromSeconds(4 * 60 + 40));        // 20 s before exp: inside the 30 s buffer
        var answer = await browser.GetAsync("/me");

        var after = await Me(answer);
        var cookie = Cookies.Find(answer, "wos-session").IfNone(() => throw new Xunit.Sdk.XunitException("no new cookie"));
        Assert.NotEqual(oldCookie, cookie.Value);
        Assert.True(cookie.Has("httponly"));
        Assert.Equal("/", cookie.Attributes.Find("path").IfNone(""));
        Assert.Equal(grants + 1, app.Grants.Refreshes);
        Assert.Equal(before.GetProperty("sid").GetString(), after.GetProperty("sid").GetString());
        Assert.NotEqual(before.GetProperty("accessToken").GetString(), after.GetProperty("accessToken").GetString());
        Assert.True(DateTimeOffset.Parse(after.GetProperty("expiresAt").GetString()!) > app.Clock.GetUtcNow().AddMinutes(4));

        // The new cookie is good as it is: no further refresh.
        await Me(await browser.GetAsync("/me"));
        Assert.Equal(grants + 1, app.Grants.Refreshes);
        app.Logs.AssertNoneOf(oldCookie, cookie.Value, before.GetProperty("accessToken").GetString(), after.GetProperty("accessToken").GetString(), TestApp.CookiePassword);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_expired_cookie_send_exactly_one_refresh_grant_and_all_get_the_new_cookie()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        await app.SignInAsync(browser);
        var grants = app.Grants.Refreshes;
        var oldCookie = browser.Jar["wos-session"];

        app.Clock.Advance(TimeSpan.FromMinutes(6));                   // expired
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            using var tab = app.Browser();
            tab.Jar["wos-session"] = oldCookie;
            return await tab.GetAsync("/me");
        })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(grants + 1, app.Grants.Refreshes);
        var cookies = answers.Select(a => Cookies.Find(a, "wos-session").Map(c => c.Value).IfNone("")).Distinct().ToList();
        Assert.Single(cookies);
        Assert.NotEqual(oldCookie, cookies[0]);

        // The refresh token was spent once: the session lives on with the new cookie (a second grant would have ended it).
        using var next = app.Browser();
        next.Jar["wos-session"] = cookies[0];
        await Me(await next.GetAsync("/me"));
    }

    [Fact]
    public async Task A_revoked_session_is_signed_out_at_refresh_the_cookie_deleted()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        await app.SignInAsync(browser);
        var grants = app.Grants.Refreshes;
        var sid = (await Me(await browser.GetAsync("/me"))).GetProperty("sid").GetString();
        var revoked = await app.Client.RevokeSession(RevokeSessionRequest.Create(sid).IfLeft(e => throw new InvalidOperationException(e.Message))).Run();
        Assert.True(revoked.IsSucc);

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var answer = await browser.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith("/auth/sign-in?return_to=", answer.Headers.Location!.OriginalString);
        Assert.True(Cookies.Find(answer, "wos-session").Exists(c => c.Deleted));
        Assert.False(browser.Jar.ContainsKey("wos-session"));
        Assert.Equal(grants + 1, app.Grants.Refreshes);
    }

    [Fact]
    public async Task A_transient_failure_keeps_the_cookie_and_answers_503_then_the_next_request_refreshes()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        await app.SignInAsync(browser);
        var grants = app.Grants.Refreshes;
        var cookie = browser.Jar["wos-session"];

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await app.HookAsync("POST", "/user_management/authenticate", 503, count: 1);
        var answer = await browser.GetAsync("/me");

        await Problems.AssertProblem(answer, 503, "WorkOS is unavailable");
        Assert.True(Cookies.Find(answer, "wos-session").IsNone);       // neither deleted nor replaced
        Assert.Equal(cookie, browser.Jar["wos-session"]);

        var retry = await browser.GetAsync("/me");
        await Me(retry);
        Assert.True(Cookies.Find(retry, "wos-session").Exists(c => !c.Deleted && c.Value != cookie));
        Assert.Equal(grants + 2, app.Grants.Refreshes);
    }

    [Fact]
    public async Task A_transient_failure_before_expiry_keeps_the_old_claims()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        await app.SignInAsync(browser);

        app.Clock.Advance(TimeSpan.FromSeconds(4 * 60 + 40));        // not expired yet, but inside the refresh buffer
        await app.HookAsync("POST", "/user_management/authenticate", 503, count: 1);
        var answer = await browser.GetAsync("/me");

        Assert.Equal("user_ana", (await Me(answer)).GetProperty("sub").GetString());
        Assert.Empty(Browser.SetCookies(answer));
    }

    [Fact]
    public async Task An_unreachable_WorkOS_keeps_the_cookie()
    {
        await using var app = await TestApp.StartAsync();             // its own: this test stops the emulator
        using var browser = app.Browser();
        await app.SignInAsync(browser);
        var cookie = browser.Jar["wos-session"];

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await app.Emulator.DisposeAsync();                            // the emulator is gone: connection refused
        var answer = await browser.GetAsync("/me");

        await Problems.AssertProblem(answer, 503, "WorkOS is unavailable");
        Assert.Equal(cookie, browser.Jar["wos-session"]);
        app.Logs.AssertNoneOf(cookie, TestApp.CookiePassword);
    }

    [Fact]
    public async Task A_tampered_cookie_or_one_sealed_with_another_password_is_deleted_and_anonymous()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        await app.SignInAsync(browser);
        var cookie = browser.Jar["wos-session"];
        browser.Jar["wos-session"] = cookie[..40] + (cookie[40] == 'a' ? 'b' : 'a') + cookie[41..];

        var answer = await browser.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.True(Cookies.Find(answer, "wos-session").Exists(c => c.Deleted));

        await using var other = await TestApp.StartAsync(o => o.CookiePassword = "another-cookie-password-of-32-characters-or-more");
        using var stranger = other.Browser();
        stranger.Jar["wos-session"] = cookie;
        var refused = await stranger.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.True(Cookies.Find(refused, "wos-session").Exists(c => c.Deleted));
    }

    [Fact]
    public async Task A_session_too_large_for_one_cookie_is_chunked_and_read_back()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        var email = $"big-{Guid.NewGuid():N}@example.com";
        var metadata = Enumerable.Range(0, 10).Select(i => new KeyValuePair<string, string>($"key{i}", new string((char)('a' + i), 600)));
        var user = (await app.Client.CreateUser(CreateUserRequest.Create(email, firstName: new string('F', 1000), lastName: new string('L', 1000),
                emailVerified: true, metadata: metadata).IfLeft(e => throw new InvalidOperationException(e.Message))).Run())
            .IfFail(e => throw new InvalidOperationException(e.Message));
        Assert.True((await app.Client.CreateOrganizationMembership(
            CreateOrganizationMembershipRequest.Create(user.Id, "org_acme", "admin").IfLeft(e => throw new InvalidOperationException(e.Message))).Run()).IsSucc);

        var signedIn = await app.SignInAsync(browser, email);

        var head = Cookies.Find(signedIn.Callback, "wos-session").IfNone(() => throw new Xunit.Sdk.XunitException("no session cookie"));
        Assert.StartsWith("chunks-", head.Value);
        var chunks = int.Parse(head.Value["chunks-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(chunks, 2, 10);
        foreach (var i in Enumerable.Range(1, chunks))
            Assert.True(Cookies.Find(signedIn.Callback, $"wos-sessionC{i}").Exists(c => c.Has("httponly") && c.Value.Length <= 4096));
        Assert.Equal(email, (await Me(await browser.GetAsync("/me"))).GetProperty("email").GetString());
    }
}
