namespace WorkOS.Functional.Properties;

/// <summary>
/// Validation of the authenticate grants and RevokeSession (spec §5): each request names exactly its bad
/// fields, all at once, in wire order; nothing else is rejected.
/// </summary>
public sealed class AuthenticateValidationProperties
{
    private static Gen<(string? Value, bool Ok)> ClientId => Gens.Checked(WorkOSValues.Id("client_"));
    private static Gen<(string? Value, bool Ok)> SecretText => Gens.Checked(WorkOSValues.SecretValue);

    /// <summary>The result is valid iff every field is ok; otherwise exactly the bad fields, in the given order.</summary>
    private static Property Exactly<A>(Either<Error, A> result, params (string Field, bool Ok)[] fields)
    {
        var expected = fields.Where(static f => !f.Ok).Select(static f => f.Field).ToArray();
        return (result.IsRight == (expected.Length == 0) && T.Fields(result).SequenceEqual(expected))
            .Label($"expected [{string.Join(",", expected)}], got [{string.Join(",", T.Fields(result))}]");
    }

    [Property]
    public Property Password_grant_rejects_exactly_blank_client_bad_email_and_blank_password() =>
        Prop.ForAll(ClientId.ToArbitrary(), Gens.CheckedEmail.ToArbitrary(), SecretText.ToArbitrary(), (c, e, p) =>
            Exactly(AuthenticateWithPasswordRequest.Create(c.Value, e.Value, p.Value), ("client_id", c.Ok), ("email", e.Ok), ("password", p.Ok)));

    [Property]
    public Property Code_grant_rejects_exactly_blank_client_and_code() =>
        Prop.ForAll(ClientId.ToArbitrary(), SecretText.ToArbitrary(), WorkOSValues.MaybeText.ToArbitrary(), (c, k, verifier) =>
            Exactly(AuthenticateWithCodeRequest.Create(c.Value, k.Value, codeVerifier: verifier), ("client_id", c.Ok), ("code", k.Ok)));

    [Property]
    public Property Refresh_grant_rejects_exactly_blank_client_and_token_given_as_text() =>
        Prop.ForAll(ClientId.ToArbitrary(), SecretText.ToArbitrary(), WorkOSValues.MaybeText.ToArbitrary(), (c, t, org) =>
            Exactly(AuthenticateWithRefreshTokenRequest.Create(c.Value, t.Value, organizationId: org), ("client_id", c.Ok), ("refresh_token", t.Ok)));

    [Property]
    public Property Refresh_grant_rejects_exactly_blank_client_and_token_given_as_a_Secret() =>
        Prop.ForAll(ClientId.ToArbitrary(), Gens.CheckedSecret.ToArbitrary(), (c, t) =>
            Exactly(AuthenticateWithRefreshTokenRequest.Create(c.Value, t.Value), ("client_id", c.Ok), ("refresh_token", t.Ok)));

    [Property]
    public Property MagicAuth_grant_rejects_exactly_blank_client_blank_code_and_bad_email() =>
        Prop.ForAll(ClientId.ToArbitrary(), SecretText.ToArbitrary(), Gens.CheckedEmail.ToArbitrary(), (c, k, e) =>
            Exactly(AuthenticateWithMagicAuthRequest.Create(c.Value, k.Value, e.Value), ("client_id", c.Ok), ("code", k.Ok), ("email", e.Ok)));

    [Property]
    public Property TOTP_grant_rejects_exactly_its_four_blank_fields() =>
        Prop.ForAll((
            from c in ClientId
            from k in SecretText
            from p in SecretText
            from ch in Gens.Checked(WorkOSValues.Id("auth_challenge_"))
            select (c, k, p, ch)).ToArbitrary(), x =>
            Exactly(AuthenticateWithTOTPRequest.Create(x.c.Value, x.k.Value, x.p.Value, x.ch.Value),
                ("client_id", x.c.Ok), ("code", x.k.Ok), ("pending_authentication_token", x.p.Ok), ("authentication_challenge_id", x.ch.Ok)));

    [Property]
    public Property TOTP_grant_from_a_Secret_pending_token_rejects_exactly_its_blank_fields() =>
        Prop.ForAll((
            from c in ClientId
            from k in SecretText
            from p in Gens.CheckedSecret
            from ch in Gens.Checked(WorkOSValues.Id("auth_challenge_"))
            select (c, k, p, ch)).ToArbitrary(), x =>
            Exactly(AuthenticateWithTOTPRequest.Create(x.c.Value, x.k.Value, x.p.Value, x.ch.Value),
                ("client_id", x.c.Ok), ("code", x.k.Ok), ("pending_authentication_token", x.p.Ok), ("authentication_challenge_id", x.ch.Ok)));

    [Property]
    public Property EmailVerification_grant_rejects_exactly_blank_client_code_and_pending_token() =>
        Prop.ForAll(ClientId.ToArbitrary(), SecretText.ToArbitrary(), SecretText.ToArbitrary(), (c, k, p) =>
            Exactly(AuthenticateWithEmailVerificationCodeRequest.Create(c.Value, k.Value, p.Value),
                ("client_id", c.Ok), ("code", k.Ok), ("pending_authentication_token", p.Ok)));

    [Property]
    public Property EmailVerification_grant_from_a_Secret_pending_token_rejects_exactly_its_blank_fields() =>
        Prop.ForAll(ClientId.ToArbitrary(), SecretText.ToArbitrary(), Gens.CheckedSecret.ToArbitrary(), (c, k, p) =>
            Exactly(AuthenticateWithEmailVerificationCodeRequest.Create(c.Value, k.Value, p.Value),
                ("client_id", c.Ok), ("code", k.Ok), ("pending_authentication_token", p.Ok)));

    [Property]
    public Property OrganizationSelection_grant_rejects_exactly_blank_client_pending_token_and_organization() =>
        Prop.ForAll(ClientId.ToArbitrary(), SecretText.ToArbitrary(), Gens.Checked(WorkOSValues.Id("org_")).ToArbitrary(), (c, p, o) =>
            Exactly(AuthenticateWithOrganizationSelectionRequest.Create(c.Value, p.Value, o.Value),
                ("client_id", c.Ok), ("pending_authentication_token", p.Ok), ("organization_id", o.Ok)));

    [Property]
    public Property OrganizationSelection_grant_from_a_Secret_pending_token_rejects_exactly_its_blank_fields() =>
        Prop.ForAll(ClientId.ToArbitrary(), Gens.CheckedSecret.ToArbitrary(), Gens.Checked(WorkOSValues.Id("org_")).ToArbitrary(), (c, p, o) =>
            Exactly(AuthenticateWithOrganizationSelectionRequest.Create(c.Value, p.Value, o.Value),
                ("client_id", c.Ok), ("pending_authentication_token", p.Ok), ("organization_id", o.Ok)));

    [Property]
    public Property RevokeSession_rejects_exactly_blank_session_ids() =>
        Prop.ForAll(Gens.Checked(WorkOSValues.Id("session_")).ToArbitrary(), s =>
            Exactly(RevokeSessionRequest.Create(s.Value), ("session_id", s.Ok)));

    [Property]
    public Property Optional_grant_fields_never_cause_a_problem_and_empty_means_unset() =>
        Prop.ForAll(WorkOSValues.MaybeText.ToArbitrary(), WorkOSValues.MaybeText.ToArbitrary(), WorkOSValues.MaybeText.ToArbitrary(), (ip, ua, extra) =>
        {
            var password = T.Valid(AuthenticateWithPasswordRequest.Create("client_1", "a@b.co", "pw", ip, ua));
            var code = T.Valid(AuthenticateWithCodeRequest.Create("client_1", "code", extra, ip, ua));
            var magic = T.Valid(AuthenticateWithMagicAuthRequest.Create("client_1", "123456", "a@b.co", extra, ip, ua));
            var refresh = T.Valid(AuthenticateWithRefreshTokenRequest.Create("client_1", "rt", extra, ip, ua));
            return password.IpAddress == Rules.Optional(ip) && password.UserAgent == Rules.Optional(ua)
                && code.CodeVerifier == Rules.OptionalSecret(extra)
                && magic.LinkAuthorizationCode == Rules.OptionalSecret(extra)
                && refresh.OrganizationId == Rules.Optional(extra);
        });

    [Property]
    public Property A_step_up_token_passes_into_the_follow_up_grant_unrevealed_and_unchanged() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), token =>
        {
            var error = Decode.Error(T.Json(403, $$"""{"code":"mfa_challenge","message":"m","pending_authentication_token":"{{token}}","user":{"id":"user_1","email":"a@b.co","email_verified":true,"created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z"},"authentication_factors":[{"id":"auth_factor_1","type":"totp"}]}"""));
            var pending = ((AuthStepUp)error).PendingAuthenticationToken;
            return T.Valid(AuthenticateWithTOTPRequest.Create("client_1", "123456", pending, "auth_challenge_1")).PendingAuthenticationToken == pending
                && T.Valid(AuthenticateWithEmailVerificationCodeRequest.Create("client_1", "123456", pending)).PendingAuthenticationToken == pending
                && T.Valid(AuthenticateWithOrganizationSelectionRequest.Create("client_1", pending, "org_1")).PendingAuthenticationToken == pending
                && pending.Reveal() == token;
        });

    [Fact]
    public void Every_problem_of_a_grant_is_reported_in_one_InvalidRequest_in_wire_order()
    {
        var error = AuthenticateWithTOTPRequest.Create(" ", "", (string?)null, "\t").Match(Right: static _ => (Error)Error.New("no"), Left: static e => e);
        var invalid = Assert.IsType<InvalidRequest>(error);
        Assert.Equal(Seq("client_id", "code", "pending_authentication_token", "authentication_challenge_id"), invalid.Fields);
        Assert.All(invalid.Problems, static p => Assert.Equal("is required", p.Message));
        Assert.Equal(ErrorCodes.InvalidRequest, invalid.Code);
    }

    [Fact]
    public void A_non_address_email_is_named_as_such()
    {
        var error = AuthenticateWithPasswordRequest.Create("client_1", "ana.example.com", "pw").Match(Right: static _ => (Error)Error.New("no"), Left: static e => e);
        Assert.Equal(Seq1(new FieldProblem("email", "must be an email address")), Assert.IsType<InvalidRequest>(error).Problems);
    }

    [Fact]
    public void Secrets_are_held_wrapped()
    {
        var r = T.Valid(AuthenticateWithCodeRequest.Create("client_1", "the-code", "the-verifier"));
        Assert.Equal("the-code", r.Code.Reveal());
        Assert.Equal(Some("the-verifier"), r.CodeVerifier.Map(static v => v.Reveal()));
    }
}
