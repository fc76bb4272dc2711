using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WorkOS.Functional.Properties;

/// <summary>
/// Sign-in flows run purely over <see cref="FuncHttpIO"/>: each step-up value sends its own pending token
/// to its own grant and never prints it; <see cref="SignInFlow.Complete"/> drives a scripted chain; and
/// <see cref="Pkce"/> follows RFC 7636, checked against an independent computation.
/// </summary>
public sealed class FlowProperties
{
    private const string ClientId = "client_props";
    private const string FactorId = "auth_factor_totp1";
    private const string ChallengeId = "auth_challenge_01";
    private const string EmailGrant = "urn:workos:oauth:grant-type:email-verification:code";
    private const string TotpGrant = "urn:workos:oauth:grant-type:mfa-totp";
    private const string OrgGrant = "urn:workos:oauth:grant-type:organization-selection";
    private const string UserJson = """{"object":"user","id":"user_01","email":"ana@example.com","email_verified":true,"created_at":"t","updated_at":"t"}""";

    // ---------------------------------------------------------------- wire bodies of spec §4.4

    private static string EmailBody(string token) =>
        $$"""{"code":"email_verification_required","message":"verify","pending_authentication_token":"{{token}}","email":"ana@example.com","email_verification_id":"email_verification_01"}""";

    private static string MfaBody(string token) =>
        $$"""{"code":"mfa_challenge","message":"mfa","pending_authentication_token":"{{token}}","user":{{UserJson}},"authentication_factors":[{"id":"auth_factor_sms1","type":"sms"},{"id":"{{FactorId}}","type":"totp"}]}""";

    private static string OrgBody(string token) =>
        $$"""{"code":"organization_selection_required","message":"org","pending_authentication_token":"{{token}}","user":{{UserJson}},"organizations":[{"id":"org_a","name":"A Corp"},{"id":"org_b","name":"B Corp"}]}""";

    private static string SuccessBody(string? orgId) =>
        $$"""{"user":{{UserJson}},"organization_id":{{(orgId is null ? "null" : $"\"{orgId}\"")}},"access_token":"at_x","refresh_token":"rt_x","authentication_method":"Password","impersonator":null}""";

    private const string ChallengeJson =
        $$"""{"object":"authentication_challenge","id":"{{ChallengeId}}","created_at":"t","updated_at":"t","expires_at":"t","authentication_factor_id":"{{FactorId}}"}""";

    private static HttpResponseSpec InvalidGrant => T.Json(400, """{"error":"invalid_grant","error_description":"scripted server refused"}""");

    // ---------------------------------------------------------------- helpers

    private static Fin<A> RunSync<A>(Aff<A> aff) => aff.Run().AsTask().GetAwaiter().GetResult();

    private static A Succ<A>(Aff<A> aff) =>
        RunSync(aff).Match(Succ: static a => a, Fail: static e => throw new Exception($"expected success, got {e.GetType().Name}: {e}"));

    private static Error Fail<A>(Aff<A> aff) =>
        RunSync(aff).Match(Succ: static a => throw new Exception($"expected failure, got {a}"), Fail: static e => e);

    private static string Field(HttpRequestSpec spec, string key) =>
        T.Body(spec) is { Length: > 0 } body && T.Parse(body).TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static bool IsChallenge(HttpRequestSpec spec) =>
        spec.Method == HttpMethod.Post && spec.Path.ToArray() is ["auth", "factors", _, "challenge"];

    private static WorkOSClient Client(Func<HttpRequestSpec, HttpResponseSpec> respond, List<HttpRequestSpec> sent) =>
        T.Valid(WorkOSClient.Create("sk_test_flow", new FuncHttpIO(req => { sent.Add(req); return respond(req); })));

    private static Aff<SignInStep> Password(WorkOSClient client) =>
        from request in AuthenticateWithPasswordRequest.Create(ClientId, "ana@example.com", "correct-horse-1", ipAddress: "203.0.113.9").ToAff()
        from step in client.SignInWithPassword(request)
        select step;

    private static bool Hidden(string secret, IEnumerable<object> values) => values.All(v => !v.ToString()!.Contains(secret, StringComparison.Ordinal));

    // ---------------------------------------------------------------- a step-up value carries its token

    /// <summary>
    /// Answers the password grant with the step-up of <paramref name="kind"/>, a factor challenge with a
    /// Challenge, and every other grant with success; returns what the follow-up needs checked.
    /// </summary>
    private static bool StepCarriesItsToken(string token, string kind)
    {
        var sent = new List<HttpRequestSpec>();
        var stepUp = kind switch { "email" => EmailBody(token), "mfa" => MfaBody(token), _ => OrgBody(token) };
        var client = Client(req =>
            IsChallenge(req) ? T.Json(201, ChallengeJson)
            : Field(req, "grant_type") == "password" ? T.Json(403, stepUp)
            : T.Json(200, SuccessBody(null)), sent);

        var step = Succ(Password(client));
        var printed = new List<object> { step };
        var (next, grant) = step switch
        {
            VerifyEmailStep v when kind == "email" => (v.Verify("123456"), EmailGrant),
            ChallengeMfaStep c when kind == "mfa" => (Mfa(c, printed), TotpGrant),
            SelectOrganizationStep s when kind == "org" => (s.Select(s.Organizations.Last), OrgGrant),
            _ => throw new Exception($"unexpected step {step.GetType().Name} for {kind}"),
        };
        Assert.IsType<SignedIn>(Succ(next));

        var followUp = sent.Last();
        var challengeOk = kind != "mfa" || (
            Field(followUp, "authentication_challenge_id") == ChallengeId
            && sent.Count == 3
            && IsChallenge(sent[1]) && sent[1].Path.ToArray()[2] == FactorId
            && sent[1].Auth is Auth.Bearer);
        var orgOk = kind != "org" || Field(followUp, "organization_id") == "org_b";
        printed.AddRange(sent);
        printed.Add(((PendingSignInStep)step).StepUp);
        return Field(followUp, "pending_authentication_token") == token
            && Field(followUp, "grant_type") == grant
            && Field(followUp, "client_id") == ClientId
            && Field(followUp, "ip_address") == "203.0.113.9"
            && followUp.Auth is Auth.NoHeader
            && challengeOk && orgOk
            && Hidden(token, printed);
    }

    private static Aff<SignInStep> Mfa(ChallengeMfaStep step, List<object> printed)
    {
        var factor = step.Factors.Find(static f => f.Type == FactorType.Totp).IfNone(() => throw new Exception("no TOTP factor"));
        var totp = Succ(step.Challenge(factor));
        Assert.Equal(ChallengeId, totp.Challenge.Id);
        printed.Add(totp);
        return totp.Verify("654321");
    }

    [Property(MaxTest = 60)]
    public Property A_step_up_value_sends_the_token_it_came_with_to_its_own_grant_and_never_prints_it() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), Gen.Elements("email", "mfa", "org").ToArbitrary(), (token, kind) => StepCarriesItsToken(token, kind));

    [Fact]
    public void Each_step_up_body_becomes_its_step_value()
    {
        foreach (var (body, type) in new[] { (EmailBody("ptok_1"), typeof(VerifyEmailStep)), (MfaBody("ptok_2"), typeof(ChallengeMfaStep)), (OrgBody("ptok_3"), typeof(SelectOrganizationStep)) })
        {
            var sent = new List<HttpRequestSpec>();
            var step = Succ(Password(Client(_ => T.Json(403, body), sent)));
            Assert.IsType(type, step);
            Assert.Single(sent);
        }
    }

    [Fact]
    public void A_step_up_answered_with_status_422_is_still_a_step_value_because_detection_is_by_body()
    {
        var step = Succ(Password(Client(_ => T.Json(422, OrgBody("ptok_9")), [])));
        var select = Assert.IsType<SelectOrganizationStep>(step);
        Assert.Equal(new[] { "org_a", "org_b" }, select.Organizations.Map(static o => o.Id));
    }

    [Fact]
    public void A_follow_up_refused_by_the_server_fails_with_the_server_error()
    {
        var sent = new List<HttpRequestSpec>();
        var client = Client(req => Field(req, "grant_type") == "password" ? T.Json(403, EmailBody("ptok_e")) : InvalidGrant, sent);
        var step = Assert.IsType<VerifyEmailStep>(Succ(Password(client)));
        var error = Assert.IsType<ApiError>(Fail(step.Verify("000000")));
        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Equal(2, sent.Count);
    }

    // ---------------------------------------------------------------- SignInFlow.Complete over a scripted chain

    /// <summary>
    /// password → email verification (t1) → MFA challenge (t2) → organization selection (t3) → signed in.
    /// Each follow-up is accepted only with the token and inputs of its own step; anything else is invalid_grant.
    /// </summary>
    private static Func<HttpRequestSpec, HttpResponseSpec> Chain(string t1, string t2, string t3) => req =>
    {
        if (IsChallenge(req)) return req.Path.ToArray()[2] == FactorId ? T.Json(201, ChallengeJson) : T.Json(404, """{"code":"entity_not_found","message":"no factor"}""");
        var token = Field(req, "pending_authentication_token");
        return Field(req, "grant_type") switch
        {
            "password" => T.Json(403, EmailBody(t1)),
            EmailGrant when token == t1 && Field(req, "code") == "123456" => T.Json(403, MfaBody(t2)),
            TotpGrant when token == t2 && Field(req, "code") == "654321" && Field(req, "authentication_challenge_id") == ChallengeId => T.Json(403, OrgBody(t3)),
            OrgGrant when token == t3 && Field(req, "organization_id") == "org_b" => T.Json(200, SuccessBody("org_b")),
            _ => InvalidGrant,
        };
    };

    private sealed class Counting
    {
        public readonly List<string> Events = [];
        public int Email, Totp, Org;

        public SignInHandlers Handlers => new()
        {
            EmailVerificationCode = step => Eff(() => { Email++; Events.Add("email-code"); return "123456"; }).ToAff(),
            TotpCode = totp => Eff(() => { Totp++; Events.Add($"totp-code:{totp.Challenge.Id}"); return "654321"; }).ToAff(),
            ChooseOrganization = step => Eff(() => { Org++; Events.Add("choose-org"); return step.Organizations.Find(static o => o.Name == "B Corp").IfNone(step.Organizations.Head); }).ToAff(),
            OnStep = step => Eff(() => { Events.Add($"step:{step.GetType().Name}"); return unit; }).ToAff(),
        };
    }

    private static Gen<(string, string, string)> ThreeTokens =>
        from a in WorkOSValues.SecretValue
        from b in WorkOSValues.SecretValue
        from c in WorkOSValues.SecretValue
        where a != b && b != c && a != c
        select (a, b, c);

    [Property(MaxTest = 40)]
    public Property The_scripted_chain_ends_signed_in_calling_each_handler_exactly_once() =>
        Prop.ForAll(ThreeTokens.ToArbitrary(), tokens =>
        {
            var (t1, t2, t3) = tokens;
            var sent = new List<HttpRequestSpec>();
            var counting = new Counting();
            var response = Succ(Password(Client(Chain(t1, t2, t3), sent)).Complete(counting.Handlers));
            return response.OrganizationId == Some("org_b")
                && response.User.Id == "user_01"
                && (counting.Email, counting.Totp, counting.Org) == (1, 1, 1)
                && sent.Count == 5
                && Hidden(t1, sent.Cast<object>()) && Hidden(t2, sent.Cast<object>()) && Hidden(t3, sent.Cast<object>());
        });

    [Fact]
    public void The_chain_sends_password_email_challenge_totp_and_organization_grants_in_that_order()
    {
        var sent = new List<HttpRequestSpec>();
        Succ(Password(Client(Chain("ptok_a", "ptok_b", "ptok_c"), sent)).Complete(new Counting().Handlers));
        Assert.Equal(new[] { "password", EmailGrant, "challenge", TotpGrant, OrgGrant },
            sent.Select(static s => IsChallenge(s) ? "challenge" : Field(s, "grant_type")));
        Assert.Equal(new[] { "", "ptok_a", "", "ptok_b", "ptok_c" }, sent.Select(static s => Field(s, "pending_authentication_token")));
    }

    [Fact]
    public void OnStep_sees_every_step_in_order_each_before_it_is_handled()
    {
        var counting = new Counting();
        Succ(Password(Client(Chain("ptok_a", "ptok_b", "ptok_c"), [])).Complete(counting.Handlers));
        Assert.Equal(new[]
        {
            "step:VerifyEmailStep", "email-code",
            "step:ChallengeMfaStep", $"totp-code:{ChallengeId}",
            "step:SelectOrganizationStep", "choose-org",
            "step:SignedIn",
        }, counting.Events);
    }

    [Fact]
    public void The_default_factor_choice_challenges_the_TOTP_factor_not_the_first_listed()
    {
        var sent = new List<HttpRequestSpec>();
        Succ(Password(Client(Chain("ptok_a", "ptok_b", "ptok_c"), sent)).Complete(new Counting().Handlers));
        Assert.Equal(FactorId, sent.Single(IsChallenge).Path.ToArray()[2]);
    }

    [Theory]
    [InlineData("email", typeof(EmailVerificationRequired), 1)]
    [InlineData("mfa", typeof(MfaChallengeRequired), 2)]
    [InlineData("org", typeof(OrganizationSelectionRequired), 4)]
    public void A_step_without_a_handler_fails_with_that_step_up_error(string missing, Type expected, int requests)
    {
        var sent = new List<HttpRequestSpec>();
        var full = new Counting().Handlers;
        var handlers = missing switch
        {
            "email" => full with { EmailVerificationCode = null },
            "mfa" => full with { TotpCode = null },
            _ => full with { ChooseOrganization = null },
        };
        var error = Fail(Password(Client(Chain("ptok_a", "ptok_b", "ptok_c"), sent)).Complete(handlers));
        Assert.IsType(expected, error);
        Assert.Equal(requests, sent.Count);
        Assert.DoesNotContain("ptok_", error.ToString());
    }

    /// <summary>
    /// A server that asks for organization selection <paramref name="stepUps"/> times in a row, each time with a new
    /// pending token (<c>ptok_0</c>, <c>ptok_1</c>, …), then signs in.
    /// </summary>
    private static Func<HttpRequestSpec, HttpResponseSpec> Asking(int stepUps) => req =>
    {
        var index = Field(req, "grant_type") == "password" ? 0 : int.Parse(Field(req, "pending_authentication_token")["ptok_".Length..]) + 1;
        return index < stepUps ? T.Json(403, OrgBody($"ptok_{index}")) : T.Json(200, SuccessBody("org_b"));
    };

    /// <summary>Small counts, so every value and both edges (equal, one more) come up in every run; -1 too.</summary>
    private static Gen<int> SmallCount => Gen.Frequency((3, Gen.Choose(0, 4)), (2, Gen.Choose(5, 12)), (1, Gen.Constant(-1)));

    /// <summary>A limit, and a number of step-ups mostly at the limit or one either side of it.</summary>
    private static Gen<(int Max, int StepUps)> MaxAndStepUps =>
        from max in SmallCount
        from delta in Gen.Frequency((4, Gen.Choose(-1, 1)), (1, Gen.Choose(-5, 5)))
        select (max, Math.Max(Math.Max(max, 0) + delta, 0));

    [Property]
    public Property MaxSteps_allows_exactly_that_many_step_ups_and_then_fails_with_the_last_one() =>
        Prop.ForAll(MaxAndStepUps.ToArbitrary(), p =>
        {
            var (max, stepUps) = p;
            var sent = new List<HttpRequestSpec>();
            var fin = RunSync(Password(Client(Asking(stepUps), sent)).Complete(new Counting().Handlers with { MaxSteps = max }));
            var allowed = Math.Max(max, 0);
            return (stepUps <= allowed
                    ? fin.IsSucc && sent.Count == stepUps + 1
                    : fin.Match(Succ: static _ => false, Fail: static e => e is OrganizationSelectionRequired) && sent.Count == allowed + 1)
                .Label($"{stepUps} step-ups, MaxSteps {max}: {fin}, {sent.Count} requests");
        });

    [Fact]
    public void A_handler_failure_ends_the_flow_with_that_error_and_sends_nothing_more()
    {
        var sent = new List<HttpRequestSpec>();
        var refused = Error.New(77_001, "the person gave up");
        var handlers = new Counting().Handlers with { EmailVerificationCode = _ => FailAff<string>(refused) };
        var error = Fail(Password(Client(Chain("ptok_a", "ptok_b", "ptok_c"), sent)).Complete(handlers));
        Assert.Equal(77_001, error.Code);
        Assert.Single(sent);
    }

    // ---------------------------------------------------------------- PKCE (RFC 7636)

    private static bool Unreserved(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.' or '_' or '~';

    /// <summary>BASE64URL(SHA-256(ASCII(verifier))) without padding, computed without the library.</summary>
    private static string S256(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    [Property]
    public Property A_generated_verifier_has_the_asked_length_and_only_unreserved_characters() =>
        Prop.ForAll(WorkOSValues.Within(43, 128).ToArbitrary(), n =>
        {
            var pkce = T.Valid(Pkce.Generate(n));
            var verifier = pkce.Verifier.Reveal();
            return verifier.Length == n && verifier.All(Unreserved);
        });

    [Property]
    public Property The_challenge_is_the_unpadded_base64url_SHA256_of_the_verifier() =>
        Prop.ForAll(WorkOSValues.Within(43, 128).ToArbitrary(), n =>
        {
            var pkce = T.Valid(Pkce.Generate(n));
            return pkce.Challenge == S256(pkce.Verifier.Reveal())
                && pkce.Challenge.Length == 43
                && !pkce.Challenge.Contains('=')
                && pkce.Method == "S256";
        });

    [Property]
    public Property Lengths_outside_43_to_128_are_an_InvalidRequest_naming_code_verifier() =>
        Prop.ForAll(WorkOSValues.Outside(43, 128).ToArbitrary(), n =>
            Pkce.Generate(n).Match(Right: static _ => false, Left: static e => e is InvalidRequest ir && ir.Fields == Seq1("code_verifier")));

    /// <remarks>
    /// The brief quoted the challenge as <c>E9-DZLvvaNC2OLw3ZVVKDLTa0E5ObbGSTk5Ox9DAdIM</c>; RFC 7636 Appendix B
    /// (and SHA-256 computed here independently) give <c>E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM</c>.
    /// </remarks>
    [Fact]
    public void The_RFC_7636_appendix_B_vector()
    {
        const string verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        const string challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        Assert.Equal(challenge, Pkce.ChallengeOf(verifier));
        Assert.Equal(challenge, S256(verifier));
    }

    [Fact]
    public void Generated_verifiers_differ_and_the_default_length_is_64()
    {
        var verifiers = Enumerable.Range(0, 200).Select(static _ => Pkce.Generate().Verifier.Reveal()).ToList();
        Assert.All(verifiers, static v => Assert.Equal(64, v.Length));
        Assert.Equal(verifiers.Count, verifiers.Distinct().Count());
        var shortest = Enumerable.Range(0, 200).Select(static _ => T.Valid(Pkce.Generate(43)).Verifier.Reveal()).ToList();
        Assert.Equal(shortest.Count, shortest.Distinct().Count());
    }

    [Property]
    public Property Printing_a_pair_never_shows_the_verifier() =>
        Prop.ForAll(WorkOSValues.Within(43, 128).ToArbitrary(), n =>
        {
            var pkce = T.Valid(Pkce.Generate(n));
            var verifier = pkce.Verifier.Reveal();
            return !pkce.ToString().Contains(verifier, StringComparison.Ordinal)
                && !pkce.Verifier.ToString().Contains(verifier, StringComparison.Ordinal)
                && pkce.ToString().Contains(pkce.Challenge, StringComparison.Ordinal);
        });

    [Fact]
    public void States_are_URL_safe_unique_and_carry_32_bytes()
    {
        var states = Enumerable.Range(0, 500).Select(static _ => Pkce.NewState()).ToList();
        Assert.All(states, static s =>
        {
            Assert.Equal(s, Uri.EscapeDataString(s));
            Assert.All(s, static c => Assert.True(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_', $"'{c}'"));
            Assert.Equal(32, Base64Url.DecodeFromChars(s).Length);
        });
        Assert.Equal(states.Count, states.Distinct().Count());
    }
}
