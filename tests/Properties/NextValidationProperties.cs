namespace WorkOS.Functional.Properties;

/// <summary>Validation of the operations added after Go v6.3: every blank required field is reported, all at once.</summary>
public sealed class NextValidationProperties
{
    private static readonly Secret Token = Secret.Of("pat_token_1");

    private static Gen<string?> BlankOr(Gen<string> valid) => Gen.OneOf(WorkOSValues.Blank, valid.Select(static v => (string?)v));

    private static IEnumerable<string> Blank(params (string Field, string? Value)[] fields) =>
        fields.Where(static f => string.IsNullOrWhiteSpace(f.Value)).Select(static f => f.Field);

    [Property]
    public Property ListSessions_reports_blank_user_and_bad_limit_together() =>
        Prop.ForAll(BlankOr(WorkOSValues.Id("user_")).ToArbitrary(), Gen.OneOf(Gen.Choose(-5, 0), Gen.Choose(101, 300), Gen.Choose(1, 100)).ToArbitrary(), (user, limit) =>
        {
            var expected = Blank(("user_id", user)).Concat(limit is < 1 or > 100 ? ["limit"] : System.Array.Empty<string>()).ToArray();
            var fields = T.Fields(ListSessionsRequest.Create(user, limit));
            return expected.Length == 0 ? fields.IsEmpty : T.SameSet(fields, expected) && fields.Count == expected.Length;
        });

    [Property]
    public Property ListOrganizationMembershipGroups_reports_blank_membership_and_bad_order_together() =>
        Prop.ForAll(BlankOr(WorkOSValues.Id("om_")).ToArbitrary(), Gen.Elements(Order.Asc, Order.Desc, new Order("normal"), new Order("")).ToArbitrary(), (om, order) =>
        {
            var expected = Blank(("organization_membership_id", om)).Concat(order == Order.Asc || order == Order.Desc ? [] : new[] { "order" }).ToArray();
            var fields = T.Fields(ListOrganizationMembershipGroupsRequest.Create(om, order: order));
            return expected.Length == 0 ? fields.IsEmpty : T.SameSet(fields, expected);
        });

    /// <summary>
    /// A body ID (the device's <c>client_id</c>) is refused exactly when blank; a path ID (an invitation's, a Radar
    /// challenge's) also when it is a dot segment, <c>.</c> or <c>..</c>, which any text may be and which is drawn on purpose.
    /// </summary>
    [Property]
    public Property Id_only_requests_reject_exactly_blank_ids_and_dot_segments_in_paths() =>
        Prop.ForAll(Gen.OneOf(BlankOr(WorkOSValues.AnyText), WorkOSValues.DotSegment.Select(static s => (string?)s)).ToArbitrary(), id =>
        {
            var blank = string.IsNullOrWhiteSpace(id);
            var refusedInPath = blank || id is "." or "..";
            return (T.Fields(AcceptInvitationRequest.Create(id)).IsEmpty != refusedInPath)
                && (T.Fields(GetRadarChallengeRequest.Create(id)).IsEmpty != refusedInPath)
                && (T.Fields(CreateDeviceRequest.Create(id)).IsEmpty != blank)
                && (blank ? T.Fields(CreateDeviceRequest.Create(id)) == Seq1("client_id") : true);
        }).Label("path IDs refuse blank, . and ..; the body ID refuses blank");

    [Property]
    public Property Email_change_reports_every_bad_field_at_once() =>
        Prop.ForAll(BlankOr(WorkOSValues.Id("user_")).ToArbitrary(), Gen.OneOf(BlankOr(WorkOSValues.Email), WorkOSValues.BadEmail.Select(static e => (string?)e)).ToArbitrary(),
            BlankOr(WorkOSValues.Token(6, 6)).ToArbitrary(), (user, email, code) =>
            {
                var badEmail = string.IsNullOrWhiteSpace(email) || !Rules.IsEmailShaped(email);
                var send = T.Fields(SendEmailChangeRequest.Create(user, email));
                var confirm = T.Fields(ConfirmEmailChangeRequest.Create(user, code));
                return T.SameSet(send, [.. Blank(("user_id", user)), .. badEmail ? new[] { "new_email" } : []])
                    && T.SameSet(confirm, [.. Blank(("user_id", user), ("code", code))]);
            });

    [Property]
    public Property Device_code_grant_reports_blank_client_and_blank_code_together() =>
        Prop.ForAll(BlankOr(WorkOSValues.Id("client_")).ToArbitrary(), BlankOr(WorkOSValues.SecretValue).ToArbitrary(), (client, code) =>
            T.SameSet(T.Fields(AuthenticateWithDeviceCodeRequest.Create(client, code is null ? null : Secret.Of(code))),
                [.. Blank(("client_id", client), ("device_code", code))]));

    [Property]
    public Property Radar_grants_report_every_blank_field_and_a_bad_phone_at_once() =>
        Prop.ForAll((
                from client in BlankOr(WorkOSValues.Id("client_"))
                from code in BlankOr(WorkOSValues.Token(6, 6))
                from id in BlankOr(WorkOSValues.Id("radar_"))
                from phone in Gen.OneOf(BlankOr(Gen.Constant("+447700900123")), Gen.Elements<string?>("07700900123", "+0123", "+1", "+12345678901234567", "+44 7700"))
                from token in Gen.Elements<Secret?>(null, Secret.Of(""), Secret.Of("  "), Token)
                select (client, code, id, phone, token)).ToArbitrary(), t =>
            {
                var (client, code, id, phone, token) = t;
                var badPhone = phone != "+447700900123";
                var badToken = token is null || string.IsNullOrWhiteSpace(token.Reveal());
                var email = T.Fields(AuthenticateWithRadarEmailChallengeRequest.Create(client, code, id, token));
                var sms = T.Fields(AuthenticateWithRadarSmsChallengeRequest.Create(client, code, id, phone, token));
                var create = T.Fields(CreateRadarChallengeRequest.Create(id, token, phone));
                string[] tokenField = badToken ? ["pending_authentication_token"] : [];
                string[] phoneField = badPhone ? ["phone_number"] : [];
                return T.SameSet(email, [.. Blank(("client_id", client), ("code", code), ("radar_challenge_id", id)), .. tokenField])
                    && T.SameSet(sms, [.. Blank(("client_id", client), ("code", code), ("verification_id", id)), .. phoneField, .. tokenField])
                    && T.SameSet(create, [.. Blank(("user_id", id)), .. tokenField, .. phoneField]);
            });

    [Property]
    public Property Max_age_is_rejected_only_when_negative_and_zero_is_kept() =>
        Prop.ForAll(Gen.Choose(-1000, 1000).ToArbitrary(), age =>
            GetAuthorizationURLRequest.Create("client_1", "https://app.example.com/cb", Provider.AuthKit, maxAge: age).Match(
                Right: r => age >= 0 && r.MaxAge == Some(age),
                Left: e => age < 0 && T.Fields(Left<Error, Unit>(e)) == Seq1("max_age")));

    [Fact]
    public void Blank_provider_query_param_keys_are_reported_with_the_other_problems()
    {
        var fields = T.Fields(GetAuthorizationURLRequest.Create(null, "https://app.example.com/cb", Provider.AuthKit, maxAge: -1,
            providerQueryParams: new Dictionary<string, string> { [" "] = "x", ["team"] = "acme" }));
        Assert.True(T.SameSet(fields, "client_id", "max_age", "provider_query_params"), string.Join(",", fields));
    }
}
