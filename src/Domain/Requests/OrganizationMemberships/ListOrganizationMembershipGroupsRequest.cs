namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>ListOrganizationMembershipGroups</c>
/// (<c>GET /user_management/organization_memberships/{id}/groups</c>).
/// </summary>
public sealed record ListOrganizationMembershipGroupsRequest : IListRequest<ListOrganizationMembershipGroupsRequest>
{
    private ListOrganizationMembershipGroupsRequest(string organizationMembershipId, int limit, Order order, Option<string> before, Option<string> after) =>
        (OrganizationMembershipId, Limit, Order, Before, After) = (organizationMembershipId, limit, order, before, after);

    /// <summary>The membership whose groups are listed; escaped as one path segment.</summary>
    public string OrganizationMembershipId { get; }
    /// <summary>Page size, 1–100.</summary>
    public int Limit { get; }
    /// <summary>Sort order.</summary>
    public Order Order { get; }
    /// <summary>Cursor: records before this ID.</summary>
    public Option<string> Before { get; }
    /// <summary>Cursor: records after this ID.</summary>
    public Option<string> After { get; }

    /// <summary>
    /// Validates: <c>organization_membership_id</c> non-blank, <c>limit</c> 1–100 (unset → 10), <c>order</c> asc|desc
    /// (unset → desc). Every problem is reported at once.
    /// </summary>
    /// <param name="organizationMembershipId">The membership ID.</param>
    /// <param name="limit">Page size.</param>
    /// <param name="order">Sort order.</param>
    /// <param name="before">Cursor for the previous page.</param>
    /// <param name="after">Cursor for the next page.</param>
    public static Either<Error, ListOrganizationMembershipGroupsRequest> Create(string? organizationMembershipId, int? limit = null,
        Order? order = null, string? before = null, string? after = null) =>
        (Rules.PathSegment("organization_membership_id", organizationMembershipId), Rules.Limit(limit), Rules.Order(order))
            .Apply((m, l, o) => new ListOrganizationMembershipGroupsRequest(m, l, o, Rules.Optional(before), Rules.Optional(after)))
            .ToRequest();

    /// <summary>The same membership and page size for the page after <paramref name="after"/>.</summary>
    /// <param name="after">The cursor.</param>
    public ListOrganizationMembershipGroupsRequest NextPage(string after) => new(OrganizationMembershipId, Limit, Order, None, Rules.Optional(after));

    /// <inheritdoc/>
    public ListOrganizationMembershipGroupsRequest WithPage(Option<string> after, int limit) =>
        new(OrganizationMembershipId, Rules.ClampLimit(limit), Order, None, after.Filter(static a => a.Length > 0));
}
