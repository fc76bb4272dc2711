using System.Security.Cryptography;
using System.Text;
using System.Web;

namespace WorkOS.Functional.Emulator.Tests;

public class SessionTests
{
    private static string Sid(Resp r) =>
        JsonNode.Parse(AuthFlowTests.B64(r.S("access_token")!.Split('.')[1]))!["sid"]!.GetValue<string>();

    [Fact]
    public async Task Refresh_rotates_and_reuse_is_invalid_grant()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("r@example.com");
        var login = await h.PasswordLogin("r@example.com");
        var first = login.S("refresh_token")!;
        var r1 = await h.Refresh(first);
        Assert.Equal(200, r1.Code);
        Assert.NotEqual(first, r1.S("refresh_token"));
        Assert.Equal("r@example.com", r1.J["user"]!["email"]!.GetValue<string>());
        Assert.Equal("Password", r1.S("authentication_method"));
        Assert.Equal(Sid(login), Sid(r1));
        var reuse = await h.Refresh(first);
        Assert.Equal(400, reuse.Code);
        Assert.Equal("invalid_grant", reuse.S("error"));
        // the reuse ended the session: the newer token is dead too (see StrictOAuthTests)
        Assert.Equal("invalid_grant", (await h.Refresh(r1.S("refresh_token")!)).S("error"));
        Assert.Equal("invalid_grant", (await h.Refresh("garbage")).S("error"));
        Assert.Equal("invalid_request", (await h.Authenticate(new JsonObject { ["grant_type"] = "refresh_token" })).S("error"));
    }

    [Fact]
    public async Task Refresh_can_switch_to_another_membership_only()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("sw@example.com");
        var id = u["id"]!.GetValue<string>();
        var a = await h.CreateOrg("A");
        var b = await h.CreateOrg("B");
        var other = await h.CreateOrg("Other");
        await h.AddMember(id, a);
        var login = await h.PasswordLogin("sw@example.com");
        Assert.Equal(a, login.S("organization_id"));
        await h.AddMember(id, b, "admin");
        var bad = await h.Refresh(login.S("refresh_token")!, other);
        Assert.Equal(400, bad.Code);
        var switched = await h.Refresh(login.S("refresh_token")!, b);
        Assert.Equal(200, switched.Code);
        Assert.Equal(b, switched.S("organization_id"));
        var claims = JsonNode.Parse(AuthFlowTests.B64(switched.S("access_token")!.Split('.')[1]))!;
        Assert.Equal(b, claims["org_id"]!.GetValue<string>());
        Assert.Equal("admin", claims["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoke_session_ends_refresh()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("rv@example.com");
        var login = await h.PasswordLogin("rv@example.com");
        var revoke = await h.Post("/user_management/sessions/revoke", new { session_id = Sid(login) });
        Assert.Equal(200, revoke.Code);
        Assert.Equal("invalid_grant", (await h.Refresh(login.S("refresh_token")!)).S("error"));
        Assert.Equal(404, (await h.Post("/user_management/sessions/revoke", new { session_id = "session_nope" })).Code);
        Assert.Equal(400, (await h.Post("/user_management/sessions/revoke", new { })).Code);
        Assert.Equal(401, (await h.Post("/user_management/sessions/revoke", new { session_id = Sid(login) }, auth: false)).Code);
    }

    [Fact]
    public async Task Logout_redirects_to_return_to_and_ends_session()
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { LogoutRedirectUris = ["https://app.test/bye"] });
        await h.CreateUser("lo@example.com");
        var login = await h.PasswordLogin("lo@example.com");
        var r = await h.Get($"/user_management/sessions/logout?return_to={Uri.EscapeDataString("https://app.test/bye")}&session_id={Sid(login)}", auth: false);
        Assert.Equal(302, r.Code);
        Assert.Equal("https://app.test/bye", r.Message.Headers.Location!.ToString());
        Assert.Equal("invalid_grant", (await h.Refresh(login.S("refresh_token")!)).S("error"));

        var login2 = await h.PasswordLogin("lo@example.com");
        Assert.Equal(200, (await h.Get($"/user_management/sessions/logout?session_id={Sid(login2)}", auth: false)).Code);
        Assert.Equal(422, (await h.Get("/user_management/sessions/logout", auth: false)).Code);
    }

    internal const string Callback = "http://localhost:3000/callback";

    private static string AuthorizeUrl(Harness h, string extra) =>
        $"/user_management/authorize?client_id={h.Emu.ClientId}&redirect_uri={Uri.EscapeDataString(Callback)}&response_type=code&{extra}";

    private static string CodeFrom(Resp r, out string? state)
    {
        Assert.Equal(302, r.Code);
        var loc = r.Message.Headers.Location!;
        Assert.StartsWith(Callback + "?", loc.ToString());
        var q = HttpUtility.ParseQueryString(loc.Query);
        state = q["state"];
        return q["code"]!;
    }

    private static Task<Resp> Exchange(Harness h, string code, string? verifier = null)
    {
        var o = new JsonObject { ["grant_type"] = "authorization_code", ["code"] = code };
        if (verifier is not null) o["code_verifier"] = verifier;
        return h.Authenticate(o);
    }

    [Fact]
    public async Task Authorize_redirects_with_code_and_state_and_code_is_single_use()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("oauth@example.com");
        var r = await h.Get(AuthorizeUrl(h, "provider=GoogleOAuth&state=custom+state&login_hint=oauth%40example.com"), auth: false);
        var code = CodeFrom(r, out var state);
        Assert.Equal("custom state", state);
        var ok = await Exchange(h, code);
        Assert.Equal(200, ok.Code);
        Assert.Equal("GoogleOAuth", ok.S("authentication_method"));
        Assert.Equal("invalid_grant", (await Exchange(h, code)).S("error"));
        Assert.Equal("invalid_grant", (await Exchange(h, "bogus")).S("error"));
    }

    [Fact]
    public async Task Authorization_code_expires_after_ten_minutes()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("exp@example.com");
        var code = CodeFrom(await h.Get(AuthorizeUrl(h, "connection_id=conn_1&login_hint=exp%40example.com"), auth: false), out _);
        h.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal("invalid_grant", (await Exchange(h, code)).S("error"));
    }

    [Fact]
    public async Task Pkce_s256_success_and_failures()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("pkce@example.com");
        var verifier = "dBjftJeZ4CVP-mJ92K9qh5mZ3D6ZbrnI6k0o-YH7yT0W";
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var url = AuthorizeUrl(h, $"provider=authkit&login_hint=pkce%40example.com&code_challenge={challenge}&code_challenge_method=S256");
        Task<string> NewCode() => h.Get(url, auth: false).ContinueWith(t => CodeFrom(t.Result, out _));
        var missing = await Exchange(h, await NewCode());
        Assert.Equal(400, missing.Code);
        Assert.Equal("invalid_grant", missing.S("error"));
        Assert.Equal("invalid_grant", (await Exchange(h, await NewCode(), "wrong-verifier")).S("error"));
        var code = await NewCode();
        Assert.Equal(200, (await Exchange(h, code, verifier)).Code);
    }

    [Theory]
    [InlineData("redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcb&response_type=code&provider=GoogleOAuth&login_hint=a%40example.com", "invalid_request")]
    [InlineData("client_id=client_emulator&response_type=code&provider=GoogleOAuth&login_hint=a%40example.com", "invalid_request")]
    [InlineData("client_id=client_other&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcb&response_type=code&provider=GoogleOAuth&login_hint=a%40example.com", "invalid_client")]
    [InlineData("client_id=client_emulator&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcb&response_type=code&login_hint=a%40example.com", "invalid_request")]
    [InlineData("client_id=client_emulator&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcb&response_type=token&provider=GoogleOAuth&login_hint=a%40example.com", "unsupported_response_type")]
    [InlineData("client_id=client_emulator&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcb&response_type=code&provider=GoogleOAuth", "invalid_request")]
    [InlineData("client_id=client_emulator&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcb&response_type=code&provider=GoogleOAuth&login_hint=ghost%40example.com", "invalid_request")]
    [InlineData("client_id=client_emulator&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcb&response_type=code&provider=GoogleOAuth&screen_hint=sign-up&login_hint=a%40example.com", "invalid_request")]
    public async Task Authorize_validation_is_400(string query, string error)
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("a@example.com");
        var r = await h.Get("/user_management/authorize?" + query, auth: false);
        Assert.Equal(400, r.Code);
        Assert.Equal(error, r.S("error"));
    }

    [Fact]
    public async Task Authorize_with_organization_scopes_and_skips_selection()
    {
        await using var h = await Harness.StartAsync();
        var u = await h.CreateUser("org@example.com");
        var id = u["id"]!.GetValue<string>();
        var a = await h.CreateOrg("A");
        var b = await h.CreateOrg("B");
        await h.AddMember(id, a);
        await h.AddMember(id, b);
        var code = CodeFrom(await h.Get(AuthorizeUrl(h, $"organization_id={b}&login_hint=org%40example.com"), auth: false), out _);
        var ok = await Exchange(h, code);
        Assert.Equal(200, ok.Code);
        Assert.Equal(b, ok.S("organization_id"));
        Assert.Equal("SSO", ok.S("authentication_method"));
    }

    [Fact]
    public async Task Code_exchange_runs_step_up_chain()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("unv@example.com", verified: false);
        var code = CodeFrom(await h.Get(AuthorizeUrl(h, "provider=GitHubOAuth&login_hint=unv%40example.com"), auth: false), out _);
        var r = await Exchange(h, code);
        Assert.Equal(403, r.Code);
        Assert.Equal("email_verification_required", r.S("code"));
    }
}
