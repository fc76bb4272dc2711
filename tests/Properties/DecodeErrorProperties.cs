namespace WorkOS.Functional.Properties;

/// <summary>Error decoding (spec §4.3/§4.4) is total and maps each documented body to its case, by body never by status.</summary>
public sealed class DecodeErrorProperties
{
    private static readonly Gen<string> Bodies = Gen.OneOf(
        WorkOSValues.AnyText,
        Gen.Elements("", "null", "[]", "{}", "{", "\"str\"", "42", "<html>502</html>", "{\"errors\":5}", "{\"errors\":[1,{}]}",
            "{\"code\":\"mfa_challenge\"}", "{\"code\":\"mfa_enrollment\",\"user\":5}", "{\"user\":{\"id\":1}}", "{\"error\":\"sso_required\",\"connection_ids\":{}}",
            "{\"code\":7,\"message\":[]}", "{\"auth_methods\":[],\"error\":\"organization_authentication_methods_required\"}"),
        WorkOSValues.Token().Select(static t => $"{{\"code\":\"{t}\",\"message\":\"{t}\",\"errors\":[\"{t}\"]}}"));

    [Property(MaxTest = 300)]
    public Property Decoding_any_status_and_body_never_throws_and_keeps_the_status() =>
        Prop.ForAll(Gens.ErrorStatus.ToArbitrary(), Bodies.ToArbitrary(), Gen.Elements("application/json", "text/html", "", "application/json; charset=utf-8").ToArbitrary(),
            (status, body, contentType) =>
            {
                var response = new HttpResponseSpec(status, "", HashMap(("content-type", contentType)), body);
                var error = Decode.Error(response);
                return error is WorkOSError w && w.Status == status && w.Context.RawBody.Reveal() == body
                    && (error is not RateLimited || status == 429)
                    && (status != 429 || error is RateLimited or AuthStepUp);
            });

    private const string UserJson = """{"object":"user","id":"user_01HX","email":"ana@example.com","email_verified":false,"created_at":"t","updated_at":"t"}""";

    [Property]
    public Property Email_verification_required_is_recognised_at_any_status() =>
        Prop.ForAll(Gen.Elements(400, 401, 403, 422).ToArbitrary(), WorkOSValues.SecretValue.ToArbitrary(), (status, token) =>
            Decode.Error(T.Json(status, $$"""{"code":"email_verification_required","message":"verify","pending_authentication_token":"{{token}}","email":"ana@example.com","email_verification_id":"email_verification_01HX"}"""))
                is EmailVerificationRequired e && e.PendingAuthenticationToken.Reveal() == token && e.Email == "ana@example.com"
                && e.EmailVerificationId == "email_verification_01HX" && e.Status == status && e.Code == ErrorCodes.EmailVerificationRequired);

    [Fact]
    public void Mfa_challenge_carries_user_and_factors()
    {
        var e = Assert.IsType<MfaChallengeRequired>(Decode.Error(T.Json(403,
            $$"""{"code":"mfa_challenge","message":"m","pending_authentication_token":"ptok_2","user":{{UserJson}},"authentication_factors":[{"id":"auth_factor_01HX","type":"totp"}]}""")));
        Assert.Equal("user_01HX", e.User.Id);
        Assert.Equal(Seq1(new AuthenticationFactorRef("auth_factor_01HX", FactorType.Totp)), e.AuthenticationFactors);
        Assert.Equal("ptok_2", e.PendingAuthenticationToken.Reveal());
        Assert.Equal("mfa_challenge", e.ErrorCode);
    }

    [Property]
    public Property A_step_up_whose_user_lacks_a_required_field_is_an_api_error_not_a_user_with_blanks() =>
        Prop.ForAll(Gen.Elements("id", "email", "email_verified", "created_at", "updated_at").ToArbitrary(), Gen.Elements("mfa_enrollment", "mfa_challenge").ToArbitrary(),
            (field, code) =>
            {
                var user = System.Text.Json.Nodes.JsonNode.Parse(UserJson)!.AsObject();
                user.Remove(field);
                var error = Decode.Error(T.Json(403,
                    $$"""{"code":"{{code}}","message":"m","pending_authentication_token":"ptok","user":{{user.ToJsonString()}},"authentication_factors":[]}"""));
                return (error is ApiError { ErrorCode: var c } && c == code).Label($"{field} missing gave {error.GetType().Name}");
            });

    [Fact]
    public void Mfa_enrollment_carries_the_user()
    {
        var e = Assert.IsType<MfaEnrollmentRequired>(Decode.Error(T.Json(403,
            $$"""{"code":"mfa_enrollment","message":"m","pending_authentication_token":"ptok","user":{{UserJson}}}""")));
        Assert.Equal("ana@example.com", e.User.Email);
    }

    [Fact]
    public void Organization_selection_carries_the_organizations()
    {
        var e = Assert.IsType<OrganizationSelectionRequired>(Decode.Error(T.Json(403,
            $$"""{"code":"organization_selection_required","message":"m","pending_authentication_token":"ptok_3","user":{{UserJson}},"organizations":[{"id":"org_01A","name":"Foo Corp"},{"id":"org_01B","name":"Bar Corp"}]}""")));
        Assert.Equal(Seq(new OrganizationRef("org_01A", "Foo Corp"), new OrganizationRef("org_01B", "Bar Corp")), e.Organizations);
    }

    [Fact]
    public void Sso_required_is_OAuth_style_with_connection_ids_and_Go_message()
    {
        var e = Assert.IsType<SsoRequired>(Decode.Error(T.Json(400,
            """{"error":"sso_required","error_description":"Use SSO","email":"ana@example.com","connection_ids":["conn_01HX"],"pending_authentication_token":"ptok_4"}""")));
        Assert.Equal(Seq1("conn_01HX"), e.ConnectionIds);
        Assert.Equal("sso_required Use SSO", e.Message);
        Assert.Equal("sso_required", e.ErrorCode);
    }

    [Fact]
    public void Organization_authentication_methods_required_carries_the_methods()
    {
        var e = Assert.IsType<OrganizationAuthenticationMethodsRequired>(Decode.Error(T.Json(403,
            """{"error":"organization_authentication_methods_required","error_description":"d","email":"ana@example.com","sso_connection_ids":["conn_01HX"],"auth_methods":{"apple_oauth":false,"google_oauth":true,"password":false},"pending_authentication_token":"ptok_5"}""")));
        Assert.Equal(Seq1("conn_01HX"), e.SsoConnectionIds);
        Assert.Equal(Some(true), e.AuthMethods.Find("google_oauth"));
        Assert.Equal(Some(false), e.AuthMethods.Find("password"));
        Assert.Equal(3, e.AuthMethods.Count);
    }

    [Theory]
    [InlineData("mfa_enrollment")]
    [InlineData("mfa_challenge")]
    [InlineData("organization_selection_required")]
    public void Step_ups_that_need_a_user_fall_back_to_the_generic_error_without_one(string code)
    {
        var e = Assert.IsType<ApiError>(Decode.Error(T.Json(403, $$"""{"code":"{{code}}","message":"m","pending_authentication_token":"ptok"}""")));
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal("ptok", e.PendingAuthenticationToken.Map(static s => s.Reveal()).IfNone(""));
    }

    [Fact]
    public void An_unknown_code_with_a_pending_token_is_an_UnknownStepUp()
    {
        var e = Assert.IsType<UnknownStepUp>(Decode.Error(T.Json(403, """{"code":"radar_email_challenge","message":"m","pending_authentication_token":"ptok_9","radar_challenge_id":"r"}""")));
        Assert.Equal("radar_email_challenge", e.ErrorCode);
        Assert.Equal("ptok_9", e.PendingAuthenticationToken.Reveal());
        Assert.Equal(ErrorCodes.UnknownStepUp, e.Code);
    }

    [Fact]
    public void Step_up_Match_runs_exactly_the_function_of_its_case()
    {
        AuthStepUp e = Assert.IsAssignableFrom<AuthStepUp>(Decode.Error(T.Json(403, """{"error":"sso_required","error_description":"d","email":"a@b.co","connection_ids":[],"pending_authentication_token":"p"}""")));
        Assert.Equal("sso", e.Match(_ => "ev", _ => "enroll", _ => "challenge", _ => "org", _ => "sso", _ => "methods", _ => "unknown"));
    }

    [Fact]
    public void Oauth_error_with_description_becomes_error_and_description()
    {
        var e = Assert.IsType<ApiError>(Decode.Error(T.Json(400, """{"error":"invalid_grant","error_description":"The code has expired."}""")));
        Assert.Equal("invalid_grant", e.ErrorCode);
        Assert.Equal("invalid_grant The code has expired.", e.Message);
    }

    [Fact]
    public void Code_and_message_with_string_errors()
    {
        var e = Assert.IsType<ApiError>(Decode.Error(T.Json(400, """{"code":"bad","message":"Bad things","errors":["one","two"]}""")));
        Assert.Equal("Bad things", e.Message);
        Assert.Equal(Seq("one", "two"), e.Errors);
    }

    [Fact]
    public void Mixed_errors_are_a_parse_failure_so_the_message_is_the_raw_body_as_in_Go()
    {
        const string body = """{"code":"bad","message":"Bad things","errors":["one",{"message":"x"}]}""";
        var e = Assert.IsType<ApiError>(Decode.Error(T.Json(400, body)));
        Assert.Equal(body, e.Message);
        Assert.Equal("", e.ErrorCode);
    }

    [Fact]
    public void Errors_as_message_objects_are_read_as_strings()
    {
        var e = Assert.IsType<ApiError>(Decode.Error(T.Json(400, """{"code":"bad","message":"Bad things","errors":[{"message":"one"},{"message":"two"}]}""")));
        Assert.Equal(Seq("one", "two"), e.Errors);
        Assert.Equal("bad", e.ErrorCode);
    }

    [Fact]
    public void A_422_whose_errors_are_not_objects_falls_back_to_the_raw_body()
    {
        const string body = """{"code":"invalid","message":"Validation failed","errors":["email"]}""";
        var e = Assert.IsType<ApiError>(Decode.Error(T.Json(422, body)));
        Assert.Equal(body, e.Message);
        Assert.Equal("", e.ErrorCode);
        Assert.True(e.FieldErrors.IsEmpty);
    }

    [Fact]
    public void A_json_body_without_message_falls_back_to_the_raw_body()
    {
        var e = Assert.IsType<ApiError>(Decode.Error(T.Json(404, """{"code":"entity_not_found"}""")));
        Assert.Equal("""{"code":"entity_not_found"}""", e.Message);
    }

    [Fact]
    public void Request_id_is_read_from_X_Request_ID() =>
        Assert.Equal("req_123", ((WorkOSError)Decode.Error(T.Json(500, """{"message":"boom"}""", ("X-Request-ID", "req_123")))).RequestId);

    [Theory]
    [InlineData("120", 120)]
    [InlineData(" 3 ", 3)]
    [InlineData("0", 0)]
    public void Retry_after_seconds(string header, int seconds) =>
        Assert.Equal(Some(TimeSpan.FromSeconds(seconds)), Assert.IsType<RateLimited>(Decode.Error(T.Json(429, "{}", ("Retry-After", header)))).RetryAfter);

    [Fact]
    public void Retry_after_as_an_http_date_is_relative_to_the_Date_header() =>
        Assert.Equal(Some(TimeSpan.FromSeconds(30)), Assert.IsType<RateLimited>(Decode.Error(T.Json(429, "{}",
            ("Retry-After", "Wed, 21 Oct 2026 07:28:30 GMT"), ("Date", "Wed, 21 Oct 2026 07:28:00 GMT")))).RetryAfter);

    [Fact]
    public void Retry_after_garbage_is_none() =>
        Assert.Equal(Option<TimeSpan>.None, Assert.IsType<RateLimited>(Decode.Error(T.Json(429, "{}", ("Retry-After", "soon")))).RetryAfter);

    [Fact]
    public void Go_style_ToString_shows_status_reason_request_id_and_message()
    {
        var e = Decode.Error(new HttpResponseSpec(404, "Not Found", HashMap(("content-type", "application/json"), ("x-request-id", "req_1")), """{"message":"User not found"}"""));
        Assert.Equal("404 Not Found: request id \"req_1\": User not found", e.ToString());
    }
}
