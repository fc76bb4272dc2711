namespace WorkOS.Functional;

/// <summary>A group of an organization that a membership belongs to.</summary>
/// <param name="Id">The group ID (<c>group_…</c>).</param>
/// <param name="OrganizationId">The organization the group belongs to.</param>
/// <param name="Name">The group's name.</param>
/// <param name="Description">Its description, when set.</param>
/// <param name="CreatedAt">Creation timestamp.</param>
/// <param name="UpdatedAt">Last update timestamp.</param>
public sealed record Group(string Id, string OrganizationId, string Name, Option<string> Description, string CreatedAt, string UpdatedAt);

/// <summary>One page of a membership's <see cref="Group"/>s.</summary>
/// <param name="Data">The groups of this page.</param>
/// <param name="ListMetadata">Cursors for the neighbouring pages.</param>
public sealed record ListOrganizationMembershipGroupsResponse(Seq<Group> Data, ListMetadata ListMetadata) : IListResponse<Group>;
