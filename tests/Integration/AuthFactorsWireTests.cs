using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>EnrollAuthFactor, ListAuthFactors and ChallengeAuthFactor over real loopback HTTP.</summary>
public sealed class AuthFactorsWireTests(LoopbackFixture fixture) : IClassFixture<LoopbackFixture>
{
    private const string TotpSecret = "JBSWY3DPEHPK3PXP";

    private const string EnrollJson = $$$"""
        {"authentication_factor":{"object":"authentication_factor","id":"auth_factor_01H","created_at":"2024-01-01T00:00:00.000Z",
          "updated_at":"2024-01-01T00:00:00.000Z","type":"totp","user_id":"user_01H",
          "totp":{"issuer":"Acme","user":"ana@example.com","secret":"{{{TotpSecret}}}",
                  "qr_code":"data:image/png;base64,iVBORw0KGgo","uri":"otpauth://totp/Acme:ana%40example.com?secret={{{TotpSecret}}}&issuer=Acme"}},
         "authentication_challenge":{"object":"authentication_challenge","id":"auth_challenge_01H","created_at":"2024-01-01T00:00:00.000Z",
          "updated_at":"2024-01-01T00:00:00.000Z","expires_at":null,"authentication_factor_id":"auth_factor_01H"}}
        """;

    private const string ChallengeJson = """
        {"object":"authentication_challenge","id":"auth_challenge_02H","created_at":"2024-01-01T00:00:00.000Z",
         "updated_at":"2024-01-01T00:00:00.000Z","expires_at":"2024-01-01T00:05:00.000Z","authentication_factor_id":"auth_factor_01H"}
        """;

    private LoopbackServer Server => fixture.Server;

    [Fact]
    public async Task EnrollAuthFactor_posts_type_totp_and_the_labels_and_decodes_factor_and_challenge()
    {
        Server.Respond(Reply.Json(201, EnrollJson));
        var request = Run.Valid(EnrollAuthFactorRequest.Create("user_01H", totpIssuer: "Acme", totpUser: "ana@example.com"));
        var enrolled = await Run.Succ(Server.Client().EnrollAuthFactor(request));

        Assert.Equal("POST", Server.Last.Method);
        Assert.Equal("/user_management/users/user_01H/auth_factors", Server.Last.PathAndQuery);
        Assert.Equal("""{"type":"totp","totp_issuer":"Acme","totp_user":"ana@example.com"}""", Server.Last.Body);
        Assert.Equal("Bearer sk_test_loopback", Server.Last.Header("authorization"));

        Assert.Equal("auth_factor_01H", enrolled.Factor.Id);
        Assert.Equal(FactorType.Totp, enrolled.Factor.Type);
        Assert.Equal(Some("user_01H"), enrolled.Factor.UserId);
        var totp = enrolled.Factor.Totp.IfNone(() => throw new Xunit.Sdk.XunitException("no totp"));
        Assert.Equal(Some(TotpSecret), totp.Secret.Map(static s => s.Reveal()));
        Assert.Equal(Some("Acme"), totp.Issuer);
        Assert.Equal("auth_challenge_01H", enrolled.Challenge.Id);
        Assert.Equal(Option<string>.None, enrolled.Challenge.ExpiresAt);
        Assert.DoesNotContain(TotpSecret, enrolled.ToString());
    }

    [Fact]
    public async Task EnrollAuthFactor_imports_a_given_secret()
    {
        Server.Respond(Reply.Json(201, EnrollJson));
        await Run.Succ(Server.Client().EnrollAuthFactor(Run.Valid(EnrollAuthFactorRequest.Create("user_01H", FactorType.Totp, totpSecret: TotpSecret))));
        Assert.Equal($$"""{"type":"totp","totp_secret":"{{TotpSecret}}"}""", Server.Last.Body);
    }

    [Fact]
    public async Task ListAuthFactors_sends_no_query_and_decodes_the_page_keeping_unknown_types()
    {
        Server.Respond(Reply.Json(200, """
            {"object":"list","data":[
              {"object":"authentication_factor","id":"auth_factor_1","created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z","type":"totp","totp":{"issuer":"Acme","user":"ana@example.com"},"user_id":"user_01H"},
              {"object":"authentication_factor","id":"auth_factor_2","created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z","type":"webauthn","totp":null,"sms":null}],
             "list_metadata":{"before":null,"after":null}}
            """));
        var page = await Run.Succ(Server.Client().ListAuthFactors(Run.Valid(ListAuthFactorsRequest.Create("user_01H"))));

        Assert.Equal("GET", Server.Last.Method);
        Assert.Equal("/user_management/users/user_01H/auth_factors", Server.Last.PathAndQuery);
        Assert.Equal("", Server.Last.Body);
        Assert.Equal(Seq("auth_factor_1", "auth_factor_2"), page.Data.Map(static f => f.Id));
        Assert.Equal(new FactorType("webauthn"), page.Data[1].Type);
        Assert.Equal(Option<Secret>.None, page.Data[0].Totp.Bind(static t => t.Secret));
        Assert.Equal(new ListMetadata(None, None), page.ListMetadata);
    }

    [Fact]
    public async Task ChallengeAuthFactor_posts_an_empty_object_to_the_MFA_API()
    {
        Server.Respond(Reply.Json(201, ChallengeJson));
        var challenge = await Run.Succ(Server.Client().ChallengeAuthFactor(Run.Valid(ChallengeAuthFactorRequest.Create("auth_factor_01H"))));

        Assert.Equal("POST", Server.Last.Method);
        Assert.Equal("/auth/factors/auth_factor_01H/challenge", Server.Last.PathAndQuery);
        Assert.Equal("{}", Server.Last.Body);
        Assert.StartsWith("application/json", Server.Last.Header("content-type"));
        Assert.Equal("Bearer sk_test_loopback", Server.Last.Header("authorization"));
        Assert.Equal(new Challenge("auth_challenge_02H", Some("authentication_challenge"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z",
            Some("2024-01-01T00:05:00.000Z"), "auth_factor_01H", None), challenge);
    }

    [Fact]
    public async Task List_then_challenge_the_first_TOTP_factor_in_one_pipeline()
    {
        Server.Respond(req => req.Method == "GET"
            ? Reply.Json(200, """
                {"data":[{"id":"auth_factor_sms","created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z","type":"sms","sms":{"phone_number":"+15555550100"}},
                         {"id":"auth_factor_01H","created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z","type":"totp","totp":{"issuer":"Acme","user":"ana@example.com"}}],
                 "list_metadata":{"before":null,"after":null}}
                """)
            : Reply.Json(201, ChallengeJson));
        var client = Server.Client();
        var program =
            from list in ListAuthFactorsRequest.Create("user_01H").ToAff()
            from page in client.ListAuthFactors(list)
            from factor in page.Data.Find(static f => f.Type == FactorType.Totp).ToAff(Error.New("no TOTP factor"))
            from request in ChallengeAuthFactorRequest.Create(factor.Id).ToAff()
            from challenge in client.ChallengeAuthFactor(request)
            select challenge;

        var result = await Run.Succ(program);
        Assert.Equal("auth_challenge_02H", result.Id);
        Assert.Equal(Seq("GET", "POST"), toSeq(Server.Requests).Map(static r => r.Method));
        Assert.Equal("/auth/factors/auth_factor_01H/challenge", Server.Last.PathAndQuery);
    }

    [Fact]
    public async Task Enrolling_a_non_totp_type_fails_before_anything_is_sent()
    {
        Server.Respond(Reply.Json(201, EnrollJson));
        var program =
            from request in EnrollAuthFactorRequest.Create(" ", FactorType.Sms).ToAff()
            from enrolled in Server.Client().EnrollAuthFactor(request)
            select enrolled;
        Assert.Equal(Seq("user_id", "type"), Assert.IsType<InvalidRequest>(await Run.Fail(program)).Fields);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task A_server_refusing_the_type_answers_422_with_field_errors()
    {
        Server.Respond(Reply.Json(422, """{"code":"invalid_request_parameters","message":"Validation failed","errors":[{"field":"type","code":"invalid"}]}"""));
        var error = await Run.Fail(Server.Client().EnrollAuthFactor(Run.Valid(EnrollAuthFactorRequest.Create("user_01H"))));
        Assert.Equal(Seq1(new FieldError("type", "invalid")), Assert.IsType<ApiError>(error).FieldErrors);
    }
}
