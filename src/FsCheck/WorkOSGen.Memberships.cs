using V = WorkOS.Functional.FsCheck.WorkOSValues;

namespace WorkOS.Functional.FsCheck;

public static partial class WorkOSGen
{
    /// <summary><see cref="GetOrganizationMembershipRequest"/>: any path ID; broken in <c>organization_membership_id</c>.</summary>
    public static RequestGen<GetOrganizationMembershipRequest> GetOrganizationMembership { get; } =
        ById("GetOrganizationMembership", "organization_membership_id", GetOrganizationMembershipRequest.Create);

    /// <summary><see cref="DeleteOrganizationMembershipRequest"/>: any path ID; broken in <c>organization_membership_id</c>.</summary>
    public static RequestGen<DeleteOrganizationMembershipRequest> DeleteOrganizationMembership { get; } =
        ById("DeleteOrganizationMembership", "organization_membership_id", DeleteOrganizationMembershipRequest.Create);

    /// <summary><see cref="DeactivateOrganizationMembershipRequest"/>: any path ID; broken in <c>organization_membership_id</c>.</summary>
    public static RequestGen<DeactivateOrganizationMembershipRequest> DeactivateOrganizationMembership { get; } =
        ById("DeactivateOrganizationMembership", "organization_membership_id", DeactivateOrganizationMembershipRequest.Create);

    /// <summary><see cref="ReactivateOrganizationMembershipRequest"/>: any path ID; broken in <c>organization_membership_id</c>.</summary>
    public static RequestGen<ReactivateOrganizationMembershipRequest> ReactivateOrganizationMembership { get; } =
        ById("ReactivateOrganizationMembership", "organization_membership_id", ReactivateOrganizationMembershipRequest.Create);

    /// <summary>A membership's roles: none (unset or empty), one <c>role_slug</c>, or a non-empty <c>role_slugs</c>.</summary>
    private static Gen<(string? Slug, string?[]? Slugs)> Roles =>
        Gen.OneOf(
            Gen.Elements<(string?, string?[]?)>((null, null), ("", null), (null, []), ("", [])),
            V.Token(1, 12).Select(static s => ((string?)s, (string?[]?)null)),
            from n in Gen.Choose(1, 3)
            from slugs in Gen.ArrayOf(V.Token(1, 12), n)
            from slug in Gen.Elements<string?>(null, "")
            select (slug, (string?[]?)slugs.Select(static s => (string?)s).ToArray()));

    /// <summary>The role rules broken on <c>role_slug</c>: blank, or given together with <c>role_slugs</c>.</summary>
    private static Gen<Bad<(string? Slug, string?[]? Slugs)>> BadRoleSlug =>
        Gen.OneOf(
            V.WhiteSpace.Select(static w => new Bad<(string?, string?[]?)>((w, null), "white space only")),
            from slug in V.Token(1, 12)
            from slugs in Gen.ArrayOf(V.Token(1, 12), 1)
            select new Bad<(string?, string?[]?)>((slug, slugs.Select(static s => (string?)s).ToArray()), "combined with role_slugs"));

    /// <summary>The role rule broken on <c>role_slugs</c>: a blank slug among them.</summary>
    private static Gen<Bad<(string? Slug, string?[]? Slugs)>> BadRoleSlugs =>
        from good in Gen.ArrayOf(V.Token(1, 12), 2)
        from blank in V.Blank
        from at in Gen.Choose(0, 2)
        select new Bad<(string?, string?[]?)>((null, good.Select(static s => (string?)s).ToArray().Insert(at, blank)), "with a blank slug");

    private static string?[] Insert(this string?[] items, int at, string? item) => [.. items[..at], item, .. items[at..]];

    /// <summary>
    /// <see cref="CreateOrganizationMembershipRequest"/>: no role, a role or several; broken in <c>user_id</c>,
    /// <c>organization_id</c> (blank), <c>role_slug</c> or <c>role_slugs</c>.
    /// </summary>
    public static RequestGen<CreateOrganizationMembershipRequest> CreateOrganizationMembership { get; } =
        new Spec<(string? UserId, string? Org, (string? Slug, string?[]? Slugs) Role), CreateOrganizationMembershipRequest>(
            "CreateOrganizationMembership",
            from user in V.Id("user_")
            from org in V.Id("org_")
            from role in Roles
            select ((string?)user, (string?)org, role),
            static a => CreateOrganizationMembershipRequest.Create(a.UserId, a.Org, a.Role.Slug, a.Role.Slugs))
        .Break("user_id", Bads.Blank, static (a, v) => a with { UserId = v })
        .Break("organization_id", Bads.Blank, static (a, v) => a with { Org = v })
        .Break("role_slug", BadRoleSlug, static (a, v) => a with { Role = v })
        .Break("role_slugs", BadRoleSlugs, static (a, v) => a with { Role = v })
        .Build();

    /// <summary>
    /// <see cref="UpdateOrganizationMembershipRequest"/>: no role, a role or several; broken in
    /// <c>organization_membership_id</c>, <c>role_slug</c> or <c>role_slugs</c>.
    /// </summary>
    public static RequestGen<UpdateOrganizationMembershipRequest> UpdateOrganizationMembership { get; } =
        new Spec<(string? Id, (string? Slug, string?[]? Slugs) Role), UpdateOrganizationMembershipRequest>("UpdateOrganizationMembership",
            from id in V.PathId
            from role in Roles
            select ((string?)id, role),
            static a => UpdateOrganizationMembershipRequest.Create(a.Id, a.Role.Slug, a.Role.Slugs))
        .Break("organization_membership_id", Bads.PathSegment, static (a, v) => a with { Id = v })
        .Break("role_slug", BadRoleSlug, static (a, v) => a with { Role = v })
        .Break("role_slugs", BadRoleSlugs, static (a, v) => a with { Role = v })
        .Build();

    /// <summary>
    /// <see cref="ListOrganizationMembershipsRequest"/>: a user, an organization or both, statuses, limits at their edges,
    /// either order, cursors. Broken in <c>user_id</c> or <c>organization_id</c> (white space only), <c>statuses</c>
    /// (an unknown or missing status), <c>limit</c> or <c>order</c>. (Neither filter is a problem on both fields, so it
    /// is no single-field break.)
    /// </summary>
    public static RequestGen<ListOrganizationMembershipsRequest> ListOrganizationMemberships { get; } =
        new Spec<(string? UserId, string? Org, OrganizationMembershipStatus?[]? Statuses, int? Limit, Order? Order, string? Before, string? After),
            ListOrganizationMembershipsRequest>("ListOrganizationMemberships",
            from filters in Gen.Choose(1, 3)
            from user in V.Id("user_")
            from org in V.Id("org_")
            from unset in Gen.Elements<string?>(null, "")
            from statuses in Gen.OneOf(Gen.Constant<OrganizationMembershipStatus?[]?>(null),
                Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(V.MembershipStatus, n)).Select(static s => (OrganizationMembershipStatus?[]?)s))
            from limit in V.ValidLimit
            from order in V.ValidOrder
            from before in V.MaybeText
            from after in V.MaybeText
            select ((filters & 1) != 0 ? user : unset, (filters & 2) != 0 ? org : unset, statuses, limit, order, before, after),
            static a => ListOrganizationMembershipsRequest.Create(a.UserId, a.Org, a.Statuses, a.Limit, a.Order, a.Before, a.After))
        .Break("user_id", Bads.WhiteSpace, static (a, v) => a with { UserId = v })
        .Break("organization_id", Bads.WhiteSpace, static (a, v) => a with { Org = v })
        .Break("statuses",
            from good in Gen.ArrayOf(V.MembershipStatus, 1)
            from bad in Gen.OneOf(Gen.Elements<OrganizationMembershipStatus?>(null, new OrganizationMembershipStatus(""), new OrganizationMembershipStatus("Active")),
                V.Token(1, 10).Where(static t => t is not ("active" or "inactive" or "pending")).Select(static t => (OrganizationMembershipStatus?)new OrganizationMembershipStatus(t)))
            from first in Gen.Elements(true, false)
            select new Bad<OrganizationMembershipStatus?[]>(first ? [bad, good[0]] : [good[0], bad], "with an unknown status"),
            static (a, v) => a with { Statuses = v })
        .Break("limit", Bads.Limit, static (a, v) => a with { Limit = v })
        .Break("order", Bads.Order, static (a, v) => a with { Order = v })
        .Build();

    /// <summary>
    /// <see cref="ListOrganizationMembershipGroupsRequest"/>: any path ID, limits at their edges, either order, cursors;
    /// broken in <c>organization_membership_id</c>, <c>limit</c> or <c>order</c>.
    /// </summary>
    public static RequestGen<ListOrganizationMembershipGroupsRequest> ListOrganizationMembershipGroups { get; } =
        ListByPathId("ListOrganizationMembershipGroups", "organization_membership_id", ListOrganizationMembershipGroupsRequest.Create);
}
