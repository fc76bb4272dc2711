using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WorkOS.Functional.Emulator.Tests;

/// <summary>
/// The hosted sign-in page (authorize without login_hint), driven as a browser would over real HTTP: read each page's
/// form, fill it, post it back, follow nothing automatically, and exchange the final code at /authenticate.
/// </summary>
public class SignInPageTests
{
    private const string Redirect = "http://localhost:3000/cb";
    private const string Verifier = "dBjftJeZ4CVP-mJ92K9qh5mZ3D6ZbrnI6k0o-YH7yT0W";

    private static string Challenge =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string AuthorizeUrl(Harness h, string extra = "") =>
        $"/user_management/authorize?client_id={h.Emu.ClientId}&redirect_uri={Uri.EscapeDataString(Redirect)}&response_type=code" +
        $"&provider=authkit&state=s%3C1%3E&code_challenge={Challenge}&code_challenge_method=S256{extra}";

    /// <summary>The hidden fields of the page's form, decoded as a browser would.</summary>
    private static Dictionary<string, string> Hidden(string html) =>
        Regex.Matches(html, "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    private static async Task<Resp> Submit(Harness h, Resp page, params (string Key, string Value)[] fields)
    {
        var form = Hidden(page.Raw);
        foreach (var (k, v) in fields) form[k] = v;
        return await h.Raw(new HttpRequestMessage(HttpMethod.Post, "/user_management/authorize") { Content = new FormUrlEncodedContent(form) });
    }

    private static async Task<Resp> Open(Harness h, string extra = "")
    {
        var page = await h.Get(AuthorizeUrl(h, extra), auth: false);
        Assert.Equal(200, page.Code);
        Assert.StartsWith("text/html", page.Message.Content.Headers.ContentType?.ToString());
        Assert.Contains("Email <input", page.Raw);
        Assert.Contains("Password <input", page.Raw);
        Assert.Contains("<button>Continue</button>", page.Raw);
        Assert.DoesNotContain("<script", page.Raw, StringComparison.OrdinalIgnoreCase);
        return page;
    }

    private static Task<Resp> SignIn(Harness h, Resp page, string email, string password = Harness.Password) =>
        Submit(h, page, ("email", email), ("password", password));

    /// <summary>The code of a 302 to the redirect URI, with the state carried through unchanged.</summary>
    private static string CodeOf(Resp r)
    {
        Assert.Equal(302, r.Code);
        var location = r.Message.Headers.Location!.ToString();
        Assert.StartsWith(Redirect + "?", location);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(location).Query);
        Assert.Equal("s<1>", query["state"].ToString());
        return query["code"].ToString();
    }

    private static Task<Resp> Exchange(Harness h, string code, string? verifier = Verifier) => h.ExchangeCode(code, verifier);

    [Fact]
    public async Task Password_sign_in_redirects_with_a_pkce_bound_single_use_code()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("ana@example.com");
        var page = await Open(h);
        Assert.Equal("s<1>", Hidden(page.Raw)["state"]);
        Assert.Contains("value=\"s&lt;1&gt;\"", page.Raw); // echoed, HTML-encoded
        var code = CodeOf(await SignIn(h, page, "ana@example.com"));
        Assert.Equal("invalid_grant", (await Exchange(h, code, "wrong-verifier")).S("error")); // PKCE carried through the form
        var code2 = CodeOf(await SignIn(h, page, "ana@example.com"));
        var ok = await Exchange(h, code2);
        Assert.Equal(200, ok.Code);
        Assert.Equal("ana@example.com", ok.J["user"]!["email"]!.GetValue<string>());
        Assert.Equal("Password", ok.S("authentication_method"));
        Assert.Equal("invalid_grant", (await Exchange(h, code2)).S("error")); // single use
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_on_the_page_and_attempts_are_limited()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("bo@example.com");
        var page = await Open(h);
        var wrong = await SignIn(h, page, "bo@example.com", "not-the-password");
        Assert.Equal(401, wrong.Code);
        Assert.Contains("<p role=\"alert\">Wrong email or password.</p>", wrong.Raw);
        Assert.Contains("value=\"bo@example.com\"", wrong.Raw);
        Assert.Equal(Hidden(page.Raw)["redirect_uri"], Hidden(wrong.Raw)["redirect_uri"]);
        var statuses = new List<int>();
        for (var i = 0; i < 12; i++) statuses.Add((await SignIn(h, wrong, "bo@example.com", "nope")).Code);
        Assert.Contains(429, statuses); // the per-email authenticate limit applies to the page too
        Assert.DoesNotContain(500, statuses);
    }

    [Fact]
    public async Task Email_verification_asks_for_the_code_readable_through_emulate()
    {
        await using var h = await Harness.StartAsync();
        var user = await h.CreateUser("unv@example.com", verified: false);
        var step = await SignIn(h, await Open(h), "unv@example.com");
        Assert.Equal(200, step.Code);
        Assert.Contains("Verification code <input", step.Raw);
        var ev = await h.Get($"/_emulate/users/{user["id"]}/email_verification", auth: false);
        var good = ev.S("code")!;
        var bad = await Submit(h, step, ("code", good == "000000" ? "111111" : "000000"));
        Assert.Equal(400, bad.Code);
        Assert.Contains("role=\"alert\"", bad.Raw);
        Assert.Contains("Verification code <input", bad.Raw);
        var code = CodeOf(await Submit(h, bad, ("code", good)));
        var ok = await Exchange(h, code);
        Assert.Equal(200, ok.Code); // no second verification at the exchange
        Assert.True(ok.J["user"]!["email_verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Mfa_enrolment_shows_the_secret_and_qr_code_then_a_later_sign_in_is_challenged()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { MfaRequired = true });
        await h.CreateUser("mfa@example.com");
        var enrol = await SignIn(h, await Open(h), "mfa@example.com");
        Assert.Equal(200, enrol.Code);
        var secret = Regex.Match(enrol.Raw, "<code id=\"totp-secret\">([A-Z2-7]+)</code>").Groups[1].Value;
        Assert.NotEmpty(secret);
        Assert.Matches("<img id=\"totp-qr\" alt=\"[^\"]+\" src=\"data:image/png;base64,iVBORw0KGgo", enrol.Raw);
        Assert.Contains("Authentication code <input", enrol.Raw);
        var wrong = await Submit(h, enrol, ("code", h.WrongTotp(secret)));
        Assert.Equal(400, wrong.Code);
        Assert.Contains("role=\"alert\"", wrong.Raw);
        var code = CodeOf(await Submit(h, wrong, ("code", h.TotpNow(secret))));
        Assert.Equal(200, (await Exchange(h, code)).Code); // no second MFA at the exchange

        h.Clock.Advance(TimeSpan.FromSeconds(60)); // a new TOTP step: the last code is not accepted twice
        var challenge = await SignIn(h, await Open(h), "mfa@example.com");
        Assert.Equal(200, challenge.Code);
        Assert.Contains("Authentication code <input", challenge.Raw);
        Assert.DoesNotContain("totp-secret", challenge.Raw); // a challenge never shows the secret again
        Assert.Equal(200, (await Exchange(h, CodeOf(await Submit(h, challenge, ("code", h.TotpNow(secret)))))).Code);
    }

    [Fact]
    public async Task Organization_picker_has_one_button_per_organization_and_the_code_carries_the_choice()
    {
        await using var h = await Harness.StartAsync();
        var user = await h.CreateUser("orgs@example.com");
        var a = await h.CreateOrg("Acme <Corp>");
        var b = await h.CreateOrg("Beta");
        await h.AddMember(user["id"]!.GetValue<string>(), a);
        await h.AddMember(user["id"]!.GetValue<string>(), b);
        var picker = await SignIn(h, await Open(h), "orgs@example.com");
        Assert.Equal(200, picker.Code);
        Assert.Contains($"<button name=\"organization_id\" value=\"{a}\">Acme &lt;Corp&gt;</button>", picker.Raw);
        Assert.Contains($"<button name=\"organization_id\" value=\"{b}\">Beta</button>", picker.Raw);
        var foreign = await Submit(h, picker, ("organization_id", "org_not_mine"));
        Assert.Equal(400, foreign.Code);
        Assert.Contains("role=\"alert\"", foreign.Raw);
        var ok = await Exchange(h, CodeOf(await Submit(h, foreign, ("organization_id", b))));
        Assert.Equal(200, ok.Code);
        Assert.Equal(b, ok.S("organization_id"));
    }

    [Fact]
    public async Task Disallowed_redirect_uri_is_refused_before_the_page_and_on_post()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("evil@example.com");
        var url = AuthorizeUrl(h).Replace(Uri.EscapeDataString(Redirect), Uri.EscapeDataString("https://evil.example/cb"), StringComparison.Ordinal);
        var r = await h.Get(url, auth: false);
        Assert.Equal(400, r.Code);
        Assert.Equal("invalid_request", r.S("error"));
        Assert.DoesNotContain("<form", r.Raw);
        var page = await Open(h);
        var post = await Submit(h, page, ("email", "evil@example.com"), ("password", Harness.Password), ("redirect_uri", "https://evil.example/cb"));
        Assert.Equal(400, post.Code);
        Assert.Null(post.Message.Headers.Location);
    }

    [Fact]
    public async Task Login_hint_still_redirects_at_once()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("hint@example.com");
        var r = await h.Get(AuthorizeUrl(h, "&login_hint=hint%40example.com"), auth: false);
        Assert.Equal(200, (await Exchange(h, CodeOf(r))).Code);
    }

    [Fact]
    public async Task Hostile_form_input_is_a_4xx_never_a_500()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("x@example.com");
        var page = await Open(h);
        var duplicate = await h.Raw(new HttpRequestMessage(HttpMethod.Post, "/user_management/authorize")
        {
            Content = new StringContent("step=password&email=a&email=b", Encoding.UTF8, "application/x-www-form-urlencoded"),
        });
        Assert.Equal(400, duplicate.Code);
        Assert.Equal(400, (await Submit(h, page, ("step", "bogus"))).Code);
        Assert.Equal(400, (await h.Raw(new HttpRequestMessage(HttpMethod.Post, "/user_management/authorize")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["step"] = "totp", ["pending_authentication_token"] = "nope", ["code"] = "1" }),
        })).Code);
        var escaped = await SignIn(h, page, "<script>alert(1)</script>@x.io", "p");
        Assert.Equal(401, escaped.Code);
        Assert.DoesNotContain("<script>", escaped.Raw);
        Assert.Contains("&lt;script&gt;", escaped.Raw);
    }

    [Fact]
    public async Task A_page_pending_token_is_refused_by_the_api_grant()
    {
        await using var h = await Harness.StartAsync();
        var user = await h.CreateUser("bind@example.com", verified: false);
        var step = await SignIn(h, await Open(h), "bind@example.com");
        var ev = await h.Get($"/_emulate/users/{user["id"]}/email_verification", auth: false);
        var api = await h.Authenticate(new JsonObject
        {
            ["grant_type"] = "urn:workos:oauth:grant-type:email-verification:code",
            ["code"] = ev.S("code"),
            ["pending_authentication_token"] = Hidden(step.Raw)["pending_authentication_token"],
        });
        Assert.Equal("invalid_grant", api.S("error"));
    }
}
