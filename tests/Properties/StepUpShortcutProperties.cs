namespace WorkOS.Functional.Properties;

/// <summary>
/// The typed shortcut for step-up bodies (one typed pass instead of a JSON tree) never changes an answer: over
/// bodies mixing every step-up code with fields of the wrong JSON type, missing, null, or users lacking a required
/// field, <see cref="Decode.Error"/> equals what the tree alone decides. And the masking pre-check never lets a
/// secret-shaped value through.
/// </summary>
public sealed class StepUpShortcutProperties
{
    private const string User = """{"object":"user","id":"user_01HX","email":"ana@example.com","email_verified":true,"created_at":"t","updated_at":"t","metadata":{"k":"v"}}""";

    private static Gen<string> Member(string name, params string[] values) =>
        Gen.Elements([.. values.Select(v => $"\"{name}\":{v},"), ""]);

    private static readonly Gen<string> Bodies =
        from code in Member("code", "\"mfa_challenge\"", "\"mfa_enrollment\"", "\"organization_selection_required\"",
            "\"email_verification_required\"", "\"sso_required\"", "\"something_new\"", "7", "null")
        from message in Member("message", "\"Please finish signing in.\"", "\"code=123456 expired\"", "\"Bearer abc.def\"", "3", "null")
        from token in Member("pending_authentication_token", "\"ptok_s3cr3t\"", "\"\"", "5", "null")
        from user in Member("user", User, User.Replace("\"id\":\"user_01HX\",", ""), User.Replace("true", "\"yes\""), "\"user_01HX\"", "null", "[]")
        from factors in Member("authentication_factors", """[{"id":"auth_factor_1","type":"totp"}]""", """[null,{"id":"f2","type":"sms"}]""",
            """[{"id":9,"type":"totp"}]""", """[1]""", "{}", "[]", "null")
        from organizations in Member("organizations", """[{"id":"org_1","name":"Acme"}]""", """[{"id":"org_1","name":false}]""", "\"org\"", "null")
        from email in Member("email", "\"ana@example.com\"", "1")
        from verification in Member("email_verification_id", "\"email_verification_1\"", "[]")
        from error in Member("error", "\"sso_required\"", "\"organization_authentication_methods_required\"")
        select "{" + $"{code}{message}{token}{user}{factors}{organizations}{email}{verification}{error}".TrimEnd(',') + "}";

    [Property(MaxTest = 500)]
    public Property The_typed_shortcut_decides_every_body_exactly_as_the_json_tree_does() =>
        Prop.ForAll(Bodies.ToArbitrary(), Gen.Elements(400, 401, 403, 422, 429).ToArbitrary(), (body, status) =>
        {
            var answer = T.Json(status, body, ("X-Request-ID", "req_1"));
            var (shortcut, tree) = (Decode.Error(answer), Decode.ErrorFromTree(answer));
            return (shortcut.Equals(tree) && shortcut.Message == tree.Message).Label($"{body}: {shortcut.GetType().Name} vs {tree.GetType().Name}");
        });

    [Fact]
    public void The_shortcut_is_taken_for_a_common_step_up_and_reads_it_whole()
    {
        var e = Assert.IsType<OrganizationSelectionRequired>(Decode.Error(T.Json(403,
            $$"""{"code":"organization_selection_required","message":"Pick one.","pending_authentication_token":"ptok_1","user":{{User}},"organizations":[{"id":"org_1","name":"Acme"}]}""")));
        Assert.Equal((Seq1(new OrganizationRef("org_1", "Acme")), "user_01HX", "ptok_1", "Pick one."),
            (e.Organizations, e.User.Id, e.PendingAuthenticationToken.Reveal(), e.Message));
    }

    /// <summary>
    /// The patterns ignore case the Unicode way (the Kelvin sign K is a <c>k</c>); the pre-check that skips them for
    /// text without a secret-shaped word compares ASCII only, so any other text must still reach them.
    /// </summary>
    [Theory]
    [InlineData("{\"to\u212Aen\":\"s3cr3t-value\"}")]
    [InlineData("to\u212Aen=s3cr3t-value and more")]
    public void A_key_spelled_with_a_Unicode_case_equivalent_is_still_masked(string message) =>
        Assert.DoesNotContain("s3cr3t", Decode.MaskSecrets(message));

    [Property]
    public Property Ascii_text_without_a_secret_shaped_word_is_left_as_it_is() =>
        Prop.ForAll(Gen.Elements("The user must complete an MFA challenge.", "Not found", "Rate limit exceeded, try later", "{\"message\":\"nope\"}").ToArbitrary(),
            text => Decode.MaskSecrets(text) == text);
}
