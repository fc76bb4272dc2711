namespace WorkOS.Functional;

/// <summary>Validated input of <c>GetOrganizationMembership</c> (spec §2.8 #30).</summary>
public sealed record GetOrganizationMembershipRequest
{
    private GetOrganizationMembershipRequest(string organizationMembershipId) => OrganizationMembershipId = organizationMembershipId;

    /// <summary>The membership ID; escaped as one path segment on the wire.</summary>
    public string OrganizationMembershipId { get; }

    /// <summary>Validates: <c>organization_membership_id</c> non-blank.</summary>
    /// <param name="organizationMembershipId">The membership ID.</param>
    public static Either<Error, GetOrganizationMembershipRequest> Create(string? organizationMembershipId) =>
        Rules.PathSegment("organization_membership_id", organizationMembershipId)
            .Map(static id => new GetOrganizationMembershipRequest(id)).ToRequest();
}

/// <summary>Validated input of <c>DeleteOrganizationMembership</c> (spec §2.8 #34).</summary>
public sealed record DeleteOrganizationMembershipRequest
{
    private DeleteOrganizationMembershipRequest(string organizationMembershipId) => OrganizationMembershipId = organizationMembershipId;

    /// <summary>The membership ID.</summary>
    public string OrganizationMembershipId { get; }

    /// <summary>Validates: <c>organization_membership_id</c> non-blank.</summary>
    /// <param name="organizationMembershipId">The membership ID.</param>
    public static Either<Error, DeleteOrganizationMembershipRequest> Create(string? organizationMembershipId) =>
        Rules.PathSegment("organization_membership_id", organizationMembershipId)
            .Map(static id => new DeleteOrganizationMembershipRequest(id)).ToRequest();
}

/// <summary>Validated input of <c>DeactivateOrganizationMembership</c> (spec §2.8 #35).</summary>
public sealed record DeactivateOrganizationMembershipRequest
{
    private DeactivateOrganizationMembershipRequest(string organizationMembershipId) => OrganizationMembershipId = organizationMembershipId;

    /// <summary>The membership ID.</summary>
    public string OrganizationMembershipId { get; }

    /// <summary>Validates: <c>organization_membership_id</c> non-blank.</summary>
    /// <param name="organizationMembershipId">The membership ID.</param>
    public static Either<Error, DeactivateOrganizationMembershipRequest> Create(string? organizationMembershipId) =>
        Rules.PathSegment("organization_membership_id", organizationMembershipId)
            .Map(static id => new DeactivateOrganizationMembershipRequest(id)).ToRequest();
}

/// <summary>Validated input of <c>ReactivateOrganizationMembership</c> (spec §2.8 #36).</summary>
public sealed record ReactivateOrganizationMembershipRequest
{
    private ReactivateOrganizationMembershipRequest(string organizationMembershipId) => OrganizationMembershipId = organizationMembershipId;

    /// <summary>The membership ID.</summary>
    public string OrganizationMembershipId { get; }

    /// <summary>Validates: <c>organization_membership_id</c> non-blank.</summary>
    /// <param name="organizationMembershipId">The membership ID.</param>
    public static Either<Error, ReactivateOrganizationMembershipRequest> Create(string? organizationMembershipId) =>
        Rules.PathSegment("organization_membership_id", organizationMembershipId)
            .Map(static id => new ReactivateOrganizationMembershipRequest(id)).ToRequest();
}
