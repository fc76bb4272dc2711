namespace WorkOS.Functional;

/// <summary>Validated input of <c>ListAuthFactors</c> (spec §2.7 #29).</summary>
public sealed record ListAuthFactorsRequest
{
    private ListAuthFactorsRequest(string userId) => UserId = userId;

    /// <summary>The user whose factors are listed.</summary>
    public string UserId { get; }

    /// <summary>Validates: <c>user_id</c> non-blank.</summary>
    /// <param name="userId">The user ID.</param>
    public static Either<Error, ListAuthFactorsRequest> Create(string? userId) =>
        Rules.PathSegment("user_id", userId).Map(static id => new ListAuthFactorsRequest(id)).ToRequest();
}
