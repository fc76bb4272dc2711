using System.Security.Cryptography;
using System.Text;
using System.Web;

namespace WorkOS.Functional.Emulator.Tests;

/// <summary>Issue items 2 and 3: single-use codes with replay revocation, no PKCE downgrade, refresh-token reuse.</summary>
public class StrictOAuthTests
{
    private const string Verifier = "dBjftJeZ4CVP-mJ92K9qh5mZ3D6ZbrnI6k0o-YH7yT0W";
    private static readonly string Challenge =
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<string> NewCode(Harness h, string email, bool pkce)
    {
        var url = $"/user_management/authorize?client_id={h.Emu.ClientId}&redirect_uri={Uri.EscapeDataString(SessionTests.Callback)}" +
                  $"&response_type=code&provider=authkit&login_hint={Uri.EscapeDataString(email)}" +
                  (pkce ? $"&code_challenge={Challenge}&code_challenge_method=S256" : "");
        var r = await h.Get(url, auth: false);
        Assert.Equal(302, r.Code);
        return HttpUtility.ParseQueryString(r.Message.Headers.Location!.Query)["code"]!;
    }

    private static Task<Resp> Exchange(Harness h, string code, string? verifier)
    {
        var o = new JsonObject { ["grant_type"] = "authorization_code", ["code"] = code };
        if (verifier is not null) o["code_verifier"] = verifier;
        return h.Authenticate(o);
    }

    [Fact]
    public async Task A_wrong_code_verifier_burns_the_code()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("c@example.com");
        var code = await NewCode(h, "c@example.com", pkce: true);
        Assert.Equal("invalid_grant", (await Exchange(h, code, "wrong-verifier-wrong-verifier-wrong-verifier")).S("error"));
        var right = await Exchange(h, code, Verifier);
        Assert.Equal(400, right.Code);
        Assert.Equal("invalid_grant", right.S("error"));
    }

    [Fact]
    public async Task A_missing_code_verifier_burns_the_code_too()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("c@example.com");
        var code = await NewCode(h, "c@example.com", pkce: true);
        Assert.Equal("invalid_grant", (await Exchange(h, code, null)).S("error"));
        Assert.Equal("invalid_grant", (await Exchange(h, code, Verifier)).S("error"));
    }

    [Fact]
    public async Task A_code_issued_without_a_challenge_rejects_a_code_verifier()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("c@example.com");
        var r = await Exchange(h, await NewCode(h, "c@example.com", pkce: false), Verifier);
        Assert.Equal(400, r.Code);
        Assert.Equal("invalid_grant", r.S("error"));
        Assert.Equal(200, (await Exchange(h, await NewCode(h, "c@example.com", pkce: false), null)).Code);
        Assert.Equal(200, (await Exchange(h, await NewCode(h, "c@example.com", pkce: true), Verifier)).Code);
    }

    [Fact]
    public async Task A_replayed_code_revokes_the_tokens_of_the_first_exchange()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("c@example.com");
        var code = await NewCode(h, "c@example.com", pkce: true);
        var first = await Exchange(h, code, Verifier);
        Assert.Equal(200, first.Code);
        var replay = await Exchange(h, code, Verifier);
        Assert.Equal(400, replay.Code);
        Assert.Equal("invalid_grant", replay.S("error"));
        Assert.Equal("invalid_grant", (await h.Refresh(first.S("refresh_token")!)).S("error"));
    }

    [Fact]
    public async Task A_replayed_code_also_revokes_a_step_up_the_first_exchange_started()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("unverified@example.com", verified: false);
        var code = await NewCode(h, "unverified@example.com", pkce: false);
        var first = await Exchange(h, code, null);
        Assert.Equal("email_verification_required", first.S("code"));
        var emailCode = (await h.Get($"/user_management/email_verification/{first.S("email_verification_id")}")).S("code")!;
        Assert.Equal("invalid_grant", (await Exchange(h, code, null)).S("error"));
        var late = await AuthFlowTests.EmailGrant(h, first.S("pending_authentication_token")!, emailCode);
        Assert.Equal(400, late.Code);
        Assert.Equal("invalid_grant", late.S("error"));
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_ends_the_session()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("r@example.com");
        var login = await h.PasswordLogin("r@example.com");
        var rotated = await h.Refresh(login.S("refresh_token")!);
        Assert.Equal(200, rotated.Code);
        var reuse = await h.Refresh(login.S("refresh_token")!);
        Assert.Equal(400, reuse.Code);
        Assert.Equal("invalid_grant", reuse.S("error"));
        var newer = await h.Refresh(rotated.S("refresh_token")!);
        Assert.Equal(400, newer.Code);
        Assert.Equal("invalid_grant", newer.S("error"));
        // another session of the same user is untouched
        var other = await h.PasswordLogin("r@example.com");
        Assert.Equal(200, (await h.Refresh(other.S("refresh_token")!)).Code);
    }

    [Fact]
    public async Task Concurrent_refreshes_of_one_token_exactly_one_succeeds()
    {
        await using var h = await Harness.StartAsync();
        await h.CreateUser("race@example.com");
        var token = (await h.PasswordLogin("race@example.com")).S("refresh_token")!;
        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => h.Refresh(token))))
            .WaitAsync(TimeSpan.FromSeconds(60));
        var winner = Assert.Single(results, r => r.Code == 200);
        Assert.All(results.Where(r => r.Code != 200), r => Assert.Equal("invalid_grant", r.S("error")));
        // the losers reused a rotated token, which ends the session: the winner's token is dead too
        Assert.Equal("invalid_grant", (await h.Refresh(winner.S("refresh_token")!)).S("error"));
    }
}
