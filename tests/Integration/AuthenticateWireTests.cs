using System.Text.Json;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>
/// The seven authenticate grants, RevokeSession and the URL builders over real loopback HTTP: the exact wire
/// request (no Authorization header, client_secret in the body), the decoded answer, and step-up errors.
/// </summary>
public sealed class AuthenticateWireTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    private const string ApiKey = "sk_test_grants";

    private const string UserJson = """
        {"object":"user","id":"user_01H","email":"ana@example.com","first_name":"Ana","last_name":null,"email_verified":true,
         "profile_picture_url":null,"last_sign_in_at":null,"external_id":null,"metadata":{},"created_at":"2024-01-01T00:00:00.000Z",
         "updated_at":"2024-02-01T00:00:00.000Z"}
        """;

    private const string AuthJson = $$"""
        {"user":{{UserJson}},"organization_id":"org_01A","access_token":"at_s3cr3tACCESS","refresh_token":"rt_s3cr3tREFRESH",
         "authentication_method":"Password","impersonator":null}
        """;

    private LoopbackServer Server => fixture.Server;

    private WorkOSClient Client => Server.Client(ApiKey);

    /// <summary>The common wire shape of a grant and the decoded common answer.</summary>
    private void AssertGrant(string expectedBody, AuthenticateResponse response)
    {
        var req = Server.Last;
        Assert.Equal("POST", req.Method);
        Assert.Equal("/user_management/authenticate", req.PathAndQuery);
        Assert.Null(req.Header("authorization"));
        Assert.StartsWith("application/json", req.Header("content-type"));
        Assert.StartsWith("workos-functional/", req.Header("user-agent"));
        Assert.Equal(expectedBody, req.Body);
        Assert.Equal("user_01H", response.User.Id);
        Assert.Equal(Some("org_01A"), response.OrganizationId);
        Assert.Equal("at_s3cr3tACCESS", response.AccessToken.Reveal());
        Assert.Equal("rt_s3cr3tREFRESH", response.RefreshToken.Reveal());
        Assert.DoesNotContain("s3cr3t", response.ToString());
    }

    [Fact]
    public async Task AuthenticateWithPassword_posts_the_credentials_and_the_api_key_in_the_body()
    {
        Server.Respond(Reply.Json(200, AuthJson));
        var response = await Run.Succ(Client.AuthenticateWithPassword(Run.Valid(
            AuthenticateWithPasswordRequest.Create("client_01HX", "ana@example.com", "S3cure!pass", "203.0.113.9"))));
        AssertGrant("""{"client_id":"client_01HX","email":"ana@example.com","password":"S3cure!pass","ip_address":"203.0.113.9","client_secret":"sk_test_grants","grant_type":"password"}""", response);
        Assert.Equal(Some(AuthenticationMethod.Password), response.AuthenticationMethod);
    }

    [Fact]
    public async Task AuthenticateWithPassword_sends_the_optional_v6_3_keys_when_given()
    {
        Server.Respond(Reply.Json(200, AuthJson));
        var response = await Run.Succ(Client.AuthenticateWithPassword(Run.Valid(
            AuthenticateWithPasswordRequest.Create("client_01HX", "ana@example.com", "S3cure!pass",
                invitationToken: "inv_tok_s3cr3t", deviceId: "device_42", signalsId: "signals_7"))));
        AssertGrant("""{"client_id":"client_01HX","email":"ana@example.com","password":"S3cure!pass","invitation_token":"inv_tok_s3cr3t","device_id":"device_42","signals_id":"signals_7","client_secret":"sk_test_grants","grant_type":"password"}""", response);
    }

    [Fact]
    public async Task AuthenticateWithCode_sends_the_code_and_PKCE_verifier()
    {
        Server.Respond(Reply.Json(200, AuthJson));
        var response = await Run.Succ(Client.AuthenticateWithCode(Run.Valid(
            AuthenticateWithCodeRequest.Create("client_1", "01E2RJ4C05B52KKZ8FSRDAP23J", "verifier_abc", userAgent: "Mozilla/5.0"))));
        AssertGrant("""{"client_id":"client_1","code":"01E2RJ4C05B52KKZ8FSRDAP23J","code_verifier":"verifier_abc","user_agent":"Mozilla/5.0","client_secret":"sk_test_grants","grant_type":"authorization_code"}""", response);
    }

    [Fact]
    public async Task AuthenticateWithRefreshToken_returns_the_full_authenticate_response()
    {
        Server.Respond(Reply.Json(200, $$$"""
            {"user":{{{UserJson}}},"organization_id":"org_01A","access_token":"at_s3cr3tACCESS",
             "refresh_token":"rt_s3cr3tREFRESH","authentication_method":"GoogleOAuth",
             "impersonator":{"email":"admin@workos.com","reason":"ticket 42"},
             "oauth_tokens":{"access_token":"ya29_s3cr3t","refresh_token":"1//s3cr3t","scopes":["email"],"expires_at":1735689600,"provider":"GoogleOAuth"}}
            """));
        var response = await Run.Succ(Client.AuthenticateWithRefreshToken(Run.Valid(
            AuthenticateWithRefreshTokenRequest.Create("client_1", Secret.Of("rt_old"), organizationId: "org_01A"))));
        AssertGrant("""{"client_id":"client_1","refresh_token":"rt_old","organization_id":"org_01A","client_secret":"sk_test_grants","grant_type":"refresh_token"}""", response);
        Assert.Equal(Some(new Impersonator("admin@workos.com", Some("ticket 42"))), response.Impersonator);
        Assert.Equal(Some(1735689600L), response.OAuthTokens.Map(static t => t.ExpiresAt));
        Assert.Equal(Some("ya29_s3cr3t"), response.OAuthTokens.Map(static t => t.AccessToken.Reveal()));
    }

    [Fact]
    public async Task AuthenticateWithMagicAuth_sends_code_email_and_link_code()
    {
        Server.Respond(Reply.Json(200, AuthJson));
        var response = await Run.Succ(Client.AuthenticateWithMagicAuth(Run.Valid(
            AuthenticateWithMagicAuthRequest.Create("client_1", "123456", "ana@example.com", linkAuthorizationCode: "link_1"))));
        AssertGrant("""{"client_id":"client_1","code":"123456","email":"ana@example.com","link_authorization_code":"link_1","client_secret":"sk_test_grants","grant_type":"urn:workos:oauth:grant-type:magic-auth:code"}""", response);
    }

    [Fact]
    public async Task AuthenticateWithTOTP_keeps_Go_s_key_order()
    {
        Server.Respond(Reply.Json(200, AuthJson));
        var response = await Run.Succ(Client.AuthenticateWithTOTP(Run.Valid(
            AuthenticateWithTOTPRequest.Create("client_1", "654321", "ptok_2", "auth_challenge_01", ipAddress: "198.51.100.7"))));
        AssertGrant("""{"client_id":"client_1","code":"654321","ip_address":"198.51.100.7","pending_authentication_token":"ptok_2","authentication_challenge_id":"auth_challenge_01","client_secret":"sk_test_grants","grant_type":"urn:workos:oauth:grant-type:mfa-totp"}""", response);
    }

    [Fact]
    public async Task AuthenticateWithEmailVerificationCode_sends_code_and_pending_token()
    {
        Server.Respond(Reply.Json(200, AuthJson));
        var response = await Run.Succ(Client.AuthenticateWithEmailVerificationCode(Run.Valid(
            AuthenticateWithEmailVerificationCodeRequest.Create("client_1", "112233", "ptok_1"))));
        AssertGrant("""{"client_id":"client_1","code":"112233","pending_authentication_token":"ptok_1","client_secret":"sk_test_grants","grant_type":"urn:workos:oauth:grant-type:email-verification:code"}""", response);
    }

    [Fact]
    public async Task AuthenticateWithOrganizationSelection_sends_pending_token_and_organization()
    {
        Server.Respond(Reply.Json(200, AuthJson));
        var response = await Run.Succ(Client.AuthenticateWithOrganizationSelection(Run.Valid(
            AuthenticateWithOrganizationSelectionRequest.Create("client_1", "ptok_3", "org_01A"))));
        AssertGrant("""{"client_id":"client_1","pending_authentication_token":"ptok_3","organization_id":"org_01A","client_secret":"sk_test_grants","grant_type":"urn:workos:oauth:grant-type:organization-selection"}""", response);
    }

    [Fact]
    public async Task A_403_mfa_challenge_to_a_password_sign_in_is_MfaChallengeRequired_with_its_token()
    {
        Server.Respond(Reply.Json(403, $$"""
            {"code":"mfa_challenge","message":"The user must complete an MFA challenge.","pending_authentication_token":"ptok_s3cr3tMFA",
             "user":{{UserJson}},"authentication_factors":[{"id":"auth_factor_01","type":"totp"}]}
            """, ("X-Request-ID", "req_mfa")));
        var error = await Run.Fail(Client.AuthenticateWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create("client_1", "ana@example.com", "pw"))));

        var mfa = Assert.IsType<MfaChallengeRequired>(error);
        Assert.Equal("ptok_s3cr3tMFA", mfa.PendingAuthenticationToken.Reveal());
        Assert.Equal("user_01H", mfa.User.Id);
        Assert.Equal(Seq1(new AuthenticationFactorRef("auth_factor_01", FactorType.Totp)), mfa.AuthenticationFactors);
        Assert.Equal(403, mfa.Status);
        Assert.Equal("req_mfa", mfa.RequestId);
        Assert.Equal(ErrorCodes.MfaChallengeRequired, mfa.Code);
        Assert.DoesNotContain("s3cr3t", mfa.ToString());
    }

    [Fact]
    public async Task A_400_invalid_grant_is_an_ApiError_with_ErrorCode_invalid_grant()
    {
        Server.Respond(Reply.Json(400, """{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}"""));
        var error = await Run.Fail(Client.AuthenticateWithRefreshToken(Run.Valid(AuthenticateWithRefreshTokenRequest.Create("client_1", "rt_old"))));

        var api = Assert.IsType<ApiError>(error);
        Assert.Equal(400, api.Status);
        Assert.Equal("invalid_grant", api.ErrorCode);
        Assert.Equal("invalid_grant The refresh token is invalid or expired.", api.Message);
    }

    [Fact]
    public async Task A_400_invalid_credentials_is_an_ApiError_with_its_code()
    {
        Server.Respond(Reply.Json(400, """{"code":"invalid_credentials","message":"Invalid credentials."}"""));
        var api = Assert.IsType<ApiError>(await Run.Fail(Client.AuthenticateWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create("client_1", "ana@example.com", "wrong")))));
        Assert.Equal("invalid_credentials", api.ErrorCode);
    }

    [Fact]
    public async Task Email_verification_step_up_then_its_follow_up_grant_carries_the_token_unrevealed()
    {
        Server.Respond(r => r.Body.Contains("\"grant_type\":\"password\"")
            ? Reply.Json(403, """{"code":"email_verification_required","message":"Email ownership must be verified.","pending_authentication_token":"ptok_s3cr3tEV","email":"ana@example.com","email_verification_id":"email_verification_01"}""")
            : Reply.Json(200, AuthJson));
        var flow = Client.AuthenticateWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create("client_1", "ana@example.com", "pw")))
            | @catchOf<EmailVerificationRequired, AuthenticateResponse>(step =>
                from req in AuthenticateWithEmailVerificationCodeRequest.Create("client_1", "424242", step.PendingAuthenticationToken).ToAff()
                from res in Client.AuthenticateWithEmailVerificationCode(req)
                select res);

        var response = await Run.Succ(flow);
        Assert.Equal("user_01H", response.User.Id);
        Assert.Equal(2, Server.Requests.Count);
        var followUp = JsonDocument.Parse(Server.Last.Body).RootElement;
        Assert.Equal("ptok_s3cr3tEV", followUp.GetProperty("pending_authentication_token").GetString());
        Assert.Equal("urn:workos:oauth:grant-type:email-verification:code", followUp.GetProperty("grant_type").GetString());
    }

    [Fact]
    public async Task Organization_selection_step_up_then_its_follow_up_grant()
    {
        Server.Respond(r => r.Body.Contains("\"grant_type\":\"authorization_code\"")
            ? Reply.Json(403, $$"""{"code":"organization_selection_required","message":"Pick one.","pending_authentication_token":"ptok_3","user":{{UserJson}},"organizations":[{"id":"org_01A","name":"Foo Corp"},{"id":"org_01B","name":"Bar Corp"}]}""")
            : Reply.Json(200, AuthJson));
        var flow = Client.AuthenticateWithCode(Run.Valid(AuthenticateWithCodeRequest.Create("client_1", "code_1")))
            | @catchOf<OrganizationSelectionRequired, AuthenticateResponse>(step =>
                from req in AuthenticateWithOrganizationSelectionRequest.Create("client_1", step.PendingAuthenticationToken, step.Organizations.Head.Id).ToAff()
                from res in Client.AuthenticateWithOrganizationSelection(req)
                select res);

        await Run.Succ(flow);
        Assert.Equal("""{"client_id":"client_1","pending_authentication_token":"ptok_3","organization_id":"org_01A","client_secret":"sk_test_grants","grant_type":"urn:workos:oauth:grant-type:organization-selection"}""", Server.Last.Body);
    }

    [Fact]
    public async Task A_non_JSON_200_to_a_grant_is_a_DecodeError()
    {
        Server.Respond(new Reply(200, "<html>sign in</html>", "text/html"));
        var decode = Assert.IsType<DecodeError>(await Run.Fail(Client.AuthenticateWithCode(Run.Valid(AuthenticateWithCodeRequest.Create("client_1", "code_1")))));
        Assert.Equal("AuthenticateResponse", decode.What);
    }

    [Fact]
    public async Task RevokeSession_is_a_bearer_POST_with_the_session_id_and_ignores_the_body()
    {
        Server.Respond(Reply.Json(200, "not even json"));
        var result = await Run.Succ(Client.RevokeSession(Run.Valid(RevokeSessionRequest.Create("session_01H"))));

        Assert.Equal(unit, result);
        var req = Server.Last;
        Assert.Equal("POST", req.Method);
        Assert.Equal("/user_management/sessions/revoke", req.PathAndQuery);
        Assert.Equal("Bearer sk_test_grants", req.Header("authorization"));
        Assert.Equal("""{"session_id":"session_01H"}""", req.Body);
    }

    [Fact]
    public async Task RevokeSession_of_an_unknown_session_is_a_404_ApiError()
    {
        Server.Respond(Reply.Json(404, """{"code":"entity_not_found","message":"Session not found"}"""));
        var api = Assert.IsType<ApiError>(await Run.Fail(Client.RevokeSession(Run.Valid(RevokeSessionRequest.Create("session_x")))));
        Assert.Equal(404, api.Status);
    }

    [Fact]
    public void The_URL_builders_use_the_client_s_base_url_and_send_nothing()
    {
        Server.Respond(Reply.Json(500, "{}"));
        var baseUrl = Server.BaseUrl.AbsoluteUri.TrimEnd('/');
        var authorize = Run.Valid(Client.GetAuthorizationURL(Run.Valid(GetAuthorizationURLRequest.Create("client_123", "https://example.com/cb", provider: Provider.AuthKit, state: "s t"))));
        var logout = Run.Valid(Client.GetLogoutURL(Run.Valid(GetLogoutURLRequest.Create("session_123", "https://your-app.com"))));
        var jwks = Run.Valid(Client.GetJWKSURL("client_123"));

        Assert.Equal($"{baseUrl}/user_management/authorize?client_id=client_123&provider=authkit&redirect_uri=https%3A%2F%2Fexample.com%2Fcb&response_type=code&state=s+t", authorize.AbsoluteUri);
        Assert.Equal($"{baseUrl}/user_management/sessions/logout?return_to=https%3A%2F%2Fyour-app.com&session_id=session_123", logout.AbsoluteUri);
        Assert.Equal($"{baseUrl}/sso/jwks/client_123", jwks.AbsoluteUri);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task The_JWKS_URL_is_fetchable_without_credentials()
    {
        Server.Respond(Reply.Json(200, """{"keys":[{"kty":"RSA","kid":"key_1"}]}"""));
        var jwks = Run.Valid(Client.GetJWKSURL("client_123"));
        using var http = Bounded.Http();
        var body = await http.GetStringAsync(jwks);
        Assert.Contains("key_1", body);
        Assert.Equal("/sso/jwks/client_123", Server.Last.PathAndQuery);
    }
}
