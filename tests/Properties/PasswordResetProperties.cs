namespace WorkOS.Functional.Properties;

/// <summary>GetPasswordReset, CreatePasswordReset, SendPasswordResetEmail and ResetPassword: validation, wire requests, decoding, secrecy.</summary>
public sealed class PasswordResetProperties
{
    // ---- validation (spec §5) ----

    [Property]
    public Property GetPasswordReset_rejects_exactly_blank_ids() =>
        Prop.ForAll(Gens.IdOrBlank("password_reset_").ToArbitrary(), id =>
            T.SameSet(T.Fields(GetPasswordResetRequest.Create(id.Value)), id.Ok ? [] : ["password_reset_id"]));

    [Property]
    public Property CreatePasswordReset_requires_an_address_shaped_email() =>
        Prop.ForAll(Gens.EmailOrBad.ToArbitrary(), email =>
        {
            var result = CreatePasswordResetRequest.Create(email.Value);
            return email.Ok ? T.Valid(result).Email == email.Value : T.SameSet(T.Fields(result), "email");
        });

    [Property]
    public Property SendPasswordResetEmail_reports_email_and_url_problems_together() =>
        Prop.ForAll(Gens.EmailOrBad.ToArbitrary(), Gens.ResetUrlOrBad.ToArbitrary(), (email, url) =>
        {
            var expected = new[] { email.Ok ? null : "email", url.Ok ? null : "password_reset_url" }.OfType<string>().ToArray();
            var result = SendPasswordResetEmailRequest.Create(email.Value, url.Value);
            return T.SameSet(T.Fields(result), expected).Label($"{email} {url}: {T.Fields(result)}");
        });

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("  ", "is required")]
    [InlineData("/reset", "must be an absolute http or https URL")]
    [InlineData("mailto:a@b.co", "must be an absolute http or https URL")]
    [InlineData("javascript:alert(1)", "must be an absolute http or https URL")]
    public void Bad_reset_urls_are_named_with_their_reason(string? url, string message)
    {
        var invalid = Assert.IsType<InvalidRequest>(WireJson.LeftOf(SendPasswordResetEmailRequest.Create("a@b.co", url)));
        Assert.Equal(Seq1(new FieldProblem("password_reset_url", message)), invalid.Problems);
    }

    [Property]
    public Property ResetPassword_reports_token_and_new_password_together() =>
        Prop.ForAll(Gens.SecretOrBlank.ToArbitrary(), Gens.SecretOrBlank.ToArbitrary(), (token, password) =>
        {
            var expected = new[] { token.Ok ? null : "token", password.Ok ? null : "new_password" }.OfType<string>().ToArray();
            return T.SameSet(T.Fields(ResetPasswordRequest.Create(token.Value, password.Value)), expected);
        });

    // ---- wire requests ----

    [Property]
    public Property GetPasswordReset_is_a_bearer_GET_of_the_escaped_id() =>
        Prop.ForAll(WorkOSValues.PathId.ToArbitrary(), id =>
        {
            var spec = Encode.GetPasswordReset(T.Valid(GetPasswordResetRequest.Create(id)), T.Key);
            return spec.Method == HttpMethod.Get
                && spec.RenderPathAndQuery() == "/user_management/password_reset/" + T.Seg(id)
                && spec.Body.IsNone && spec.Auth == new Auth.Bearer(T.Key);
        });

    [Property]
    public Property CreatePasswordReset_posts_exactly_the_email() =>
        Prop.ForAll(WorkOSValues.Email.ToArbitrary(), email =>
        {
            var spec = Encode.CreatePasswordReset(T.Valid(CreatePasswordResetRequest.Create(email)), T.Key);
            return spec.Method == HttpMethod.Post && spec.RenderPathAndQuery() == "/user_management/password_reset"
                && T.Body(spec) == "{\"email\":" + System.Text.Json.JsonSerializer.Serialize(email) + "}" && spec.Auth == new Auth.Bearer(T.Key);
        });

    [Property]
    public Property SendPasswordResetEmail_posts_email_then_url() =>
        Prop.ForAll(WorkOSValues.Email.ToArbitrary(), Gens.ResetUrlOrBad.Where(static u => u.Ok).ToArbitrary(), (email, url) =>
        {
            var spec = Encode.SendPasswordResetEmail(T.Valid(SendPasswordResetEmailRequest.Create(email, url.Value)), T.Key);
            var doc = T.Parse(T.Body(spec));
            return spec.Method == HttpMethod.Post && spec.RenderPathAndQuery() == "/user_management/password_reset/send"
                && T.Keys(spec) == Seq("email", "password_reset_url")
                && doc.GetProperty("email").GetString() == email && doc.GetProperty("password_reset_url").GetString() == url.Value;
        });

    [Property]
    public Property ResetPassword_posts_token_then_new_password_revealed_only_in_the_rendered_body() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), WorkOSValues.AnyText.Where(static s => !string.IsNullOrWhiteSpace(s)).ToArbitrary(), (token, password) =>
        {
            var spec = Encode.ResetPassword(T.Valid(ResetPasswordRequest.Create(token, password)), T.Key);
            var doc = T.Parse(T.Body(spec));
            return spec.Method == HttpMethod.Post && spec.RenderPathAndQuery() == "/user_management/password_reset/confirm"
                && T.Keys(spec) == Seq("token", "new_password")
                && doc.GetProperty("token").GetString() == token && doc.GetProperty("new_password").GetString() == password;
        });

    [Fact]
    public void Spec_example_bodies()
    {
        Assert.Equal("""{"email":"ana@example.com","password_reset_url":"https://app.example.com/reset"}""",
            T.Body(Encode.SendPasswordResetEmail(T.Valid(SendPasswordResetEmailRequest.Create("ana@example.com", "https://app.example.com/reset")), T.Key)));
        Assert.Equal("""{"token":"tok_1","new_password":"N3w!pass"}""",
            T.Body(Encode.ResetPassword(T.Valid(ResetPasswordRequest.Create("tok_1", "N3w!pass")), T.Key)));
    }

    // ---- decoding ----

    [Property]
    public Property PasswordReset_decodes_every_field() =>
        Prop.ForAll(WorkOSValues.Id("password_reset_").ToArbitrary(), WorkOSValues.Email.ToArbitrary(), WorkOSValues.SecretValue.ToArbitrary(), (id, email, token) =>
        {
            var url = $"https://app.example.com/reset?token={token}";
            var body = WireJson.Obj(("object", "password_reset"), ("id", id), ("user_id", "user_1"), ("email", email),
                ("password_reset_token", token), ("password_reset_url", url), ("expires_at", "2024-05-01T13:00:00.000Z"),
                ("created_at", "2024-05-01T12:00:00.000Z"));
            return Decode.PasswordReset(T.Json(201, body)) == Right<Error, PasswordReset>(new PasswordReset(
                id, "user_1", email, Secret.Of(token), Secret.Of(url), "2024-05-01T13:00:00.000Z", "2024-05-01T12:00:00.000Z"));
        });

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1]")]
    [InlineData("""{"id":7}""")]
    public void Bad_password_reset_bodies_are_DecodeErrors(string body) =>
        Assert.Equal("PasswordReset", Assert.IsType<DecodeError>(WireJson.LeftOf(Decode.PasswordReset(T.Json(200, body)))).What);

    // ---- secrecy ----

    [Property]
    public Property Tokens_passwords_and_reset_urls_never_print() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), WorkOSValues.SecretValue.ToArbitrary(), (token, password) =>
        {
            var request = T.Valid(ResetPasswordRequest.Create(token, password));
            var spec = Encode.ResetPassword(request, T.Key);
            var entity = T.Valid(Decode.PasswordReset(T.Json(200, WireSamples.PasswordReset()
                .With("password_reset_token", token).With("password_reset_url", $"https://app.example.com/reset?token={token}").Json())));
            var texts = new object[] { request, spec, spec.Body, entity, entity.PasswordResetUrl, entity.PasswordResetToken };
            return texts.All(t => !t.ToString()!.Contains(token) && !t.ToString()!.Contains(password))
                && entity.PasswordResetToken.Reveal() == token && entity.PasswordResetUrl.Reveal().EndsWith(token);
        });
}
