namespace WorkOS.Functional;

/// <summary>Validated input of <c>CreateOrganizationMembership</c> (spec §2.8 #32).</summary>
public sealed record CreateOrganizationMembershipRequest
{
    private CreateOrganizationMembershipRequest(string userId, string organizationId, Option<MembershipRole> role) =>
        (UserId, OrganizationId, Role) = (userId, organizationId, role);

    /// <summary>The user who becomes a member.</summary>
    public string UserId { get; }
    /// <summary>The organization joined.</summary>
    public string OrganizationId { get; }
    /// <summary>One role or a list of roles; <c>None</c> gives the environment's default role.</summary>
    public Option<MembershipRole> Role { get; }

    /// <summary>
    /// Validates: <c>user_id</c> and <c>organization_id</c> non-blank; <c>role_slug</c> XOR <c>role_slugs</c>
    /// (see <see cref="Rules.RoleSlugs"/>). Every problem is reported at once.
    /// </summary>
    /// <param name="userId">The user ID.</param>
    /// <param name="organizationId">The organization ID.</param>
    /// <param name="roleSlug">One role's slug.</param>
    /// <param name="roleSlugs">Several roles' slugs (the multiple-roles feature).</param>
    public static Either<Error, CreateOrganizationMembershipRequest> Create(string? userId, string? organizationId,
        string? roleSlug = null, IEnumerable<string?>? roleSlugs = null) =>
        (Rules.Required("user_id", userId), Rules.Required("organization_id", organizationId), Rules.RoleSlugs(roleSlug, roleSlugs))
            .Apply(static (u, o, r) => new CreateOrganizationMembershipRequest(u, o, r))
            .ToRequest();
}

/// <summary>
/// Validated input of <c>UpdateOrganizationMembership</c> (spec §2.8 #33). Go takes the ID as a separate
/// argument; here the request holds it, like every other request.
/// </summary>
public sealed record UpdateOrganizationMembershipRequest
{
    private UpdateOrganizationMembershipRequest(string organizationMembershipId, Option<MembershipRole> role) =>
        (OrganizationMembershipId, Role) = (organizationMembershipId, role);

    /// <summary>The membership ID.</summary>
    public string OrganizationMembershipId { get; }
    /// <summary>The new role or roles; <c>None</c> sends <c>{}</c> and changes nothing.</summary>
    public Option<MembershipRole> Role { get; }

    /// <summary>
    /// Validates: <c>organization_membership_id</c> non-blank; <c>role_slug</c> XOR <c>role_slugs</c>
    /// (see <see cref="Rules.RoleSlugs"/>). Every problem is reported at once.
    /// </summary>
    /// <param name="organizationMembershipId">The membership ID.</param>
    /// <param name="roleSlug">One role's slug.</param>
    /// <param name="roleSlugs">Several roles' slugs.</param>
    public static Either<Error, UpdateOrganizationMembershipRequest> Create(string? organizationMembershipId,
        string? roleSlug = null, IEnumerable<string?>? roleSlugs = null) =>
        (Rules.PathSegment("organization_membership_id", organizationMembershipId), Rules.RoleSlugs(roleSlug, roleSlugs))
            .Apply(static (id, r) => new UpdateOrganizationMembershipRequest(id, r))
            .ToRequest();
}
