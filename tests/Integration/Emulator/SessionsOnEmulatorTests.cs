using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration.Emulator;

/// <summary>
/// Sessions end to end against the emulator: refresh-token rotation and organization switching,
/// RevokeSession, the JWKS that verifies access tokens, the logout URL, and grants the server refuses.
/// </summary>
public sealed class SessionsOnEmulatorTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private const string Password = "correct-horse-1";
    private WorkOSClient Client => emu.Client;

    private Task<AuthenticateResponse> SignIn(string email) =>
        Run.Succ(
            from request in AuthenticateWithPasswordRequest.Create(emu.ClientId, email, Password).ToAff()
            from response in Client.AuthenticateWithPassword(request)
            select response);

    /// <summary>user_multi belongs to two organizations: sign in through the selection step, choosing <paramref name="orgId"/>.</summary>
    private async Task<AuthenticateResponse> SignInMulti(string orgId)
    {
        var step = Assert.IsType<SelectOrganizationStep>(await Run.Succ(
            Client.SignInWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create(emu.ClientId, "multi@example.com", Password)))));
        var org = step.Organizations.Find(o => o.Id == orgId).IfNone(() => throw new Xunit.Sdk.XunitException($"{orgId} not offered"));
        return Assert.IsType<SignedIn>(await Run.Succ(step.Select(org))).Response;
    }

    private Aff<AuthenticateResponse> Refresh(Secret refreshToken, string? organizationId = null) =>
        from request in AuthenticateWithRefreshTokenRequest.Create(emu.ClientId, refreshToken, organizationId).ToAff()
        from response in Client.AuthenticateWithRefreshToken(request)
        select response;

    private async Task AssertInvalidGrant<A>(Aff<A> aff)
    {
        var error = Assert.IsType<ApiError>(await Run.Fail(aff));
        Assert.Equal(400, error.Status);
        Assert.Equal("invalid_grant", error.ErrorCode);
    }

    // ---------------------------------------------------------------- JWT helpers (independent of the library)

    private static byte[] B64(string part) => Base64Url.DecodeFromChars(part);

    private static string[] Parts(Secret accessToken)
    {
        var parts = accessToken.Reveal().Split('.');
        Assert.Equal(3, parts.Length);
        return parts;
    }

    private static JsonElement Header(Secret accessToken) => JsonDocument.Parse(B64(Parts(accessToken)[0])).RootElement.Clone();

    private static JsonElement Claims(Secret accessToken) => JsonDocument.Parse(B64(Parts(accessToken)[1])).RootElement.Clone();

    private static string SessionId(AuthenticateResponse r) => Claims(r.AccessToken).GetProperty("sid").GetString()!;

    private static bool VerifyRs256(string token, JsonElement jwk)
    {
        var parts = token.Split('.');
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = B64(jwk.GetProperty("n").GetString()!),
            Exponent = B64(jwk.GetProperty("e").GetString()!),
        });
        return rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), B64(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private async Task<JsonElement> Jwks()
    {
        var url = Run.Valid(Client.GetJWKSURL(emu.ClientId));
        using var http = Bounded.Http();
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement KeyFor(JsonElement jwks, Secret accessToken)
    {
        var kid = Header(accessToken).GetProperty("kid").GetString();
        return jwks.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == kid);
    }

    // ---------------------------------------------------------------- refresh

    [Fact]
    public async Task Refresh_rotates_both_tokens_and_answers_the_full_response()
    {
        var first = await SignIn("plain@example.com");
        var second = await Run.Succ(Refresh(first.RefreshToken));

        Assert.False(second.AccessToken.IsEmpty);
        Assert.False(second.RefreshToken.IsEmpty);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal("user_plain", second.User.Id);
        Assert.Equal("plain@example.com", second.User.Email);
        Assert.Equal(SessionId(first), SessionId(second));
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_is_invalid_grant()
    {
        var first = await SignIn("plain@example.com");
        await Run.Succ(Refresh(first.RefreshToken));
        await AssertInvalidGrant(Refresh(first.RefreshToken));
    }

    [Fact]
    public async Task Refresh_with_organization_id_switches_the_session_to_that_organization()
    {
        var acme = await SignInMulti("org_acme");
        Assert.Equal(Some("org_acme"), acme.OrganizationId);

        var globex = await Run.Succ(Refresh(acme.RefreshToken, "org_globex"));
        Assert.Equal(Some("org_globex"), globex.OrganizationId);
        Assert.Equal("user_multi", globex.User.Id);
        Assert.Equal("org_globex", Claims(globex.AccessToken).GetProperty("org_id").GetString());
    }

    [Fact]
    public async Task Refresh_into_an_organization_the_user_is_not_a_member_of_is_invalid_grant()
    {
        var acme = await SignInMulti("org_acme");
        await AssertInvalidGrant(Refresh(acme.RefreshToken, "org_sso"));
    }

    // ---------------------------------------------------------------- revoke

    [Fact]
    public async Task Revoking_the_session_of_the_sid_claim_ends_its_refresh_token()
    {
        var signedIn = await SignIn("plain@example.com");
        var sid = SessionId(signedIn);
        Assert.StartsWith("session_", sid);

        await Run.Succ(
            from request in RevokeSessionRequest.Create(sid).ToAff()
            from _ in Client.RevokeSession(request)
            select unit);
        await AssertInvalidGrant(Refresh(signedIn.RefreshToken));
    }

    [Fact]
    public async Task Revoking_an_unknown_session_is_404()
    {
        var error = Assert.IsType<ApiError>(await Run.Fail(Client.RevokeSession(Run.Valid(RevokeSessionRequest.Create("session_does_not_exist")))));
        Assert.Equal(404, error.Status);
    }

    // ---------------------------------------------------------------- JWKS

    [Fact]
    public async Task The_JWKS_holds_the_key_of_the_access_token_and_its_RS256_signature_verifies()
    {
        var signedIn = await SignIn("plain@example.com");
        var header = Header(signedIn.AccessToken);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());

        var key = KeyFor(await Jwks(), signedIn.AccessToken);
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.True(VerifyRs256(signedIn.AccessToken.Reveal(), key));

        var claims = Claims(signedIn.AccessToken);
        Assert.Equal("user_plain", claims.GetProperty("sub").GetString());
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("sid").GetString()));
        Assert.EndsWith("/user_management/" + emu.ClientId, claims.GetProperty("iss").GetString());
    }

    [Fact]
    public async Task A_tampered_access_token_does_not_verify_with_the_JWKS_key()
    {
        var signedIn = await SignIn("plain@example.com");
        var key = KeyFor(await Jwks(), signedIn.AccessToken);
        var parts = Parts(signedIn.AccessToken);
        var claims = Claims(signedIn.AccessToken).GetRawText().Replace("user_plain", "user_multi");
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims))}.{parts[2]}";
        Assert.False(VerifyRs256(forged, key));
    }

    [Fact]
    public async Task The_JWKS_of_another_client_id_is_404()
    {
        var url = Run.Valid(Client.GetJWKSURL("client_someone_else"));
        using var http = Bounded.Http();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url)).StatusCode);
    }

    // ---------------------------------------------------------------- logout

    [Fact]
    public async Task The_logout_URL_redirects_to_return_to_and_ends_the_session()
    {
        var signedIn = await SignIn("plain@example.com");
        const string returnTo = "https://app.example/signed-out?x=1";
        var url = Run.Valid(
            from request in GetLogoutURLRequest.Create(SessionId(signedIn), returnTo)
            from built in Client.GetLogoutURL(request)
            select built);

        using var browser = Bounded.Browser();
        var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri(returnTo), response.Headers.Location);

        await AssertInvalidGrant(Refresh(signedIn.RefreshToken));
    }

    // ---------------------------------------------------------------- refused grants

    [Fact]
    public async Task A_password_grant_with_a_wrong_client_id_is_invalid_client()
    {
        var error = Assert.IsType<ApiError>(await Run.Fail(
            Client.AuthenticateWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create("client_wrong", "plain@example.com", Password)))));
        Assert.Equal(400, error.Status);
        Assert.Equal("invalid_client", error.ErrorCode);
    }

    [Fact]
    public async Task A_refresh_grant_with_a_wrong_client_id_is_invalid_client_and_leaves_the_token_usable()
    {
        var signedIn = await SignIn("plain@example.com");
        var error = Assert.IsType<ApiError>(await Run.Fail(
            Client.AuthenticateWithRefreshToken(Run.Valid(AuthenticateWithRefreshTokenRequest.Create("client_wrong", signedIn.RefreshToken)))));
        Assert.Equal("invalid_client", error.ErrorCode);
        await Run.Succ(Refresh(signedIn.RefreshToken));
    }
}
