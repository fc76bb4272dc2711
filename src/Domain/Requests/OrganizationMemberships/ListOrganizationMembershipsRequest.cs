namespace WorkOS.Functional;

/// <summary>Validated input of <c>ListOrganizationMemberships</c> (spec §2.8 #31).</summary>
public sealed record ListOrganizationMembershipsRequest : IListRequest<ListOrganizationMembershipsRequest>
{
    private ListOrganizationMembershipsRequest(Option<string> userId, Option<string> organizationId, Seq<OrganizationMembershipStatus> statuses,
        int limit, Order order, Option<string> before, Option<string> after) =>
        (UserId, OrganizationId, Statuses, Limit, Order, Before, After) = (userId, organizationId, statuses, limit, order, before, after);

    /// <summary>Filter: memberships of this user.</summary>
    public Option<string> UserId { get; }
    /// <summary>Filter: memberships of this organization.</summary>
    public Option<string> OrganizationId { get; }
    /// <summary>Filter: these statuses, in caller order; empty sends none (the server then returns only <c>active</c> ones).</summary>
    public Seq<OrganizationMembershipStatus> Statuses { get; }
    /// <summary>Page size, 1–100.</summary>
    public int Limit { get; }
    /// <summary>Sort order.</summary>
    public Order Order { get; }
    /// <summary>Cursor: records before this ID.</summary>
    public Option<string> Before { get; }
    /// <summary>Cursor: records after this ID.</summary>
    public Option<string> After { get; }

    /// <summary>
    /// Validates: at least one of <c>user_id</c>/<c>organization_id</c> (when both are missing, both names are
    /// reported); neither white-space-only; <c>statuses</c> each <c>active</c>, <c>inactive</c> or <c>pending</c>;
    /// <c>limit</c> 1–100 (unset → 10); <c>order</c> asc|desc (unset → desc). Every problem is reported at once.
    /// </summary>
    /// <param name="userId">Filter by user.</param>
    /// <param name="organizationId">Filter by organization.</param>
    /// <param name="statuses">Filter by status; sent as a repeated <c>statuses</c> key, in this order.</param>
    /// <param name="limit">Page size.</param>
    /// <param name="order">Sort order.</param>
    /// <param name="before">Cursor for the previous page.</param>
    /// <param name="after">Cursor for the next page.</param>
    public static Either<Error, ListOrganizationMembershipsRequest> Create(string? userId = null, string? organizationId = null,
        IEnumerable<OrganizationMembershipStatus?>? statuses = null, int? limit = null, Order? order = null,
        string? before = null, string? after = null) =>
        (Filters(userId, organizationId), Rules.Statuses(statuses), Rules.Limit(limit), Rules.Order(order))
            .Apply((f, s, l, o) => new ListOrganizationMembershipsRequest(f.User, f.Organization, s, l, o, Rules.Optional(before), Rules.Optional(after)))
            .ToRequest();

    /// <summary>The same filters for the page after <paramref name="after"/> (pass <c>ListMetadata.After</c>).</summary>
    /// <param name="after">The cursor.</param>
    public ListOrganizationMembershipsRequest NextPage(string after) =>
        new(UserId, OrganizationId, Statuses, Limit, Order, None, Rules.Optional(after));

    private static Validation<FieldProblem, (Option<string> User, Option<string> Organization)> Filters(string? userId, string? organizationId) =>
        (Rules.OptionalId("user_id", userId), Rules.OptionalId("organization_id", organizationId), Rules.UserOrOrganization(userId, organizationId))
            .Apply(static (u, o, _) => (u, o));

    /// <inheritdoc/>
    public ListOrganizationMembershipsRequest WithPage(Option<string> after, int limit) =>
        new(UserId, OrganizationId, Statuses, Rules.ClampLimit(limit), Order, None, after.Filter(static a => a.Length > 0));
}
