using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using WorkOS.Functional.AspNetCore.Tests.Support;

namespace WorkOS.Functional.AspNetCore.Tests;

public sealed class BearerAndPolicyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<string> AccessToken(TestApp app, string email = "ana@example.com")
    {
        var request = AuthenticateWithPasswordRequest.Create(app.Emulator.ClientId, email, TestApp.Password).IfLeft(e => throw new InvalidOperationException(e.Message));
        var response = await app.Client.AuthenticateWithPassword(request).Run();
        return response.Match(Succ: r => r.AccessToken.Reveal(), Fail: e => throw new InvalidOperationException(e.Message));
    }

    private static async Task<HttpResponseMessage> Call(TestApp app, string path, string? authorization)
    {
        using var browser = app.Browser();
        return await browser.GetAsync(path, r => { if (authorization is not null) r.Headers.TryAddWithoutValidation("Authorization", authorization); });
    }

    private static void AssertInvalidToken(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", string.Join(",", answer.Headers.WwwAuthenticate.Select(h => h.ToString())));
    }

    [Fact]
    public async Task A_valid_bearer_token_gives_the_same_claims_without_email()
    {
        var app = fixture.App;
        var token = await AccessToken(app);

        var answer = await Call(app, "/api/me", $"Bearer {token}");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var me = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("user_ana", me.GetProperty("sub").GetString());
        Assert.Equal("user_ana", me.GetProperty("nameIdentifier").GetString());
        Assert.Equal("org_acme", me.GetProperty("org").GetString());
        Assert.StartsWith("session_", me.GetProperty("sid").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("email").ValueKind);
        Assert.Equal(["admin"], me.GetProperty("standardRoles").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("widgets:read", me.GetProperty("permissions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(token, me.GetProperty("accessToken").GetString());
        // The session scheme does not answer for the API: a cookie-less call with a token is not redirected anywhere.
        Assert.Null(answer.Headers.Location);
    }

    [Fact]
    public async Task No_token_is_a_plain_bearer_challenge()
    {
        var app = fixture.App;

        var answer = await Call(app, "/api/me", null);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("Bearer", string.Join(",", answer.Headers.WwwAuthenticate.Select(h => h.ToString())));
    }

    [Fact]
    public async Task A_tampered_token_is_refused_with_invalid_token()
    {
        var app = fixture.App;
        var token = await AccessToken(app);
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url(parts[1]))!;
        payload["org_id"] = JsonSerializer.SerializeToElement("org_globex");
        var forged = $"{parts[0]}.{Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";

        AssertInvalidToken(await Call(app, "/api/me", $"Bearer {forged}"));
        AssertInvalidToken(await Call(app, "/api/me", $"Bearer {parts[0]}.{parts[1]}."));
        AssertInvalidToken(await Call(app, "/api/me", "Bearer not-a-jwt"));
        var none = Convert.ToBase64String("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8.ToArray()).TrimEnd('=');
        AssertInvalidToken(await Call(app, "/api/me", $"Bearer {none}.{parts[1]}."));
        app.Logs.AssertNoneOf(token, forged, TestApp.CookiePassword);
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_invalid_token()
    {
        var app = fixture.App;
        var token = await AccessToken(app);
        Assert.Equal(HttpStatusCode.OK, (await Call(app, "/api/me", $"Bearer {token}")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(6));                  // 5 minutes of life + 30 s skew are over

        AssertInvalidToken(await Call(app, "/api/me", $"Bearer {token}"));
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused_with_invalid_token()
    {
        var app = fixture.App;
        var token = await AccessToken(app);

        // The "WrongIssuer" scheme expects the hosted API's issuer; the emulator's tokens name the emulator.
        AssertInvalidToken(await Call(app, "/api/strict", $"Bearer {token}"));
        Assert.Equal(HttpStatusCode.OK, (await Call(app, "/api/me", $"Bearer {token}")).StatusCode);
    }

    [Fact]
    public async Task The_JWKS_is_fetched_once_for_many_verifications()
    {
        var app = fixture.App;
        var tokens = new[] { await AccessToken(app), await AccessToken(app, "bo@example.com") };

        foreach (var token in tokens.Concat(tokens))
            Assert.Equal(HttpStatusCode.OK, (await Call(app, "/api/me", $"Bearer {token}")).StatusCode);

        var verifier = app.App.Services.GetRequiredService<WorkOSAuthRuntime>().Bearer(WorkOSAuthenticationDefaults.BearerScheme);
        Assert.Equal(1, verifier.KeySetFetches);
    }

    [Fact]
    public async Task Permission_and_role_policies_allow_and_forbid_on_both_schemes()
    {
        var app = fixture.App;
        using var ana = app.Browser();
        using var bo = app.Browser();
        await app.SignInAsync(ana);
        await app.SignInAsync(bo, "bo@example.com");

        Assert.Equal(HttpStatusCode.OK, (await ana.GetAsync("/can-read")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ana.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.GetAsync("/can-read")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public void Policy_helpers_refuse_an_empty_list()
    {
        var builder = new AuthorizationPolicyBuilder();
        Assert.Throws<ArgumentException>(() => builder.RequireWorkOSPermission());
        Assert.Throws<ArgumentException>(() => builder.RequireWorkOSRole(" "));
        var policy = builder.RequireWorkOSPermission("a:read", "b:write").Build();
        Assert.Equal(2, policy.Requirements.Count);                  // every permission is required, not any one
    }

    private static byte[] Base64Url(string s) =>
        Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/') + new string('=', (4 - s.Length % 4) % 4));
}
