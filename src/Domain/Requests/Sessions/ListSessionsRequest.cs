namespace WorkOS.Functional;

/// <summary>Validated input of <c>ListSessions</c> (<c>GET /user_management/users/{user_id}/sessions</c>).</summary>
public sealed record ListSessionsRequest : IListRequest<ListSessionsRequest>
{
    private ListSessionsRequest(string userId, int limit, Order order, Option<string> before, Option<string> after) =>
        (UserId, Limit, Order, Before, After) = (userId, limit, order, before, after);

    /// <summary>The user whose sessions are listed; escaped as one path segment.</summary>
    public string UserId { get; }
    /// <summary>Page size, 1–100.</summary>
    public int Limit { get; }
    /// <summary>Sort order.</summary>
    public Order Order { get; }
    /// <summary>Cursor: records before this ID.</summary>
    public Option<string> Before { get; }
    /// <summary>Cursor: records after this ID.</summary>
    public Option<string> After { get; }

    /// <summary>
    /// Validates: <c>user_id</c> non-blank, <c>limit</c> 1–100 (unset → 10), <c>order</c> asc|desc (unset → desc).
    /// Every problem is reported at once.
    /// </summary>
    /// <param name="userId">The user ID.</param>
    /// <param name="limit">Page size.</param>
    /// <param name="order">Sort order.</param>
    /// <param name="before">Cursor for the previous page.</param>
    /// <param name="after">Cursor for the next page.</param>
    public static Either<Error, ListSessionsRequest> Create(string? userId, int? limit = null, Order? order = null, string? before = null, string? after = null) =>
        (Rules.PathSegment("user_id", userId), Rules.Limit(limit), Rules.Order(order))
            .Apply((u, l, o) => new ListSessionsRequest(u, l, o, Rules.Optional(before), Rules.Optional(after)))
            .ToRequest();

    /// <summary>The same user and page size for the page after <paramref name="after"/> (pass <c>ListMetadata.After</c>).</summary>
    /// <param name="after">The cursor.</param>
    public ListSessionsRequest NextPage(string after) => new(UserId, Limit, Order, None, Rules.Optional(after));

    /// <inheritdoc/>
    public ListSessionsRequest WithPage(Option<string> after, int limit) =>
        new(UserId, Rules.ClampLimit(limit), Order, None, after.Filter(static a => a.Length > 0));
}
