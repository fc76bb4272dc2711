namespace WorkOS.Functional.Properties;

/// <summary>EnrollAuthFactor, ListAuthFactors and ChallengeAuthFactor: validation, wire requests, decoding, secrecy.</summary>
public sealed class AuthFactorsProperties
{
    // ---- validation (spec §5) ----

    private static Gen<(FactorType? Type, bool Ok)> Types =>
        Gen.OneOf(
            Gen.Elements<FactorType?>(null, new FactorType(""), FactorType.Totp, new FactorType("totp")).Select(static t => (t, true)),
            Gen.OneOf(Gen.Elements(FactorType.Sms, FactorType.GenericOtp, FactorType.WebAuthn, new FactorType("TOTP"), new FactorType(" totp")),
                WorkOSValues.Token(1, 8).Where(static t => t != "totp").Select(static t => new FactorType(t)))
                .Select(static t => ((FactorType?)t, false)));

    [Property]
    public Property EnrollAuthFactor_reports_user_id_and_type_together() =>
        Prop.ForAll(Gens.IdOrBlank("user_").ToArbitrary(), Types.ToArbitrary(), (id, type) =>
        {
            var expected = new[] { id.Ok ? null : "user_id", type.Ok ? null : "type" }.OfType<string>().ToArray();
            var result = EnrollAuthFactorRequest.Create(id.Value, type.Type, totpIssuer: "Acme", totpSecret: "JBSWY3DPEHPK3PXP");
            return T.SameSet(T.Fields(result), expected).Label($"{type.Type}: {T.Fields(result)}");
        });

    [Property]
    public Property An_unset_or_empty_type_defaults_to_totp() =>
        Prop.ForAll(Gen.Elements<FactorType?>(null, new FactorType(""), FactorType.Totp).ToArbitrary(), type =>
            T.Valid(EnrollAuthFactorRequest.Create("user_1", type)).Type == FactorType.Totp);

    [Fact]
    public void A_non_totp_type_is_named_with_its_reason()
    {
        var invalid = Assert.IsType<InvalidRequest>(WireJson.LeftOf(EnrollAuthFactorRequest.Create("user_1", FactorType.Sms)));
        Assert.Equal(Seq1(new FieldProblem("type", "must be totp")), invalid.Problems);
    }

    [Property]
    public Property List_and_challenge_reject_exactly_blank_ids() =>
        Prop.ForAll(Gens.IdOrBlank("auth_factor_").ToArbitrary(), id =>
            T.SameSet(T.Fields(ListAuthFactorsRequest.Create(id.Value)), id.Ok ? [] : ["user_id"])
            && T.SameSet(T.Fields(ChallengeAuthFactorRequest.Create(id.Value)), id.Ok ? [] : ["authentication_factor_id"]));

    // ---- wire requests ----

    private static readonly string[] EnrollOrder = ["type", "totp_issuer", "totp_user", "totp_secret"];

    [Property]
    public Property EnrollAuthFactor_body_keeps_Go_order_type_always_and_omits_empties() =>
        Prop.ForAll((
            from id in WorkOSValues.Id("user_")
            from issuer in Gen.OneOf(Gen.Constant<string?>(null), Gen.Constant<string?>(""), WorkOSValues.AnyText.Select(static s => (string?)s))
            from user in WorkOSValues.OrNull(WorkOSValues.Email)
            from secret in WorkOSValues.OrNull(WorkOSValues.SecretValue)
            select (id, issuer, user, secret)).ToArbitrary(),
            input =>
            {
                var (id, issuer, user, secret) = input;
                var spec = Encode.EnrollAuthFactor(T.Valid(EnrollAuthFactorRequest.Create(id, totpIssuer: issuer, totpUser: user, totpSecret: secret)), T.Key);
                var keys = T.Keys(spec);
                var doc = T.Parse(T.Body(spec));
                var expected = EnrollOrder.Where(k => k switch
                {
                    "type" => true,
                    "totp_issuer" => !string.IsNullOrEmpty(issuer),
                    "totp_user" => user is not null,
                    _ => secret is not null,
                });
                return (spec.Method == HttpMethod.Post && spec.RenderPathAndQuery() == $"/user_management/users/{id}/auth_factors"
                    && keys.SequenceEqual(expected) && !keys.Contains("User")
                    && doc.GetProperty("type").GetString() == "totp"
                    && (string.IsNullOrEmpty(issuer) || doc.GetProperty("totp_issuer").GetString() == issuer)
                    && (secret is null || doc.GetProperty("totp_secret").GetString() == secret)
                    && spec.Auth == new Auth.Bearer(T.Key)).Label(T.Body(spec));
            });

    [Fact]
    public void EnrollAuthFactor_spec_example_bodies()
    {
        Assert.Equal("""{"type":"totp"}""", T.Body(Encode.EnrollAuthFactor(T.Valid(EnrollAuthFactorRequest.Create("user_1")), T.Key)));
        Assert.Equal("""{"type":"totp","totp_issuer":"Acme","totp_user":"ana@example.com"}""",
            T.Body(Encode.EnrollAuthFactor(T.Valid(EnrollAuthFactorRequest.Create("user_1", FactorType.Totp, "Acme", "ana@example.com")), T.Key)));
    }

    [Property]
    public Property ListAuthFactors_is_a_bearer_GET_without_query_or_body() =>
        Prop.ForAll(WorkOSValues.PathId.ToArbitrary(), id =>
        {
            var spec = Encode.ListAuthFactors(T.Valid(ListAuthFactorsRequest.Create(id)), T.Key);
            return spec.Method == HttpMethod.Get
                && spec.RenderPathAndQuery() == $"/user_management/users/{T.Seg(id)}/auth_factors"
                && spec.Query.IsEmpty && spec.Body.IsNone && spec.Auth == new Auth.Bearer(T.Key);
        });

    [Property]
    public Property ChallengeAuthFactor_posts_an_empty_object_to_the_MFA_API() =>
        Prop.ForAll(WorkOSValues.PathId.ToArbitrary(), id =>
        {
            var spec = Encode.ChallengeAuthFactor(T.Valid(ChallengeAuthFactorRequest.Create(id)), T.Key);
            return spec.Method == HttpMethod.Post
                && spec.RenderPathAndQuery() == $"/auth/factors/{T.Seg(id)}/challenge"
                && T.Body(spec) == "{}" && spec.Auth == new Auth.Bearer(T.Key);
        });

    // ---- decoding ----

    private static Gen<(Dictionary<string, object?> Wire, Factor Expected)> Factors =>
        from id in WorkOSValues.Id("auth_factor_")
        from type in Gen.OneOf(Gen.Elements("totp", "sms", "generic_otp", "webauthn"), WorkOSValues.Token(1, 10))
        from totp in Gen.Elements(0, 1, 2) // 0: null, 1: listing shape (issuer/user), 2: enrollment shape (secret, uri, qr)
        from secret in WorkOSValues.SecretValue
        from userId in WorkOSValues.OrNull(WorkOSValues.Id("user_"))
        select (
            WireJson.Dict(("object", "authentication_factor"), ("id", id), ("created_at", "2024-01-01T00:00:00.000Z"),
                ("updated_at", "2024-01-02T00:00:00.000Z"), ("type", type),
                ("totp", totp switch
                {
                    0 => null,
                    1 => WireJson.Dict(("issuer", "Acme"), ("user", "ana@example.com")),
                    _ => WireJson.Dict(("qr_code", $"data:image/png;base64,{secret}"), ("secret", secret),
                        ("uri", $"otpauth://totp/Acme:ana?secret={secret}&issuer=Acme"), ("issuer", "Acme"), ("user", "ana@example.com")),
                }),
                ("sms", type == "sms" ? WireJson.Dict(("phone_number", "+15555550100")) : null),
                ("user_id", userId)),
            new Factor(id, Some("authentication_factor"), "2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z", new FactorType(type),
                totp switch
                {
                    0 => None,
                    1 => Some(new TotpDetails(None, None, None, Some("Acme"), Some("ana@example.com"))),
                    _ => Some(new TotpDetails(Some(Secret.Of($"data:image/png;base64,{secret}")), Some(Secret.Of(secret)),
                        Some(Secret.Of($"otpauth://totp/Acme:ana?secret={secret}&issuer=Acme")), Some("Acme"), Some("ana@example.com"))),
                },
                type == "sms" ? Some(new SmsDetails("+15555550100")) : None,
                Optional(userId)));

    private static Dictionary<string, object?> ChallengeWire(string factorId, string? code) =>
        WireJson.Dict(("object", "authentication_challenge"), ("id", "auth_challenge_1"), ("created_at", "2024-01-01T00:00:00.000Z"),
            ("updated_at", "2024-01-01T00:00:00.000Z"), ("expires_at", null), ("authentication_factor_id", factorId), ("code", code));

    [Property]
    public Property A_factor_list_round_trips_keeping_order_and_unknown_types() =>
        Prop.ForAll(Gen.ListOf(Factors).ToArbitrary(), factors =>
        {
            var body = WireJson.Obj(("object", "list"), ("data", factors.Select(static f => f.Wire).ToArray()),
                ("list_metadata", WireJson.Dict(("before", null), ("after", "auth_factor_9"))));
            return Decode.ListAuthFactors(T.Json(200, body)).Match(
                Right: page => page.Data.SequenceEqual(factors.Select(static f => f.Expected))
                    && page.ListMetadata == new ListMetadata(None, Some("auth_factor_9")),
                Left: static _ => false);
        });

    [Property]
    public Property The_enrollment_answer_carries_the_factor_and_its_challenge() =>
        Prop.ForAll(Factors.ToArbitrary(), WorkOSValues.OrNull(WorkOSValues.SecretValue).ToArbitrary(), (factor, code) =>
        {
            var body = WireJson.Obj(("authentication_factor", factor.Wire), ("authentication_challenge", ChallengeWire(factor.Expected.Id, code)));
            return Decode.EnrollAuthFactor(T.Json(201, body)) == Right<Error, EnrollAuthFactorResponse>(new EnrollAuthFactorResponse(
                factor.Expected,
                new Challenge("auth_challenge_1", Some("authentication_challenge"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", None, factor.Expected.Id,
                    Optional(code).Map(Secret.Of))));
        });

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"authentication_factor":{"id":"auth_factor_1"}}""")]
    [InlineData("""{"authentication_challenge":{"id":"auth_challenge_1"}}""")]
    [InlineData("""{"authentication_factor":null,"authentication_challenge":{"id":"auth_challenge_1"}}""")]
    [InlineData("""{"authentication_factor":"auth_factor_1","authentication_challenge":{}}""")]
    [InlineData("")]
    public void An_enrollment_answer_missing_a_part_is_a_DecodeError(string body) =>
        Assert.Equal("EnrollAuthFactorResponse", Assert.IsType<DecodeError>(WireJson.LeftOf(Decode.EnrollAuthFactor(T.Json(200, body)))).What);

    [Fact]
    public void A_challenge_decodes_with_expiry_and_without_code()
    {
        var challenge = T.Valid(Decode.Challenge(T.Json(201,
            """{"object":"authentication_challenge","id":"auth_challenge_1","created_at":"c","updated_at":"u","expires_at":"2024-05-01T12:05:00.000Z","authentication_factor_id":"auth_factor_1"}""")));
        Assert.Equal(new Challenge("auth_challenge_1", Some("authentication_challenge"), "c", "u", Some("2024-05-01T12:05:00.000Z"), "auth_factor_1", None), challenge);
    }

    [Fact]
    public void Null_totp_and_sms_are_None_and_a_missing_type_is_a_DecodeError()
    {
        var factor = T.Valid(Decode.ListAuthFactors(T.Json(200, WireSamples.Page(WireSamples.Factor().With("totp", null)).Json()))).Data.Head;
        Assert.Equal(Option<TotpDetails>.None, factor.Totp);
        Assert.Equal(Option<SmsDetails>.None, factor.Sms);
        Assert.Equal(Option<string>.None, factor.Object);
        var error = WireJson.LeftOf(Decode.ListAuthFactors(T.Json(200, """{"data":[{"id":"auth_factor_1","totp":null}],"list_metadata":{}}""")));
        Assert.Equal("missing required fields data[0].created_at, data[0].updated_at, data[0].type", Assert.IsType<DecodeError>(error).Reason);
    }

    [Property]
    public Property Decoding_arbitrary_bodies_never_throws() =>
        Prop.ForAll(WorkOSValues.AnyText.ToArbitrary(), body =>
        {
            _ = Decode.EnrollAuthFactor(T.Json(200, body));
            _ = Decode.ListAuthFactors(T.Json(200, body));
            _ = Decode.Challenge(T.Json(200, body));
            return true;
        });

    // ---- secrecy ----

    [Property]
    public Property TOTP_secrets_uris_qr_codes_and_challenge_codes_never_print() =>
        Prop.ForAll(Factors.Where(static f => f.Expected.Totp.Bind(static t => t.Secret).IsSome).ToArbitrary(), WorkOSValues.SecretValue.ToArbitrary(), (factor, code) =>
        {
            var secret = factor.Expected.Totp.Bind(static t => t.Secret).Map(static s => s.Reveal()).IfNone("");
            var enrolled = T.Valid(Decode.EnrollAuthFactor(T.Json(201,
                WireJson.Obj(("authentication_factor", factor.Wire), ("authentication_challenge", ChallengeWire("auth_factor_1", code))))));
            var listed = T.Valid(Decode.ListAuthFactors(T.Json(200, WireJson.Obj(("data", new[] { factor.Wire }), ("list_metadata", WireJson.Dict())))));
            var request = T.Valid(EnrollAuthFactorRequest.Create("user_1", totpSecret: secret));
            var texts = new object[] { enrolled, enrolled.Factor, enrolled.Challenge, listed, listed.Data.Head, request,
                Encode.EnrollAuthFactor(request, T.Key) };
            return texts.All(t => !t.ToString()!.Contains(secret) && !t.ToString()!.Contains(code))
                && enrolled.Challenge.Code.Map(static c => c.Reveal()) == Some(code)
                && T.Body(Encode.EnrollAuthFactor(request, T.Key)).Contains(secret);
        });
}
