namespace WorkOS.Functional;

/// <summary>A role as the server reports it on a membership (spec §3.4).</summary>
/// <param name="Slug">The role's slug, e.g. <c>admin</c>.</param>
public sealed record RoleResponse(string Slug);

/// <summary>
/// A user's membership of an organization (spec §3.3). Timestamps are kept as the ISO-8601 strings
/// the server sends. An answer missing a required field (ID, user, organization, role, status, timestamps)
/// does not decode into a membership: it is a <c>DecodeError</c> naming the field.
/// </summary>
/// <param name="Id">The membership ID (<c>om_…</c>).</param>
/// <param name="UserId">The member's user ID.</param>
/// <param name="OrganizationId">The organization ID.</param>
/// <param name="OrganizationName">The organization's name, when the server sends it (newer servers and other
/// WorkOS-compatible servers may not): show <see cref="OrganizationId"/> when it is <c>None</c>.</param>
/// <param name="Role">The primary role (the highest-priority one when several).</param>
/// <param name="Roles">All roles; empty when the server omitted them (older servers).</param>
/// <param name="Status">The status; values this library does not know survive as-is.</param>
/// <param name="CreatedAt">Creation timestamp.</param>
/// <param name="UpdatedAt">Last update timestamp.</param>
/// <param name="DirectoryManaged">Whether a directory (SCIM) manages the membership, when the server says.</param>
public sealed record OrganizationMembership(
    string Id,
    string UserId,
    string OrganizationId,
    Option<string> OrganizationName,
    RoleResponse Role,
    Seq<RoleResponse> Roles,
    OrganizationMembershipStatus Status,
    string CreatedAt,
    string UpdatedAt,
    Option<bool> DirectoryManaged);

/// <summary>One page of <see cref="OrganizationMembership"/>s (spec §2.8 #31).</summary>
/// <param name="Data">The memberships of this page.</param>
/// <param name="ListMetadata">Cursors for the neighbouring pages.</param>
public sealed record ListOrganizationMembershipsResponse(Seq<OrganizationMembership> Data, ListMetadata ListMetadata) : IListResponse<OrganizationMembership>;
