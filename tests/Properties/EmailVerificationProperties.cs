namespace WorkOS.Functional.Properties;

/// <summary>GetEmailVerification, SendVerificationEmail and VerifyEmail: validation, wire requests, decoding, secrecy.</summary>
public sealed class EmailVerificationProperties
{
    // ---- validation (spec §5) ----

    [Property]
    public Property Get_and_send_reject_exactly_blank_ids() =>
        Prop.ForAll(Gens.IdOrBlank("email_verification_").ToArbitrary(), id =>
            T.SameSet(T.Fields(GetEmailVerificationRequest.Create(id.Value)), id.Ok ? [] : ["email_verification_id"])
            && T.SameSet(T.Fields(SendVerificationEmailRequest.Create(id.Value)), id.Ok ? [] : ["user_id"]));

    [Property]
    public Property VerifyEmail_reports_user_id_and_code_together() =>
        Prop.ForAll(Gens.IdOrBlank("user_").ToArbitrary(), Gens.SecretOrBlank.ToArbitrary(), (id, code) =>
        {
            var expected = new[] { id.Ok ? null : "user_id", code.Ok ? null : "code" }.OfType<string>().ToArray();
            var result = VerifyEmailRequest.Create(id.Value, code.Value);
            return T.SameSet(T.Fields(result), expected).Label($"{T.Fields(result)}");
        });

    [Fact]
    public void VerifyEmail_with_nothing_gives_one_InvalidRequest_with_both_problems()
    {
        var invalid = Assert.IsType<InvalidRequest>(WireJson.LeftOf(VerifyEmailRequest.Create(null, " ")));
        Assert.Equal(Seq("user_id", "code"), invalid.Fields);
        Assert.Equal(ErrorCodes.InvalidRequest, invalid.Code);
    }

    // ---- wire requests ----

    [Property]
    public Property GetEmailVerification_is_a_bearer_GET_of_the_escaped_id() =>
        Prop.ForAll(WorkOSValues.PathId.ToArbitrary(), id =>
        {
            var spec = Encode.GetEmailVerification(T.Valid(GetEmailVerificationRequest.Create(id)), T.Key);
            return spec.Method == HttpMethod.Get
                && spec.RenderPathAndQuery() == "/user_management/email_verification/" + T.Seg(id)
                && spec.Body.IsNone && spec.Query.IsEmpty && spec.Auth == new Auth.Bearer(T.Key);
        });

    [Property]
    public Property SendVerificationEmail_is_a_bodyless_bearer_POST() =>
        Prop.ForAll(WorkOSValues.PathId.ToArbitrary(), id =>
        {
            var spec = Encode.SendVerificationEmail(T.Valid(SendVerificationEmailRequest.Create(id)), T.Key);
            return spec.Method == HttpMethod.Post
                && spec.RenderPathAndQuery() == $"/user_management/users/{T.Seg(id)}/email_verification/send"
                && spec.Body.IsNone && spec.Query.IsEmpty && spec.Auth == new Auth.Bearer(T.Key);
        });

    [Property]
    public Property VerifyEmail_body_is_only_the_code_without_the_Go_User_artefact() =>
        Prop.ForAll(WorkOSValues.Id("user_").ToArbitrary(), WorkOSValues.AnyText.Where(static s => !string.IsNullOrWhiteSpace(s)).ToArbitrary(), (id, code) =>
        {
            var spec = Encode.VerifyEmail(T.Valid(VerifyEmailRequest.Create(id, code)), T.Key);
            return spec.Method == HttpMethod.Post
                && spec.RenderPath() == $"/user_management/users/{id}/email_verification/confirm"
                && T.Keys(spec) == Seq1("code")
                && T.Parse(T.Body(spec)).GetProperty("code").GetString() == code
                && spec.Auth == new Auth.Bearer(T.Key);
        });

    [Fact]
    public void VerifyEmail_spec_example_body() =>
        Assert.Equal("""{"code":"123456"}""", T.Body(Encode.VerifyEmail(T.Valid(VerifyEmailRequest.Create("user_01H", "123456")), T.Key)));

    // ---- decoding ----

    private static Gen<(string Id, string UserId, string Email, string Code)> Verifications =>
        from id in WorkOSValues.Id("email_verification_")
        from user in WorkOSValues.Id("user_")
        from email in WorkOSValues.Email
        from code in WorkOSValues.SecretValue
        select (id, user, email, code);

    [Property]
    public Property EmailVerification_decodes_every_field_and_ignores_unknown_keys() =>
        Prop.ForAll(Verifications.ToArbitrary(), v =>
        {
            var body = WireJson.Obj(("object", "email_verification"), ("id", v.Id), ("user_id", v.UserId), ("email", v.Email),
                ("expires_at", "2024-05-01T12:10:00.000Z"), ("code", v.Code), ("created_at", "2024-05-01T12:00:00.000Z"),
                ("updated_at", "2024-05-01T12:00:01.000Z"), ("new_server_field", new[] { 1 }));
            return Decode.EmailVerification(T.Json(200, body)) == Right<Error, EmailVerification>(new EmailVerification(
                v.Id, v.UserId, v.Email, "2024-05-01T12:10:00.000Z", Secret.Of(v.Code), "2024-05-01T12:00:00.000Z", "2024-05-01T12:00:01.000Z"));
        });

    [Fact]
    public void An_EmailVerification_without_its_code_or_user_is_a_DecodeError_naming_them()
    {
        var error = Assert.IsType<DecodeError>(WireJson.LeftOf(Decode.EmailVerification(T.Json(200,
            WireSamples.EmailVerification().With("code", null).Break("user_id", WireSamples.Gone.Absent).Json()))));
        Assert.Equal("missing required fields user_id, code", error.Reason);
    }

    [Property]
    public Property UserResponse_decodes_the_wrapped_user() =>
        Prop.ForAll(WorkOSValues.Id("user_").ToArbitrary(), WorkOSValues.Email.ToArbitrary(), (id, email) =>
            Decode.UserResponse(T.Json(200, WireJson.UserResponse(id, email))).Match(
                Right: r => r.User.Id == id && r.User.Email == email && r.User.EmailVerified,
                Left: static _ => false));

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"user":null}""")]
    [InlineData("""{"id":"user_1","email":"a@b.co"}""")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"user":"user_1"}""")]
    [InlineData("<html>oops</html>")]
    public void A_body_without_a_user_object_is_a_DecodeError(string body)
    {
        var error = Assert.IsType<DecodeError>(WireJson.LeftOf(Decode.UserResponse(T.Json(200, body))));
        Assert.Equal("UserResponse", error.What);
    }

    [Property]
    public Property Decoding_arbitrary_bodies_never_throws() =>
        Prop.ForAll(WorkOSValues.AnyText.ToArbitrary(), body =>
        {
            _ = Decode.EmailVerification(T.Json(200, body));
            _ = Decode.UserResponse(T.Json(200, body));
            return true;
        });

    // ---- secrecy ----

    [Property]
    public Property Codes_never_print_from_requests_descriptions_or_entities() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), code =>
        {
            var request = T.Valid(VerifyEmailRequest.Create("user_1", code));
            var spec = Encode.VerifyEmail(request, T.Key);
            var entity = T.Valid(Decode.EmailVerification(T.Json(200, WireSamples.EmailVerification().With("code", code).Json())));
            var texts = new object[] { request, spec, spec.Body, entity, request.Code, entity.Code };
            return texts.All(t => !t.ToString()!.Contains(code))
                && T.Body(spec).Contains(code) && entity.Code.Reveal() == code && request.Code.Reveal() == code;
        });
}
