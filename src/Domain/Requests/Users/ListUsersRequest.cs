namespace WorkOS.Functional;

/// <summary>Validated input of <c>ListUsers</c> (spec §2.1 #3).</summary>
public sealed record ListUsersRequest : IListRequest<ListUsersRequest>
{
    private ListUsersRequest(Option<string> email, Option<string> organizationId, int limit, Order order, Option<string> before, Option<string> after) =>
        (Email, OrganizationId, Limit, Order, Before, After) = (email, organizationId, limit, order, before, after);

    /// <summary>Filter: users with this email.</summary>
    public Option<string> Email { get; }
    /// <summary>Filter: members of this organization.</summary>
    public Option<string> OrganizationId { get; }
    /// <summary>Page size, 1–100.</summary>
    public int Limit { get; }
    /// <summary>Sort order.</summary>
    public Order Order { get; }
    /// <summary>Cursor: records before this ID.</summary>
    public Option<string> Before { get; }
    /// <summary>Cursor: records after this ID.</summary>
    public Option<string> After { get; }

    /// <summary>The first page with every default: <c>limit=10&amp;order=desc</c>.</summary>
    public static ListUsersRequest Default { get; } = new(None, None, Rules.DefaultLimit, Order.Desc, None, None);

    /// <summary>Validates: <c>limit</c> 1–100 (unset → 10), <c>order</c> asc|desc (unset → desc), <c>email</c> address-shaped when given.</summary>
    /// <param name="email">Filter by email.</param>
    /// <param name="organizationId">Filter by organization.</param>
    /// <param name="limit">Page size.</param>
    /// <param name="order">Sort order.</param>
    /// <param name="before">Cursor for the previous page.</param>
    /// <param name="after">Cursor for the next page.</param>
    public static Either<Error, ListUsersRequest> Create(string? email = null, string? organizationId = null, int? limit = null,
        Order? order = null, string? before = null, string? after = null) =>
        (Rules.OptionalEmail("email", email), Rules.Limit(limit), Rules.Order(order))
            .Apply((e, l, o) => new ListUsersRequest(e, Rules.Optional(organizationId), l, o, Rules.Optional(before), Rules.Optional(after)))
            .ToRequest();

    /// <summary>The same filters for the page after <paramref name="after"/> (pass <c>ListMetadata.After</c>).</summary>
    /// <param name="after">The cursor.</param>
    public ListUsersRequest NextPage(string after) => new(Email, OrganizationId, Limit, Order, None, Rules.Optional(after));

    /// <inheritdoc/>
    public ListUsersRequest WithPage(Option<string> after, int limit) =>
        new(Email, OrganizationId, Rules.ClampLimit(limit), Order, None, after.Filter(static a => a.Length > 0));
}
