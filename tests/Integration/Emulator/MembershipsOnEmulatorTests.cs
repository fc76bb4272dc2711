using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration.Emulator;

/// <summary>Organization memberships against the independent emulator (seeded org_acme / org_globex, fresh users).</summary>
public sealed class MembershipsOnEmulatorTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private WorkOSClient Client => emu.Client;

    private Task<User> NewUser(string tag = "member") =>
        Run.Succ(Client.CreateUser(Run.Valid(CreateUserRequest.Create(EmulatorFixture.NewEmail(tag), password: "long-enough-pw"))));

    private Task<OrganizationMembership> Join(string userId, string orgId, string? roleSlug = null) =>
        Run.Succ(Client.CreateOrganizationMembership(Run.Valid(CreateOrganizationMembershipRequest.Create(userId, orgId, roleSlug))));

    private Task<OrganizationMembership> Get(string id) =>
        Run.Succ(Client.GetOrganizationMembership(Run.Valid(GetOrganizationMembershipRequest.Create(id))));

    private Task<ListOrganizationMembershipsResponse> List(string? userId = null, string? orgId = null, params OrganizationMembershipStatus[] statuses) =>
        Run.Succ(Client.ListOrganizationMemberships(Run.Valid(ListOrganizationMembershipsRequest.Create(userId, orgId, statuses.Length == 0 ? null : statuses, limit: 100))));

    [Fact]
    public async Task CreateOrganizationMembership_then_GetOrganizationMembership_round_trips()
    {
        var user = await NewUser();
        var created = await Join(user.Id, "org_acme", "admin");
        Assert.StartsWith("om_", created.Id);
        Assert.Equal(user.Id, created.UserId);
        Assert.Equal("org_acme", created.OrganizationId);
        Assert.Equal(Some("Acme"), created.OrganizationName);
        Assert.Equal(new RoleResponse("admin"), created.Role);
        Assert.Equal(Seq1(new RoleResponse("admin")), created.Roles);
        Assert.Equal(OrganizationMembershipStatus.Active, created.Status);

        Assert.Equal(created, await Get(created.Id));
    }

    [Fact]
    public async Task Without_a_role_the_default_member_role_is_given()
    {
        var user = await NewUser();
        var created = await Join(user.Id, "org_globex");
        Assert.Equal("member", created.Role.Slug);
        Assert.Equal(Some("Globex"), created.OrganizationName);
    }

    [Fact]
    public async Task Several_role_slugs_are_all_kept()
    {
        var user = await NewUser();
        var created = await Run.Succ(Client.CreateOrganizationMembership(
            Run.Valid(CreateOrganizationMembershipRequest.Create(user.Id, "org_acme", roleSlugs: ["admin", "billing"]))));
        Assert.Equal(new[] { "admin", "billing" }, created.Roles.Map(static r => r.Slug).OrderBy(static s => s, StringComparer.Ordinal));
        Assert.Contains(created.Role.Slug, new[] { "admin", "billing" });
    }

    [Fact]
    public async Task ListOrganizationMemberships_by_user_and_by_organization()
    {
        var user = await NewUser();
        var acme = await Join(user.Id, "org_acme");
        var globex = await Join(user.Id, "org_globex");

        var byUser = await List(userId: user.Id);
        Assert.Equal(new[] { acme.Id, globex.Id }.Order(StringComparer.Ordinal), byUser.Data.Map(static m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal(globex, byUser.Data.Head); // default order is desc: newest first
        Assert.True(byUser.ListMetadata.After.IsNone);

        var byOrg = await List(orgId: "org_globex");
        Assert.Contains(byOrg.Data, m => m.Id == globex.Id);
        Assert.DoesNotContain(byOrg.Data, m => m.Id == acme.Id);
        Assert.All(byOrg.Data, static m => Assert.Equal("org_globex", m.OrganizationId));

        var both = await List(userId: user.Id, orgId: "org_acme");
        Assert.Equal(acme, Assert.Single(both.Data));
    }

    [Fact]
    public async Task UpdateOrganizationMembership_changes_the_role()
    {
        var user = await NewUser();
        var created = await Join(user.Id, "org_acme", "member");
        var updated = await Run.Succ(Client.UpdateOrganizationMembership(Run.Valid(UpdateOrganizationMembershipRequest.Create(created.Id, roleSlug: "admin"))));
        Assert.Equal(created.Id, updated.Id);
        Assert.Equal("admin", updated.Role.Slug);
        Assert.Equal(Seq1(new RoleResponse("admin")), updated.Roles);
        Assert.Equal(updated, await Get(created.Id));
    }

    [Fact]
    public async Task UpdateOrganizationMembership_without_a_role_changes_nothing()
    {
        var user = await NewUser();
        var created = await Join(user.Id, "org_acme", "admin");
        var updated = await Run.Succ(Client.UpdateOrganizationMembership(Run.Valid(UpdateOrganizationMembershipRequest.Create(created.Id))));
        Assert.Equal(created, updated);
    }

    [Fact]
    public async Task Deactivate_hides_the_membership_from_the_default_list_and_statuses_finds_it_then_Reactivate_restores_it()
    {
        var user = await NewUser();
        var acme = await Join(user.Id, "org_acme", "admin");
        var globex = await Join(user.Id, "org_globex");

        var deactivated = await Run.Succ(Client.DeactivateOrganizationMembership(Run.Valid(DeactivateOrganizationMembershipRequest.Create(acme.Id))));
        Assert.Equal(OrganizationMembershipStatus.Inactive, deactivated.Status);
        Assert.Equal("admin", deactivated.Role.Slug);
        Assert.Equal(OrganizationMembershipStatus.Inactive, (await Get(acme.Id)).Status);

        // Without statuses only active memberships are listed.
        Assert.Equal(globex.Id, Assert.Single((await List(userId: user.Id)).Data).Id);
        // statuses=inactive (repeated-key form on the wire) finds the deactivated one only.
        Assert.Equal(acme.Id, Assert.Single((await List(user.Id, null, OrganizationMembershipStatus.Inactive)).Data).Id);
        // Two statuses: both. On the wire they go as the repeated key of spec §2.8 #31 (statuses=active&statuses=inactive).
        var twoStatuses = Run.Valid(ListOrganizationMembershipsRequest.Create(user.Id, statuses: [OrganizationMembershipStatus.Active, OrganizationMembershipStatus.Inactive], limit: 100));
        Assert.Equal(new[] { "active", "inactive" }, Encode.ListOrganizationMemberships(twoStatuses, Secret.Of("k")).Query.Filter(static q => q.Key == "statuses").Map(static q => q.Value));
        var all = await Run.Succ(Client.ListOrganizationMemberships(twoStatuses));
        Assert.Equal(2, all.Data.Count);
        Assert.Contains(all.Data, static m => m.Status == OrganizationMembershipStatus.Inactive);
        Assert.Contains(all.Data, static m => m.Status == OrganizationMembershipStatus.Active);
        // A pending filter finds none here.
        Assert.Empty((await List(user.Id, null, OrganizationMembershipStatus.Pending)).Data);

        // Deactivating again is a no-op.
        var again = await Run.Succ(Client.DeactivateOrganizationMembership(Run.Valid(DeactivateOrganizationMembershipRequest.Create(acme.Id))));
        Assert.Equal(OrganizationMembershipStatus.Inactive, again.Status);

        var reactivated = await Run.Succ(Client.ReactivateOrganizationMembership(Run.Valid(ReactivateOrganizationMembershipRequest.Create(acme.Id))));
        Assert.Equal(OrganizationMembershipStatus.Active, reactivated.Status);
        Assert.Equal("admin", reactivated.Role.Slug); // previous roles kept
        Assert.Equal(2, (await List(userId: user.Id)).Data.Count);
    }

    [Fact]
    public async Task Creating_over_an_inactive_membership_reactivates_it_with_the_new_role()
    {
        var user = await NewUser();
        var first = await Join(user.Id, "org_acme", "admin");
        await Run.Succ(Client.DeactivateOrganizationMembership(Run.Valid(DeactivateOrganizationMembershipRequest.Create(first.Id))));

        var again = await Join(user.Id, "org_acme", "member");
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(OrganizationMembershipStatus.Active, again.Status);
        Assert.Equal("member", again.Role.Slug);
    }

    [Fact]
    public async Task DeleteOrganizationMembership_then_Get_is_a_404()
    {
        var user = await NewUser();
        var created = await Join(user.Id, "org_globex");
        var deleted = await Run.Succ(Client.DeleteOrganizationMembership(Run.Valid(DeleteOrganizationMembershipRequest.Create(created.Id))));
        Assert.Equal(unit, deleted);

        var error = Assert.IsType<ApiError>(await Run.Fail(Client.GetOrganizationMembership(Run.Valid(GetOrganizationMembershipRequest.Create(created.Id)))));
        Assert.Equal(404, error.Status);
        Assert.Equal("entity_not_found", error.ErrorCode);

        Assert.Empty((await List(user.Id, null, OrganizationMembershipStatus.Active, OrganizationMembershipStatus.Inactive, OrganizationMembershipStatus.Pending)).Data);

        var twice = Assert.IsType<ApiError>(await Run.Fail(Client.DeleteOrganizationMembership(Run.Valid(DeleteOrganizationMembershipRequest.Create(created.Id)))));
        Assert.Equal(404, twice.Status);
    }

    [Fact]
    public async Task A_duplicate_membership_is_a_409()
    {
        var user = await NewUser();
        var request = Run.Valid(CreateOrganizationMembershipRequest.Create(user.Id, "org_acme"));
        await Run.Succ(Client.CreateOrganizationMembership(request));

        var error = Assert.IsType<ApiError>(await Run.Fail(Client.CreateOrganizationMembership(request)));
        Assert.Equal(409, error.Status);
        Assert.Equal("organization_membership_already_exists", error.ErrorCode);
        Assert.NotEqual("", error.RequestId);
    }

    [Fact]
    public async Task Unknown_user_or_organization_is_a_404()
    {
        var user = await NewUser();
        var noOrg = Assert.IsType<ApiError>(await Run.Fail(Client.CreateOrganizationMembership(Run.Valid(CreateOrganizationMembershipRequest.Create(user.Id, "org_nope")))));
        Assert.Equal(404, noOrg.Status);
        Assert.Equal("entity_not_found", noOrg.ErrorCode);

        var noUser = Assert.IsType<ApiError>(await Run.Fail(Client.CreateOrganizationMembership(Run.Valid(CreateOrganizationMembershipRequest.Create("user_nope", "org_acme")))));
        Assert.Equal(404, noUser.Status);
        Assert.Equal("entity_not_found", noUser.ErrorCode);
    }

    [Fact]
    public async Task Role_slug_and_role_slugs_together_are_rejected_locally_and_nothing_is_sent()
    {
        var user = await NewUser();
        var create = CreateOrganizationMembershipRequest.Create(user.Id, "org_acme", roleSlug: "admin", roleSlugs: ["member"]);
        var error = Assert.IsType<InvalidRequest>(create.Match(Left: static e => e, Right: static _ => null!));
        Assert.Contains("role_slug", error.Fields);

        // The failed validation short-circuits the program: no membership was created.
        var program =
            from request in create.ToAff()
            from membership in Client.CreateOrganizationMembership(request)
            select membership;
        Assert.IsType<InvalidRequest>(await Run.Fail(program));
        Assert.Empty((await List(user.Id, null, OrganizationMembershipStatus.Active, OrganizationMembershipStatus.Inactive, OrganizationMembershipStatus.Pending)).Data);

        var update = UpdateOrganizationMembershipRequest.Create("om_whatever", roleSlug: "admin", roleSlugs: ["member"]);
        Assert.IsType<InvalidRequest>(update.Match(Left: static e => e, Right: static _ => null!));
    }

    [Fact]
    public void Listing_without_user_or_organization_is_rejected_locally()
    {
        var error = Assert.IsType<InvalidRequest>(ListOrganizationMembershipsRequest.Create().Match(Left: static e => e, Right: static _ => null!));
        Assert.Equal(new[] { "organization_id", "user_id" }, error.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Paging_an_organization_with_limit_and_NextPage_visits_each_membership_once_in_creation_order()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Add((await Join((await NewUser("page")).Id, "org_globex")).Id);

        foreach (var order in new[] { Order.Asc, Order.Desc })
        {
            var walked = await Bounded.Pages(Run.Valid(ListOrganizationMembershipsRequest.Create(organizationId: "org_globex", limit: 2, order: order)),
                r => Run.Succ(Client.ListOrganizationMemberships(r)), static p => p.ListMetadata.After, static (r, after) => r.NextPage(after),
                maxPages: 100);
            foreach (var page in walked)
            {
                Assert.InRange(page.Data.Count, 1, 2);
                page.ListMetadata.After.IfSome(after => Assert.Equal(page.Data.Last.Id, after));
            }
            var seen = walked.SelectMany(static p => p.Data.Map(static m => m.Id)).ToList();
            var pages = walked.Count;
            Assert.Equal(seen.Count, seen.Distinct().Count());
            Assert.True(pages >= 3, $"expected at least 3 pages, got {pages}");
            var ours = seen.Where(ids.Contains).ToList();
            Assert.Equal(order == Order.Asc ? ids : Enumerable.Reverse(ids).ToList(), ours);
        }
    }
}
