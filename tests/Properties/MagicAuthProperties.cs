namespace WorkOS.Functional.Properties;

/// <summary>GetMagicAuth, CreateMagicAuth and SendMagicAuthCode: validation, wire requests, decoding, secrecy.</summary>
public sealed class MagicAuthProperties
{
    // ---- validation (spec §5) ----

    [Property]
    public Property GetMagicAuth_rejects_exactly_blank_ids() =>
        Prop.ForAll(Gens.IdOrBlank("magic_auth_").ToArbitrary(), id =>
            T.SameSet(T.Fields(GetMagicAuthRequest.Create(id.Value)), id.Ok ? [] : ["magic_auth_id"]));

    [Property]
    public Property Create_and_send_require_an_address_shaped_email_and_nothing_else() =>
        Prop.ForAll(Gens.EmailOrBad.ToArbitrary(), WorkOSValues.OrNull(WorkOSValues.SecretValue).ToArbitrary(), (email, invitation) =>
        {
            var expected = email.Ok ? [] : new[] { "email" };
            return T.SameSet(T.Fields(CreateMagicAuthRequest.Create(email.Value, invitation)), expected)
                && T.SameSet(T.Fields(SendMagicAuthCodeRequest.Create(email.Value)), expected);
        });

    // ---- wire requests ----

    [Property]
    public Property GetMagicAuth_is_a_bearer_GET_of_the_escaped_id() =>
        Prop.ForAll(WorkOSValues.PathId.ToArbitrary(), id =>
        {
            var spec = Encode.GetMagicAuth(T.Valid(GetMagicAuthRequest.Create(id)), T.Key);
            return spec.Method == HttpMethod.Get
                && spec.RenderPathAndQuery() == "/user_management/magic_auth/" + T.Seg(id)
                && spec.Body.IsNone && spec.Auth == new Auth.Bearer(T.Key);
        });

    [Property]
    public Property CreateMagicAuth_sends_email_always_and_invitation_token_only_when_set() =>
        Prop.ForAll(WorkOSValues.Email.ToArbitrary(), Gen.OneOf(Gen.Constant<string?>(null), Gen.Constant<string?>(""), WorkOSValues.SecretValue.Select(static s => (string?)s)).ToArbitrary(),
            (email, invitation) =>
            {
                var spec = Encode.CreateMagicAuth(T.Valid(CreateMagicAuthRequest.Create(email, invitation)), T.Key);
                var doc = T.Parse(T.Body(spec));
                var set = !string.IsNullOrEmpty(invitation);
                return spec.Method == HttpMethod.Post && spec.RenderPathAndQuery() == "/user_management/magic_auth"
                    && T.Keys(spec) == (set ? Seq("email", "invitation_token") : Seq1("email"))
                    && doc.GetProperty("email").GetString() == email
                    && (!set || doc.GetProperty("invitation_token").GetString() == invitation)
                    && spec.Auth == new Auth.Bearer(T.Key);
            });

    [Property]
    public Property SendMagicAuthCode_posts_exactly_the_email() =>
        Prop.ForAll(WorkOSValues.Email.ToArbitrary(), email =>
        {
            var spec = Encode.SendMagicAuthCode(T.Valid(SendMagicAuthCodeRequest.Create(email)), T.Key);
            return spec.Method == HttpMethod.Post && spec.RenderPathAndQuery() == "/user_management/magic_auth/send"
                && T.Body(spec) == "{\"email\":" + System.Text.Json.JsonSerializer.Serialize(email) + "}" && spec.Auth == new Auth.Bearer(T.Key);
        });

    [Fact]
    public void CreateMagicAuth_spec_example_body() =>
        Assert.Equal("""{"email":"ana@example.com","invitation_token":"Z1uX3RbwcIl5fIGJJJCXXisdI"}""",
            T.Body(Encode.CreateMagicAuth(T.Valid(CreateMagicAuthRequest.Create("ana@example.com", "Z1uX3RbwcIl5fIGJJJCXXisdI")), T.Key)));

    // ---- decoding ----

    [Property]
    public Property MagicAuth_decodes_every_field_and_ignores_unknown_keys() =>
        Prop.ForAll(WorkOSValues.Id("magic_auth_").ToArbitrary(), WorkOSValues.Email.ToArbitrary(), WorkOSValues.SecretValue.ToArbitrary(), (id, email, code) =>
        {
            var body = WireJson.Obj(("object", "magic_auth"), ("id", id), ("user_id", "user_1"), ("email", email),
                ("expires_at", "2024-05-01T12:10:00.000Z"), ("code", code), ("created_at", "2024-05-01T12:00:00.000Z"),
                ("updated_at", "2024-05-01T12:00:00.000Z"), ("radar_auth_attempt_id", "radar_1"));
            return Decode.MagicAuth(T.Json(201, body)) == Right<Error, MagicAuth>(new MagicAuth(
                id, "user_1", email, "2024-05-01T12:10:00.000Z", Secret.Of(code), "2024-05-01T12:00:00.000Z", "2024-05-01T12:00:00.000Z"));
        });

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"id\":")]
    [InlineData("""{"code":123456}""")]
    public void Bad_magic_auth_bodies_are_DecodeErrors(string body) =>
        Assert.Equal("MagicAuth", Assert.IsType<DecodeError>(WireJson.LeftOf(Decode.MagicAuth(T.Json(200, body)))).What);

    [Fact]
    public void The_deprecated_calls_ignore_the_success_body() =>
        Assert.Equal(Right<Error, Unit>(unit), Decode.Nothing(T.Json(200, "<not json>")));

    // ---- secrecy ----

    [Property]
    public Property Codes_and_invitation_tokens_never_print() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), WorkOSValues.SecretValue.ToArbitrary(), (code, invitation) =>
        {
            var request = T.Valid(CreateMagicAuthRequest.Create("a@b.co", invitation));
            var spec = Encode.CreateMagicAuth(request, T.Key);
            var entity = T.Valid(Decode.MagicAuth(T.Json(200, WireSamples.MagicAuth().With("code", code).Json())));
            var texts = new object[] { request, spec, spec.Body, entity, entity.Code };
            return texts.All(t => !t.ToString()!.Contains(code) && !t.ToString()!.Contains(invitation))
                && entity.Code.Reveal() == code && T.Body(spec).Contains(invitation);
        });
}
