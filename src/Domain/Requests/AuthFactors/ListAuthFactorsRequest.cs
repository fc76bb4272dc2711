namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>ListAuthFactors</c> (spec §2.7 #29). Made by <see cref="Create"/> it sends no query
/// string, like Go (server-default page); the pager (<see cref="WithPage"/>) adds <c>limit</c> and <c>after</c>.
/// </summary>
public sealed record ListAuthFactorsRequest : IListRequest<ListAuthFactorsRequest>
{
    private ListAuthFactorsRequest(string userId, Option<int> limit, Option<string> after) =>
        (UserId, Limit, After) = (userId, limit, after);

    /// <summary>The user whose factors are listed.</summary>
    public string UserId { get; }
    /// <summary>Page size, 1–100; none sends no <c>limit</c> (server default).</summary>
    public Option<int> Limit { get; }
    /// <summary>Cursor: factors after this ID; none sends no <c>after</c>.</summary>
    public Option<string> After { get; }

    /// <summary>Validates: <c>user_id</c> non-blank.</summary>
    /// <param name="userId">The user ID.</param>
    public static Either<Error, ListAuthFactorsRequest> Create(string? userId) =>
        Rules.PathSegment("user_id", userId).Map(static id => new ListAuthFactorsRequest(id, None, None)).ToRequest();

    /// <inheritdoc/>
    public ListAuthFactorsRequest WithPage(Option<string> after, int limit) =>
        new(UserId, Rules.ClampLimit(limit), after.Filter(static a => a.Length > 0));
}
