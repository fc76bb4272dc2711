namespace WorkOS.Functional;

/// <summary>Validated input of <c>ListInvitations</c> (spec §2.9 #39).</summary>
public sealed record ListInvitationsRequest : IListRequest<ListInvitationsRequest>
{
    private ListInvitationsRequest(Option<string> organizationId, Option<string> email, int limit, Order order, Option<string> before, Option<string> after) =>
        (OrganizationId, Email, Limit, Order, Before, After) = (organizationId, email, limit, order, before, after);

    /// <summary>Filter: invitations to this organization.</summary>
    public Option<string> OrganizationId { get; }
    /// <summary>Filter: invitations sent to this email address.</summary>
    public Option<string> Email { get; }
    /// <summary>Page size, 1–100.</summary>
    public int Limit { get; }
    /// <summary>Sort order.</summary>
    public Order Order { get; }
    /// <summary>Cursor: records before this ID.</summary>
    public Option<string> Before { get; }
    /// <summary>Cursor: records after this ID.</summary>
    public Option<string> After { get; }

    /// <summary>The first page of every invitation with every default: <c>limit=10&amp;order=desc</c>.</summary>
    public static ListInvitationsRequest Default { get; } = new(None, None, Rules.DefaultLimit, Order.Desc, None, None);

    /// <summary>
    /// Validates: <c>organization_id</c> not white-space-only; <c>email</c> address-shaped when given;
    /// <c>limit</c> 1–100 (unset → 10); <c>order</c> asc|desc (unset → desc). Every problem is reported at once.
    /// </summary>
    /// <param name="organizationId">Filter by organization.</param>
    /// <param name="email">Filter by invitee email.</param>
    /// <param name="limit">Page size.</param>
    /// <param name="order">Sort order.</param>
    /// <param name="before">Cursor for the previous page.</param>
    /// <param name="after">Cursor for the next page.</param>
    public static Either<Error, ListInvitationsRequest> Create(string? organizationId = null, string? email = null, int? limit = null,
        Order? order = null, string? before = null, string? after = null) =>
        (Rules.OptionalId("organization_id", organizationId), Rules.OptionalEmail("email", email), Rules.Limit(limit), Rules.Order(order))
            .Apply((org, e, l, o) => new ListInvitationsRequest(org, e, l, o, Rules.Optional(before), Rules.Optional(after)))
            .ToRequest();

    /// <summary>The same filters for the page after <paramref name="after"/> (pass <c>ListMetadata.After</c>).</summary>
    /// <param name="after">The cursor.</param>
    public ListInvitationsRequest NextPage(string after) => new(OrganizationId, Email, Limit, Order, None, Rules.Optional(after));

    /// <inheritdoc/>
    public ListInvitationsRequest WithPage(Option<string> after, int limit) =>
        new(OrganizationId, Email, Rules.ClampLimit(limit), Order, None, after.Filter(static a => a.Length > 0));
}
