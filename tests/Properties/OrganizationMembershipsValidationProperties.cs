namespace WorkOS.Functional.Properties;

/// <summary>Validation of the membership requests names exactly the bad fields, all at once (spec §5).</summary>
public sealed class OrganizationMembershipsValidationProperties
{
    private static readonly Gen<string?> IdOrBlank = Gen.OneOf(WorkOSValues.Blank, WorkOSValues.Id("om_").Select(static s => (string?)s));

    [Property]
    public Property Id_requests_reject_exactly_blank_ids() =>
        Prop.ForAll(IdOrBlank.ToArbitrary(), id =>
        {
            var expected = string.IsNullOrWhiteSpace(id) ? new[] { "organization_membership_id" } : [];
            return T.SameSet(T.Fields(GetOrganizationMembershipRequest.Create(id)), expected)
                && T.SameSet(T.Fields(DeleteOrganizationMembershipRequest.Create(id)), expected)
                && T.SameSet(T.Fields(DeactivateOrganizationMembershipRequest.Create(id)), expected)
                && T.SameSet(T.Fields(ReactivateOrganizationMembershipRequest.Create(id)), expected)
                && T.SameSet(T.Fields(UpdateOrganizationMembershipRequest.Create(id)), expected);
        });

    /// <summary>Unset (null/""), white space, or an ID.</summary>
    private static Gen<string?> Filter(string prefix) => Gen.OneOf(Gen.Elements<string?>(null, "", " ", "\t"), WorkOSValues.Id(prefix).Select(static s => (string?)s));

    [Property]
    public Property List_requires_user_or_organization_and_names_both_when_both_are_missing() =>
        Prop.ForAll(Filter("user_").ToArbitrary(), Filter("org_").ToArbitrary(), (user, org) =>
        {
            var expected = new List<string>();
            if (string.IsNullOrEmpty(user) && string.IsNullOrEmpty(org)) expected.AddRange(["user_id", "organization_id"]);
            if (user is not null && user.Length > 0 && string.IsNullOrWhiteSpace(user)) expected.Add("user_id");
            if (org is not null && org.Length > 0 && string.IsNullOrWhiteSpace(org)) expected.Add("organization_id");
            var result = ListOrganizationMembershipsRequest.Create(userId: user, organizationId: org);
            return T.SameSet(T.Fields(result), expected.ToArray())
                .Label($"user '{user}', org '{org}': {T.Fields(result)}");
        });

    [Fact]
    public void Missing_filters_are_reported_as_two_problems_in_one_InvalidRequest()
    {
        var error = ListOrganizationMembershipsRequest.Create().Match(Right: static _ => null!, Left: static e => e);
        var invalid = Assert.IsType<InvalidRequest>(error);
        Assert.Equal(Seq("user_id", "organization_id"), invalid.Fields);
        Assert.Contains("user_id: is required when organization_id is not given", invalid.Message);
    }

    [Property]
    public Property Statuses_accept_exactly_active_inactive_and_pending() =>
        Prop.ForAll(Gen.ListOf(Gen.OneOf(WorkOSValues.MembershipStatus, Gen.Elements("Active", "deleted", "", "pending ").Select(static s => new OrganizationMembershipStatus(s)))).ToArbitrary(),
            statuses =>
            {
                var known = statuses.All(static s => s.Value is "active" or "inactive" or "pending");
                var result = ListOrganizationMembershipsRequest.Create(userId: "user_1", statuses: statuses);
                return known
                    ? T.Valid(result).Statuses.SequenceEqual(statuses)
                    : T.SameSet(T.Fields(result), "statuses") && T.Fields(result).Count == 1;
            });

    [Fact]
    public void A_null_status_element_is_a_problem_not_an_exception() =>
        Assert.True(T.SameSet(T.Fields(ListOrganizationMembershipsRequest.Create(organizationId: "org_1", statuses: [OrganizationMembershipStatus.Active, null])), "statuses"));

    [Property]
    public Property List_limit_accepts_exactly_1_to_100_and_order_only_asc_desc() =>
        Prop.ForAll(WorkOSValues.Limit.ToArbitrary(), Gen.Elements("asc", "desc", "ASC", "up", "").ToArbitrary(), (limit, order) =>
        {
            var result = ListOrganizationMembershipsRequest.Create(userId: "user_1", limit: limit, order: new Order(order));
            var expected = new[] { limit is >= 1 and <= 100 ? null : "limit", order is "asc" or "desc" ? null : "order" }.OfType<string>().ToArray();
            return T.SameSet(T.Fields(result), expected);
        });

    [Property]
    public Property All_list_problems_are_reported_together() =>
        Prop.ForAll(WorkOSValues.Outside(1, 100).ToArbitrary(), WorkOSValues.Token(1, 5).Select(static s => "x" + s).ToArbitrary(), (limit, bad) =>
            T.SameSet(T.Fields(ListOrganizationMembershipsRequest.Create(statuses: [new OrganizationMembershipStatus(bad)], limit: limit, order: new Order(bad))),
                "user_id", "organization_id", "statuses", "limit", "order"));

    [Fact]
    public void Unset_paging_defaults_to_limit_10_and_desc_and_keeps_status_order()
    {
        var r = T.Valid(ListOrganizationMembershipsRequest.Create(userId: "user_01",
            statuses: [OrganizationMembershipStatus.Pending, OrganizationMembershipStatus.Active]));
        Assert.Equal(10, r.Limit);
        Assert.Equal(Order.Desc, r.Order);
        Assert.Equal(Seq(OrganizationMembershipStatus.Pending, OrganizationMembershipStatus.Active), r.Statuses);
        Assert.Equal(Some("user_01"), r.UserId);
        Assert.Equal(Option<string>.None, r.OrganizationId);
    }

    [Fact]
    public void NextPage_keeps_the_filters_and_replaces_the_cursors()
    {
        var first = T.Valid(ListOrganizationMembershipsRequest.Create(organizationId: "org_1", statuses: [OrganizationMembershipStatus.Inactive], limit: 5, before: "om_0"));
        var next = first.NextPage("om_9");
        Assert.Equal((first.OrganizationId, first.Statuses, first.Limit, first.Order), (next.OrganizationId, next.Statuses, next.Limit, next.Order));
        Assert.Equal(Option<string>.None, next.Before);
        Assert.Equal(Some("om_9"), next.After);
    }

    /// <summary>Role inputs: 0 unset, 1 a slug, 2 a blank slug, 3 a list, 4 an empty list, 5 a list with a blank.</summary>
    private static (string? Slug, string?[]? Slugs) Roles(int slugMode, int listMode) =>
        (slugMode switch { 1 => "admin", 2 => "  ", 3 => "", _ => null },
         listMode switch { 1 => ["admin", "member"], 2 => [], 3 => ["admin", " "], 4 => ["viewer"], _ => null });

    private static string[] ExpectedRoleProblems(string? slug, string?[]? slugs)
    {
        var hasSlug = !string.IsNullOrEmpty(slug);
        var hasList = slugs is { Length: > 0 };
        return (hasSlug, hasList) switch
        {
            (true, true) => ["role_slug"],
            (true, false) => string.IsNullOrWhiteSpace(slug) ? ["role_slug"] : [],
            (false, true) => slugs!.Any(string.IsNullOrWhiteSpace) ? ["role_slugs"] : [],
            _ => [],
        };
    }

    [Property]
    public Property Create_reports_ids_and_role_problems_together() =>
        Prop.ForAll((
            from user in IdOrBlank
            from org in IdOrBlank
            from slugMode in Gen.Choose(0, 3)
            from listMode in Gen.Choose(0, 4)
            select (user, org, slugMode, listMode)).ToArbitrary(),
            input =>
            {
                var (slug, slugs) = Roles(input.slugMode, input.listMode);
                var expected = new List<string>(ExpectedRoleProblems(slug, slugs));
                if (string.IsNullOrWhiteSpace(input.user)) expected.Add("user_id");
                if (string.IsNullOrWhiteSpace(input.org)) expected.Add("organization_id");
                var result = CreateOrganizationMembershipRequest.Create(input.user, input.org, slug, slugs);
                return T.SameSet(T.Fields(result), expected.ToArray()).Label($"{input}: {T.Fields(result)}");
            });

    [Property]
    public Property Update_reports_id_and_role_problems_together() =>
        Prop.ForAll(IdOrBlank.ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), (id, slugMode, listMode) =>
        {
            var (slug, slugs) = Roles(slugMode, listMode);
            var expected = new List<string>(ExpectedRoleProblems(slug, slugs));
            if (string.IsNullOrWhiteSpace(id)) expected.Add("organization_membership_id");
            return T.SameSet(T.Fields(UpdateOrganizationMembershipRequest.Create(id, slug, slugs)), expected.ToArray());
        });

    [Fact]
    public void Role_choice_is_one_slug_or_a_list_never_both()
    {
        Assert.Equal(Option<MembershipRole>.None, T.Valid(CreateOrganizationMembershipRequest.Create("user_1", "org_1", "", [])).Role);
        Assert.Equal(Some<MembershipRole>(new MembershipRole.Slug("admin")), T.Valid(CreateOrganizationMembershipRequest.Create("user_1", "org_1", "admin")).Role);
        var list = T.Valid(UpdateOrganizationMembershipRequest.Create("om_1", roleSlugs: ["b", "a"])).Role;
        Assert.Equal(Seq("b", "a"), list.Map(static r => ((MembershipRole.Slugs)r).Values).IfNone(Seq<string>()));
        var both = Assert.IsType<InvalidRequest>(CreateOrganizationMembershipRequest.Create("user_1", "org_1", "admin", ["member"]).Match(Right: static _ => null!, Left: static e => e));
        Assert.Contains("role_slug: cannot be combined with role_slugs", both.Message);
    }
}
