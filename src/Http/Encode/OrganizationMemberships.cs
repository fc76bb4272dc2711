namespace WorkOS.Functional.Http;

public static partial class Encode
{
    private const string OrganizationMembershipsSegment = "organization_memberships";

    /// <summary><c>GET /user_management/organization_memberships/{id}</c>.</summary>
    public static HttpRequestSpec GetOrganizationMembership(GetOrganizationMembershipRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, OrganizationMembershipsSegment, r.OrganizationMembershipId);

    /// <summary>
    /// <c>GET /user_management/organization_memberships?…</c>: organization_id, user_id, statuses (one
    /// pair per status, caller order), limit and order (always), before, after; rendered sorted (spec §1.5).
    /// </summary>
    public static HttpRequestSpec ListOrganizationMemberships(ListOrganizationMembershipsRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, OrganizationMembershipsSegment).WithQuery(
            QueryString.NonEmpty("organization_id", r.OrganizationId),
            QueryString.NonEmpty("user_id", r.UserId),
            QueryString.Each("statuses", r.Statuses.Map(static s => s.Value)),
            Paging(r.Limit, r.Order, r.Before, r.After));

    /// <summary><c>POST /user_management/organization_memberships</c>: user_id, organization_id (always), role_slug | role_slugs.</summary>
    public static HttpRequestSpec CreateOrganizationMembership(CreateOrganizationMembershipRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, OrganizationMembershipsSegment).WithBody(Json.Object(
            Json.Always("user_id", r.UserId),
            Json.Always("organization_id", r.OrganizationId),
            Json.NonEmpty("role_slug", MembershipRoleSlug(r.Role)),
            Json.NonEmpty("role_slugs", MembershipRoleSlugs(r.Role))));

    /// <summary><c>PUT /user_management/organization_memberships/{id}</c>: role_slug | role_slugs; <c>{}</c> when neither.</summary>
    public static HttpRequestSpec UpdateOrganizationMembership(UpdateOrganizationMembershipRequest r, Secret apiKey) =>
        HttpRequestSpec.Put(apiKey, UserManagement, OrganizationMembershipsSegment, r.OrganizationMembershipId).WithBody(Json.Object(
            Json.NonEmpty("role_slug", MembershipRoleSlug(r.Role)),
            Json.NonEmpty("role_slugs", MembershipRoleSlugs(r.Role))));

    /// <summary><c>DELETE /user_management/organization_memberships/{id}</c>.</summary>
    public static HttpRequestSpec DeleteOrganizationMembership(DeleteOrganizationMembershipRequest r, Secret apiKey) =>
        HttpRequestSpec.Delete(apiKey, UserManagement, OrganizationMembershipsSegment, r.OrganizationMembershipId);

    /// <summary><c>PUT /user_management/organization_memberships/{id}/deactivate</c>, no body (spec §1.4).</summary>
    public static HttpRequestSpec DeactivateOrganizationMembership(DeactivateOrganizationMembershipRequest r, Secret apiKey) =>
        HttpRequestSpec.Put(apiKey, UserManagement, OrganizationMembershipsSegment, r.OrganizationMembershipId, "deactivate");

    /// <summary><c>PUT /user_management/organization_memberships/{id}/reactivate</c>, no body (spec §1.4).</summary>
    public static HttpRequestSpec ReactivateOrganizationMembership(ReactivateOrganizationMembershipRequest r, Secret apiKey) =>
        HttpRequestSpec.Put(apiKey, UserManagement, OrganizationMembershipsSegment, r.OrganizationMembershipId, "reactivate");

    private static Option<string> MembershipRoleSlug(Option<MembershipRole> role) =>
        role.Bind(static x => x is MembershipRole.Slug s ? Some(s.Value) : None);

    private static Seq<string> MembershipRoleSlugs(Option<MembershipRole> role) =>
        role.Bind(static x => x is MembershipRole.Slugs s ? Some(s.Values) : None).IfNone(Seq<string>());
}
