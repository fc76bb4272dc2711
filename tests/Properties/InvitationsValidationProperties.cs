namespace WorkOS.Functional.Properties;

/// <summary>Validation of the invitation requests names exactly the bad fields, all at once (spec §5).</summary>
public sealed class InvitationsValidationProperties
{
    [Property]
    public Property Id_and_token_requests_reject_exactly_blank_values() =>
        Prop.ForAll(Gen.OneOf(WorkOSValues.Blank, WorkOSValues.Id("invitation_").Select(static s => (string?)s)).ToArbitrary(), id =>
        {
            var blank = string.IsNullOrWhiteSpace(id);
            var expected = blank ? new[] { "invitation_id" } : [];
            return T.SameSet(T.Fields(GetInvitationRequest.Create(id)), expected)
                && T.SameSet(T.Fields(RevokeInvitationRequest.Create(id)), expected)
                && T.SameSet(T.Fields(ResendInvitationRequest.Create(id)), expected)
                && T.SameSet(T.Fields(FindInvitationByTokenRequest.Create(id)), blank ? ["invitation_token"] : []);
        });

    [Property]
    public Property A_token_held_as_a_secret_validates_like_its_value() =>
        Prop.ForAll(Gen.OneOf(WorkOSValues.SecretValue, Gen.Elements("", " ")).ToArbitrary(), token =>
            T.Fields(FindInvitationByTokenRequest.Create(Secret.Of(token))) == T.Fields(FindInvitationByTokenRequest.Create(token))
            && FindInvitationByTokenRequest.Create(Secret.Of(token)).Map(static r => r.InvitationToken.Reveal()).IfLeft("") == token.Trim());

    [Property]
    public Property Expires_in_days_accepts_unset_0_and_exactly_1_to_30() =>
        Prop.ForAll(Gen.OneOf(WorkOSValues.Around(1, 30).Select(static d => (int?)d), Gen.Constant<int?>(null)).ToArbitrary(), days =>
        {
            var result = SendInvitationRequest.Create("ana@example.com", expiresInDays: days);
            return days is null or 0 ? T.Valid(result).ExpiresInDays == 0
                : days is >= 1 and <= 30 ? T.Valid(result).ExpiresInDays == days
                : T.SameSet(T.Fields(result), "expires_in_days");
        });

    [Property]
    public Property Send_reports_every_bad_field_at_once() =>
        Prop.ForAll((
            from email in Gen.OneOf(WorkOSValues.Email.Select(static e => ((string?)e, true)), WorkOSValues.BadEmail.Select(static e => ((string?)e, false)), WorkOSValues.Blank.Select(static e => (e, false)))
            from days in Gen.Elements<int?>(null, 0, 7, 30, 31, -1)
            from org in Gen.Elements<string?>(null, "", "org_1", "  ")
            from inviter in Gen.Elements<string?>(null, "user_1", "\t")
            select (email, days, org, inviter)).ToArbitrary(),
            x =>
            {
                var expected = new List<string>();
                if (!x.email.Item2) expected.Add("email");
                if (x.days is 31 or -1) expected.Add("expires_in_days");
                if (x.org == "  ") expected.Add("organization_id");
                if (x.inviter == "\t") expected.Add("inviter_user_id");
                var result = SendInvitationRequest.Create(x.email.Item1, x.org, x.days, x.inviter, "member");
                return T.SameSet(T.Fields(result), expected.ToArray()).Label($"{x}: {T.Fields(result)}");
            });

    [Property]
    public Property List_reports_org_email_limit_and_order_problems_together() =>
        Prop.ForAll((
            from org in Gen.Elements<string?>(null, "", "org_1", " ")
            from email in Gen.OneOf(Gen.Elements<string?>(null, ""), WorkOSValues.Email.Select(static e => (string?)e), WorkOSValues.BadEmail.Select(static e => (string?)e))
            from limit in Gen.Elements<int?>(null, 1, 100, 0, 101)
            from order in Gen.Elements<Order?>(null, Order.Asc, new Order("up"))
            select (org, email, limit, order)).ToArbitrary(),
            x =>
            {
                var expected = new List<string>();
                if (x.org == " ") expected.Add("organization_id");
                if (!string.IsNullOrEmpty(x.email) && !Rules.IsEmailShaped(x.email)) expected.Add("email");
                if (x.limit is 0 or 101) expected.Add("limit");
                if (x.order?.Value == "up") expected.Add("order");
                return T.SameSet(T.Fields(ListInvitationsRequest.Create(x.org, x.email, x.limit, x.order)), expected.ToArray());
            });

    [Fact]
    public void List_defaults_and_NextPage()
    {
        Assert.Equal(ListInvitationsRequest.Default, T.Valid(ListInvitationsRequest.Create()));
        var next = T.Valid(ListInvitationsRequest.Create(organizationId: "org_1", limit: 3, before: "invitation_0")).NextPage("invitation_9");
        Assert.Equal((Some("org_1"), 3, Option<string>.None, Some("invitation_9")), (next.OrganizationId, next.Limit, next.Before, next.After));
    }

    [Fact]
    public void Send_keeps_the_optional_fields_it_was_given()
    {
        var r = T.Valid(SendInvitationRequest.Create("ana@example.com", "org_1", 14, "user_2", "admin"));
        Assert.Equal(("ana@example.com", Some("org_1"), 14, Some("user_2"), Some("admin")), (r.Email, r.OrganizationId, r.ExpiresInDays, r.InviterUserId, r.RoleSlug));
    }
}
