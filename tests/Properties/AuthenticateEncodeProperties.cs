using System.Text.Json;

namespace WorkOS.Functional.Properties;

/// <summary>
/// Each grant encodes to <c>POST /user_management/authenticate</c> with no Authorization header and the body of
/// the spec §2.2 table: the grant's keys in Go order (always/omit-if-empty), then <c>client_secret</c> = the API key
/// and <c>grant_type</c>. RevokeSession is a bearer POST with <c>{"session_id": …}</c>.
/// </summary>
public sealed class AuthenticateEncodeProperties
{
    private static readonly Secret ApiKey = Secret.Of("sk_test_grants");

    /// <summary>
    /// Checks the shape shared by all grants. <paramref name="order"/> is the spec's key order of the grant's own
    /// fields; <paramref name="values"/> holds the expected value of every key that must be present (null = omitted).
    /// </summary>
    private static Property Grant(HttpRequestSpec spec, string grantType, string[] order, params (string Key, string? Value)[] values)
    {
        var expectedKeys = order.Where(k => values.Single(v => v.Key == k).Value is not null).Append("client_secret").Append("grant_type").ToArray();
        var doc = JsonDocument.Parse(T.Body(spec)).RootElement;
        var valuesOk = values.Where(static v => v.Value is not null).All(v => doc.GetProperty(v.Key).GetString() == v.Value);
        return (spec.Method == HttpMethod.Post
                && spec.RenderPathAndQuery() == "/user_management/authenticate"
                && spec.Auth is Auth.NoHeader
                && T.Keys(spec).SequenceEqual(expectedKeys)
                && valuesOk
                && doc.GetProperty("client_secret").GetString() == ApiKey.Reveal()
                && doc.GetProperty("grant_type").GetString() == grantType)
            .Label(T.Body(spec));
    }

    /// <summary>What an optional input puts on the wire: nothing when unset or empty.</summary>
    private static string? Sent(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Gen<(string? Ip, string? Ua)> Forwarded =>
        from ip in WorkOSValues.MaybeText from ua in WorkOSValues.MaybeText select (ip, ua);

    [Property]
    public Property Password_grant_body() =>
        Prop.ForAll(WorkOSValues.Email.ToArbitrary(), WorkOSValues.SecretValue.ToArbitrary(), Forwarded.ToArbitrary(), (email, password, f) =>
            Grant(Encode.AuthenticateWithPassword(T.Valid(AuthenticateWithPasswordRequest.Create("client_1", email, password, f.Ip, f.Ua)), ApiKey),
                "password", ["client_id", "email", "password", "ip_address", "user_agent"],
                ("client_id", "client_1"), ("email", email), ("password", password), ("ip_address", Sent(f.Ip)), ("user_agent", Sent(f.Ua))));

    [Property]
    public Property Code_grant_body() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), WorkOSValues.MaybeText.ToArbitrary(), Forwarded.ToArbitrary(), (code, verifier, f) =>
            Grant(Encode.AuthenticateWithCode(T.Valid(AuthenticateWithCodeRequest.Create("client_1", code, verifier, f.Ip, f.Ua)), ApiKey),
                "authorization_code", ["client_id", "code", "code_verifier", "ip_address", "user_agent"],
                ("client_id", "client_1"), ("code", code), ("code_verifier", Sent(verifier)), ("ip_address", Sent(f.Ip)), ("user_agent", Sent(f.Ua))));

    [Property]
    public Property RefreshToken_grant_body() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), WorkOSValues.MaybeText.ToArbitrary(), Forwarded.ToArbitrary(), (token, org, f) =>
            Grant(Encode.AuthenticateWithRefreshToken(T.Valid(AuthenticateWithRefreshTokenRequest.Create("client_1", token, org, f.Ip, f.Ua)), ApiKey),
                "refresh_token", ["client_id", "refresh_token", "organization_id", "ip_address", "user_agent"],
                ("client_id", "client_1"), ("refresh_token", token), ("organization_id", Sent(org)), ("ip_address", Sent(f.Ip)), ("user_agent", Sent(f.Ua))));

    [Property]
    public Property MagicAuth_grant_body() =>
        Prop.ForAll((from code in WorkOSValues.SecretValue from email in WorkOSValues.Email select (code, email)).ToArbitrary(), WorkOSValues.MaybeText.ToArbitrary(), Forwarded.ToArbitrary(), (x, link, f) =>
            Grant(Encode.AuthenticateWithMagicAuth(T.Valid(AuthenticateWithMagicAuthRequest.Create("client_1", x.code, x.email, link, f.Ip, f.Ua)), ApiKey),
                "urn:workos:oauth:grant-type:magic-auth:code", ["client_id", "code", "email", "link_authorization_code", "ip_address", "user_agent"],
                ("client_id", "client_1"), ("code", x.code), ("email", x.email), ("link_authorization_code", Sent(link)), ("ip_address", Sent(f.Ip)), ("user_agent", Sent(f.Ua))));

    [Property]
    public Property TOTP_grant_body_puts_ip_and_user_agent_before_the_pending_token() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), WorkOSValues.Id("auth_challenge_").ToArbitrary(), Forwarded.ToArbitrary(), (token, challenge, f) =>
            Grant(Encode.AuthenticateWithTOTP(T.Valid(AuthenticateWithTOTPRequest.Create("client_1", "123456", token, challenge, f.Ip, f.Ua)), ApiKey),
                "urn:workos:oauth:grant-type:mfa-totp", ["client_id", "code", "ip_address", "user_agent", "pending_authentication_token", "authentication_challenge_id"],
                ("client_id", "client_1"), ("code", "123456"), ("ip_address", Sent(f.Ip)), ("user_agent", Sent(f.Ua)),
                ("pending_authentication_token", token), ("authentication_challenge_id", challenge)));

    [Property]
    public Property EmailVerificationCode_grant_body() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), WorkOSValues.SecretValue.ToArbitrary(), Forwarded.ToArbitrary(), (code, token, f) =>
            Grant(Encode.AuthenticateWithEmailVerificationCode(T.Valid(AuthenticateWithEmailVerificationCodeRequest.Create("client_1", code, token, f.Ip, f.Ua)), ApiKey),
                "urn:workos:oauth:grant-type:email-verification:code", ["client_id", "code", "pending_authentication_token", "ip_address", "user_agent"],
                ("client_id", "client_1"), ("code", code), ("pending_authentication_token", token), ("ip_address", Sent(f.Ip)), ("user_agent", Sent(f.Ua))));

    [Property]
    public Property OrganizationSelection_grant_body() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), WorkOSValues.Id("org_").ToArbitrary(), Forwarded.ToArbitrary(), (token, org, f) =>
            Grant(Encode.AuthenticateWithOrganizationSelection(T.Valid(AuthenticateWithOrganizationSelectionRequest.Create("client_1", token, org, f.Ip, f.Ua)), ApiKey),
                "urn:workos:oauth:grant-type:organization-selection", ["client_id", "pending_authentication_token", "organization_id", "ip_address", "user_agent"],
                ("client_id", "client_1"), ("pending_authentication_token", token), ("organization_id", org), ("ip_address", Sent(f.Ip)), ("user_agent", Sent(f.Ua))));

    [Fact]
    public void Password_grant_matches_the_spec_example_byte_for_byte() =>
        Assert.Equal("""{"client_id":"client_01HX","email":"ana@example.com","password":"S3cure!pass","ip_address":"203.0.113.9","client_secret":"sk_test_abc","grant_type":"password"}""",
            T.Body(Encode.AuthenticateWithPassword(T.Valid(AuthenticateWithPasswordRequest.Create("client_01HX", "ana@example.com", "S3cure!pass", "203.0.113.9")), Secret.Of("sk_test_abc"))));

    [Fact]
    public void TOTP_grant_full_body_in_Go_order() =>
        Assert.Equal("""{"client_id":"c","code":"123456","ip_address":"1.2.3.4","user_agent":"UA","pending_authentication_token":"ptok","authentication_challenge_id":"auth_challenge_1","client_secret":"sk_test_grants","grant_type":"urn:workos:oauth:grant-type:mfa-totp"}""",
            T.Body(Encode.AuthenticateWithTOTP(T.Valid(AuthenticateWithTOTPRequest.Create("c", "123456", "ptok", "auth_challenge_1", "1.2.3.4", "UA")), ApiKey)));

    [Fact]
    public void The_grant_types_are_the_spec_strings()
    {
        Assert.Equal("password", GrantTypes.Password);
        Assert.Equal("authorization_code", GrantTypes.AuthorizationCode);
        Assert.Equal("refresh_token", GrantTypes.RefreshToken);
        Assert.Equal("urn:workos:oauth:grant-type:magic-auth:code", GrantTypes.MagicAuth);
        Assert.Equal("urn:workos:oauth:grant-type:mfa-totp", GrantTypes.Totp);
        Assert.Equal("urn:workos:oauth:grant-type:email-verification:code", GrantTypes.EmailVerificationCode);
        Assert.Equal("urn:workos:oauth:grant-type:organization-selection", GrantTypes.OrganizationSelection);
    }

    [Fact]
    public void An_empty_api_key_is_still_written_as_client_secret() =>
        Assert.Equal("""{"client_id":"c","code":"k","client_secret":"","grant_type":"authorization_code"}""",
            T.Body(Encode.AuthenticateWithCode(T.Valid(AuthenticateWithCodeRequest.Create("c", "k")), Secret.Of(""))));

    [Fact]
    public void The_grants_live_message_has_no_Authorization_header()
    {
        using var message = LiveHttpIO.ToMessage(Encode.AuthenticateWithRefreshToken(T.Valid(AuthenticateWithRefreshTokenRequest.Create("c", "rt")), ApiKey), new Uri("https://api.workos.com"));
        Assert.Null(message.Headers.Authorization);
        Assert.Equal("https://api.workos.com/user_management/authenticate", message.RequestUri!.AbsoluteUri);
    }

    [Property]
    public Property RevokeSession_is_a_bearer_POST_with_the_session_id_always() =>
        Prop.ForAll(WorkOSValues.AnyText.Where(static s => !string.IsNullOrWhiteSpace(s)).ToArbitrary(), id =>
        {
            var spec = Encode.RevokeSession(T.Valid(RevokeSessionRequest.Create(id)), ApiKey);
            return spec.Method == HttpMethod.Post
                && spec.RenderPathAndQuery() == "/user_management/sessions/revoke"
                && spec.Auth == new Auth.Bearer(ApiKey)
                && T.Keys(spec) == Seq1("session_id")
                && JsonDocument.Parse(T.Body(spec)).RootElement.GetProperty("session_id").GetString() == id;
        });

    [Property]
    public Property Grant_encoding_is_pure() =>
        Prop.ForAll(WorkOSValues.Email.ToArbitrary(), WorkOSValues.SecretValue.ToArbitrary(), (email, password) =>
            Encode.AuthenticateWithPassword(T.Valid(AuthenticateWithPasswordRequest.Create("c", email, password)), ApiKey)
                == Encode.AuthenticateWithPassword(T.Valid(AuthenticateWithPasswordRequest.Create("c", email, password)), ApiKey));
}
