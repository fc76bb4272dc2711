using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using WorkOS.Functional.AspNetCore.Tests.Support;

namespace WorkOS.Functional.AspNetCore.Tests;

public sealed class SignOutAndSwitchTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    private static Action<HttpRequestMessage> FromOwnPage(TestApp app) => r =>
    {
        r.Headers.Add("Origin", app.Url.GetLeftPart(UriPartial.Authority));
        r.Headers.Add("Sec-Fetch-Site", "same-origin");
    };

    [Fact]
    public async Task Sign_out_deletes_the_cookie_and_redirects_to_the_WorkOS_logout_URL_of_the_session()
    {
        await using var app = await TestApp.StartAsync(o => o.SignedOutRedirect = "http://127.0.0.1/signed-out");
        using var browser = app.Browser();
        await app.SignInAsync(browser);
        var sid = (await (await browser.GetAsync("/me")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();

        var answer = await browser.PostFormAsync("/auth/sign-out", [], FromOwnPage(app));

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.Equal(new Uri(app.Emulator.BaseUrl, "/user_management/sessions/logout").AbsoluteUri, location.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(sid, query["session_id"]);
        Assert.Equal("http://127.0.0.1/signed-out", query["return_to"]);
        Assert.True(Cookies.Find(answer, "wos-session").Exists(c => c.Deleted));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_without_a_session_redirects_to_the_app_root()
    {
        var app = fixture.App;
        using var browser = app.Browser();

        var answer = await browser.PostFormAsync("/auth/sign-out", [], FromOwnPage(app));

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal(new Uri(app.Url, "/").AbsoluteUri, answer.Headers.Location!.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://evil.example", null)]
    [InlineData("null", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    public async Task Cross_site_posts_are_refused_and_the_session_stays(string? origin, string? fetchSite)
    {
        var app = fixture.App;
        using var browser = app.Browser();
        await app.SignInAsync(browser);
        var cookie = browser.Jar["wos-session"];
        Action<HttpRequestMessage> crossSite = r =>
        {
            if (origin is not null) r.Headers.Add("Origin", origin);
            if (fetchSite is not null) r.Headers.Add("Sec-Fetch-Site", fetchSite);
        };

        var signOut = await browser.PostFormAsync("/auth/sign-out", [], crossSite);
        var switched = await browser.PostFormAsync("/auth/switch-organization", [Field("organization_id", "org_globex")], crossSite);

        await Problems.AssertProblem(signOut, 403, "Cross-site request refused");
        await Problems.AssertProblem(switched, 403, "Cross-site request refused");
        Assert.Equal(cookie, browser.Jar["wos-session"]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task Switch_organization_refreshes_into_the_other_organization_and_redirects_back()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        // A user of its own: a second membership would make every later sign-in of a seeded user ask for an organization.
        var email = $"switch-{Guid.NewGuid():N}@example.com";
        var user = (await app.Client.CreateUser(CreateUserRequest.Create(email, emailVerified: true).IfLeft(e => throw new InvalidOperationException(e.Message))).Run())
            .IfFail(e => throw new InvalidOperationException(e.Message));
        Assert.True((await app.Client.CreateOrganizationMembership(
            CreateOrganizationMembershipRequest.Create(user.Id, "org_acme", "admin").IfLeft(e => throw new InvalidOperationException(e.Message))).Run()).IsSucc);
        await app.SignInAsync(browser, email);
        Assert.True((await app.Client.CreateOrganizationMembership(
            CreateOrganizationMembershipRequest.Create(user.Id, "org_globex", "viewer").IfLeft(e => throw new InvalidOperationException(e.Message))).Run()).IsSucc);
        var cookie = browser.Jar["wos-session"];

        var answer = await browser.PostFormAsync("/auth/switch-organization",
            [Field("organization_id", "org_globex"), Field("return_to", "/me?switched=1")], FromOwnPage(app));

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal("/me?switched=1", answer.Headers.Location!.OriginalString);
        Assert.True(Cookies.Find(answer, "wos-session").Exists(c => !c.Deleted && c.Value != cookie));
        var me = await (await browser.GetAsync("/me")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("org_globex", me.GetProperty("org").GetString());
        Assert.Equal(["viewer"], me.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Switch_organization_to_one_the_user_is_not_in_is_a_problem_and_the_session_stays()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        await app.SignInAsync(browser);
        var cookie = browser.Jar["wos-session"];

        var answer = await browser.PostFormAsync("/auth/switch-organization", [Field("organization_id", "org_globex")], FromOwnPage(app));

        var body = await Problems.AssertProblem(answer, 400, "The organization could not be switched to");
        Assert.DoesNotContain(cookie, body.GetRawText());
        Assert.Equal(cookie, browser.Jar["wos-session"]);
        var me = await (await browser.GetAsync("/me")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("org_acme", me.GetProperty("org").GetString());
    }

    [Fact]
    public async Task Switch_organization_needs_a_session_and_an_organization_id()
    {
        var app = fixture.App;
        using var browser = app.Browser();

        await Problems.AssertProblem(await browser.PostFormAsync("/auth/switch-organization", [Field("organization_id", "org_acme")], FromOwnPage(app)), 401, "Not signed in");
        await app.SignInAsync(browser);
        await Problems.AssertProblem(await browser.PostFormAsync("/auth/switch-organization", [Field("organization_id", " ")], FromOwnPage(app)), 400, "Invalid organization_id");
    }

    [Fact]
    public async Task Switch_organization_into_one_that_needs_its_own_sign_in_starts_a_sign_in_scoped_to_it()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        await app.SignInAsync(browser);
        var cookie = browser.Jar["wos-session"];
        await app.HookAsync("POST", "/user_management/authenticate", 403, count: 1, body: new
        {
            error = "sso_required", error_description = "SSO required", email = "ana@example.com",
            connection_ids = new[] { "conn_1" }, pending_authentication_token = "pending-token-secret-1",
        });

        var answer = await browser.PostFormAsync("/auth/switch-organization",
            [Field("organization_id", "org_globex"), Field("return_to", "/me")], FromOwnPage(app));

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal("/auth/sign-in?organization_id=org_globex&return_to=%2Fme", answer.Headers.Location!.OriginalString);
        Assert.Equal(cookie, browser.Jar["wos-session"]);
        app.Logs.AssertNoneOf("pending-token-secret-1", cookie);
    }
}
