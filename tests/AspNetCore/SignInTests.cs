using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using WorkOS.Functional.AspNetCore.Tests.Support;

namespace WorkOS.Functional.AspNetCore.Tests;

public sealed class SignInTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Sign_in_redirects_to_WorkOS_with_PKCE_and_state_and_sets_a_sealed_short_lived_verifier_cookie()
    {
        var app = fixture.App;
        using var browser = app.Browser();

        var start = await browser.GetAsync("/auth/sign-in?return_to=%2Fme&login_hint=ana%40example.com&organization_id=org_acme&screen_hint=sign-up");

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var location = start.Headers.Location!;
        Assert.StartsWith(new Uri(app.Emulator.BaseUrl, "/user_management/authorize").AbsoluteUri, location.AbsoluteUri);
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(app.Emulator.ClientId, query["client_id"]);
        Assert.Equal(new Uri(app.Url, "/auth/callback").AbsoluteUri, query["redirect_uri"]);
        Assert.Equal("authkit", query["provider"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", query["code_challenge"]);
        Assert.True(query["state"]!.Length >= 16);
        Assert.Equal("ana@example.com", query["login_hint"]);
        Assert.Equal("org_acme", query["organization_id"]);
        Assert.Equal("sign-up", query["screen_hint"]);

        var verifier = Cookies.Find(start, "wos-session-verifier").IfNone(() => throw new Xunit.Sdk.XunitException("no verifier cookie"));
        Assert.StartsWith("Fe26.2*", verifier.Value);                           // sealed: neither state nor verifier readable
        Assert.DoesNotContain(query["state"]!, verifier.Value);
        Assert.True(verifier.Has("httponly"));
        Assert.Equal("lax", verifier.Attributes.Find("samesite").IfNone("").ToLowerInvariant());
        Assert.Equal("/auth", verifier.Attributes.Find("path").IfNone(""));
        Assert.Equal("600", verifier.Attributes.Find("max-age").IfNone(""));
        Assert.False(verifier.Has("secure"));                                    // plain http on loopback: development
        Assert.True(Cookies.Find(start, "wos-session").IsNone);

        // Two sign-ins never share a state or a challenge.
        var again = HttpUtility.ParseQueryString((await browser.GetAsync("/auth/sign-in")).Headers.Location!.Query);
        Assert.NotEqual(query["state"], again["state"]);
        Assert.NotEqual(query["code_challenge"], again["code_challenge"]);
    }

    [Fact]
    public async Task Cookies_are_Secure_for_any_host_but_loopback()
    {
        var app = fixture.App;
        using var browser = app.Browser();

        var start = await browser.GetAsync("/auth/sign-in", r => r.Headers.Host = "app.example");

        var verifier = Cookies.Find(start, "wos-session-verifier").IfNone(() => throw new Xunit.Sdk.XunitException("no verifier cookie"));
        Assert.True(verifier.Has("secure"));
        Assert.Equal("http://app.example/auth/callback", HttpUtility.ParseQueryString(start.Headers.Location!.Query)["redirect_uri"]);
    }

    [Fact]
    public async Task Full_sign_in_sets_the_session_cookie_and_the_protected_endpoint_sees_the_claims_and_token()
    {
        var app = fixture.App;
        using var browser = app.Browser();

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/me")).StatusCode);
        var signedIn = await app.SignInAsync(browser, returnTo: "/me?tab=1");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Callback.StatusCode);
        Assert.Equal("/me?tab=1", signedIn.Callback.Headers.Location!.OriginalString);
        var session = Cookies.Find(signedIn.Callback, "wos-session").IfNone(() => throw new Xunit.Sdk.XunitException("no session cookie"));
        Assert.StartsWith("Fe26.2*", session.Value);
        Assert.EndsWith("~2", session.Value);
        Assert.True(session.Has("httponly"));
        Assert.Equal("lax", session.Attributes.Find("samesite").IfNone("").ToLowerInvariant());
        Assert.Equal("/", session.Attributes.Find("path").IfNone(""));
        Assert.False(session.Has("secure"));
        Assert.True(Cookies.Find(signedIn.Callback, "wos-session-verifier").Exists(c => c.Deleted));
        Assert.False(browser.Jar.ContainsKey("wos-session-verifier"));

        var me = await browser.GetAsync("/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("user_ana", body.GetProperty("sub").GetString());
        Assert.Equal("user_ana", body.GetProperty("nameIdentifier").GetString());
        Assert.Equal("ana@example.com", body.GetProperty("email").GetString());
        Assert.Equal("ana@example.com", body.GetProperty("standardEmail").GetString());
        Assert.Equal("org_acme", body.GetProperty("org").GetString());
        Assert.StartsWith("session_", body.GetProperty("sid").GetString());
        Assert.Equal(["admin"], body.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["admin"], body.GetProperty("standardRoles").EnumerateArray().Select(e => e.GetString()));
        Assert.True(body.GetProperty("isAdmin").GetBoolean());
        Assert.Equal(["widgets:read", "widgets:write"], body.GetProperty("permissions").EnumerateArray().Select(e => e.GetString()).Order());
        var token = body.GetProperty("accessToken").GetString()!;
        Assert.Equal(3, token.Split('.').Length);
        var expiresAt = DateTimeOffset.Parse(body.GetProperty("expiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt.ToUnixTimeSeconds() - app.Clock.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds(), -5, 5);

        app.Logs.AssertNoneOf(session.Value, token, signedIn.Code, TestApp.CookiePassword);
    }

    [Fact]
    public async Task A_challenge_redirects_to_sign_in_with_the_local_path_and_query_as_return_to()
    {
        var app = fixture.App;
        using var browser = app.Browser();

        var answer = await browser.GetAsync("/me?a=1&b=2");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/auth/sign-in?return_to=%2Fme%3Fa%3D1%26b%3D2", answer.Headers.Location!.OriginalString);
        var xhr = await browser.GetAsync("/me", r => r.Headers.Add("X-Requested-With", "XMLHttpRequest"));
        Assert.Equal(HttpStatusCode.Unauthorized, xhr.StatusCode);
    }

    [Fact]
    public async Task A_state_that_does_not_match_the_verifier_cookie_is_a_problem_and_no_session()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        var start = await browser.GetAsync("/auth/sign-in?login_hint=ana%40example.com");
        var callback = (await browser.GetAsync(start.Headers.Location!.AbsoluteUri)).Headers.Location!;
        var query = HttpUtility.ParseQueryString(callback.Query);

        var answer = await browser.GetAsync($"/auth/callback?code={query["code"]}&state=not-the-{query["state"]}");

        var body = await Problems.AssertProblem(answer, 400, "Invalid state");
        Assert.DoesNotContain(query["code"]!, body.GetRawText());
        Assert.DoesNotContain(query["state"]!, body.GetRawText());
        Assert.True(Cookies.Find(answer, "wos-session").IsNone);
        // The verifier cookie is single-use: the right state afterwards finds no sign-in in progress.
        await Problems.AssertProblem(await browser.GetAsync(callback.PathAndQuery), 400, "No sign-in in progress");
    }

    [Fact]
    public async Task A_callback_without_the_verifier_cookie_or_with_a_forged_one_is_a_problem()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        var start = await browser.GetAsync("/auth/sign-in?login_hint=ana%40example.com");
        var callback = (await browser.GetAsync(start.Headers.Location!.AbsoluteUri)).Headers.Location!;
        var verifier = browser.Jar["wos-session-verifier"];

        browser.Jar.Clear();
        await Problems.AssertProblem(await browser.GetAsync(callback.PathAndQuery), 400, "No sign-in in progress");
        browser.Jar["wos-session-verifier"] = verifier[..^4] + (verifier[^4] == 'A' ? 'B' : 'A') + verifier[^3..];
        await Problems.AssertProblem(await browser.GetAsync(callback.PathAndQuery), 400, "No sign-in in progress");
        Assert.False(browser.Jar.ContainsKey("wos-session"));
    }

    [Fact]
    public async Task A_verifier_cookie_older_than_ten_minutes_is_refused()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        var start = await browser.GetAsync("/auth/sign-in?login_hint=ana%40example.com");
        var callback = (await browser.GetAsync(start.Headers.Location!.AbsoluteUri)).Headers.Location!;

        app.Clock.Advance(TimeSpan.FromMinutes(12));

        await Problems.AssertProblem(await browser.GetAsync(callback.PathAndQuery), 400, "No sign-in in progress");
    }

    [Theory]
    [InlineData("access_denied", 403)]
    [InlineData("invalid_request", 400)]
    public async Task An_error_from_WorkOS_in_the_callback_is_a_problem(string error, int status)
    {
        var app = fixture.App;
        using var browser = app.Browser();
        await browser.GetAsync("/auth/sign-in");

        var answer = await browser.GetAsync($"/auth/callback?error={error}&error_description=The+user+said+no&state=x");

        var body = await Problems.AssertProblem(answer, status, "Sign-in was not completed");
        Assert.Contains(error, body.GetProperty("detail").GetString());
        Assert.True(Cookies.Find(answer, "wos-session-verifier").Exists(c => c.Deleted));
    }

    [Fact]
    public async Task A_callback_without_a_code_is_a_problem()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        await browser.GetAsync("/auth/sign-in");

        await Problems.AssertProblem(await browser.GetAsync("/auth/callback?state=x"), 400, "Invalid callback");
    }

    [Fact]
    public async Task A_code_WorkOS_refuses_is_a_problem_without_the_code_or_a_stack_trace()
    {
        var app = fixture.App;
        using var browser = app.Browser();
        var start = await browser.GetAsync("/auth/sign-in?login_hint=ana%40example.com");
        var state = HttpUtility.ParseQueryString(start.Headers.Location!.Query)["state"];

        var answer = await browser.GetAsync($"/auth/callback?code=made-up-code-123&state={state}");

        var body = await Problems.AssertProblem(answer, 400, "Sign-in failed");
        Assert.DoesNotContain("made-up-code-123", body.GetRawText());
        Assert.DoesNotContain("   at ", body.GetRawText());
        Assert.False(browser.Jar.ContainsKey("wos-session"));
        app.Logs.AssertNoneOf("made-up-code-123", TestApp.CookiePassword);
    }

    [Fact]
    public async Task A_code_exchange_that_needs_a_step_up_is_a_403_problem_without_the_pending_token()
    {
        var app = fixture.App;
        using var browser = app.Browser();

        var signedIn = await app.SignInAsync(browser, "cy@example.com");         // email not verified: WorkOS answers a step-up

        var body = await Problems.AssertProblem(signedIn.Callback, 403, "Sign-in failed");
        Assert.Contains("email_verification_required", body.GetProperty("detail").GetString());
        Assert.DoesNotContain("pending_authentication_token", body.GetRawText());
        Assert.False(browser.Jar.ContainsKey("wos-session"));
    }
}
