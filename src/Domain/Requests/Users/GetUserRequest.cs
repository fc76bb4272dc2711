namespace WorkOS.Functional;

/// <summary>Validated input of <c>GetUser</c> (spec §2.1 #1).</summary>
public sealed record GetUserRequest
{
    private GetUserRequest(string userId) => UserId = userId;

    /// <summary>The user ID.</summary>
    public string UserId { get; }

    /// <summary>Validates: <c>user_id</c> non-blank.</summary>
    /// <param name="userId">The user ID.</param>
    public static Either<Error, GetUserRequest> Create(string? userId) =>
        Rules.PathSegment("user_id", userId).Map(static id => new GetUserRequest(id)).ToRequest();
}

/// <summary>Validated input of <c>GetUserByExternalID</c> (spec §2.1 #2).</summary>
public sealed record GetUserByExternalIDRequest
{
    private GetUserByExternalIDRequest(string externalId) => ExternalId = externalId;

    /// <summary>The caller-chosen external ID; escaped as one path segment on the wire.</summary>
    public string ExternalId { get; }

    /// <summary>Validates: <c>external_id</c> non-blank.</summary>
    /// <param name="externalId">The external ID.</param>
    public static Either<Error, GetUserByExternalIDRequest> Create(string? externalId) =>
        Rules.PathSegment("external_id", externalId).Map(static id => new GetUserByExternalIDRequest(id)).ToRequest();
}

/// <summary>Validated input of <c>DeleteUser</c> (spec §2.1 #6).</summary>
public sealed record DeleteUserRequest
{
    private DeleteUserRequest(string userId) => UserId = userId;

    /// <summary>The user ID.</summary>
    public string UserId { get; }

    /// <summary>Validates: <c>user_id</c> non-blank.</summary>
    /// <param name="userId">The user ID.</param>
    public static Either<Error, DeleteUserRequest> Create(string? userId) =>
        Rules.PathSegment("user_id", userId).Map(static id => new DeleteUserRequest(id)).ToRequest();
}

/// <summary>Validated input of <c>ListIdentities</c> (spec §2.1 #7).</summary>
public sealed record ListIdentitiesRequest
{
    private ListIdentitiesRequest(string userId) => UserId = userId;

    /// <summary>The user ID.</summary>
    public string UserId { get; }

    /// <summary>Validates: <c>user_id</c> non-blank.</summary>
    /// <param name="userId">The user ID.</param>
    public static Either<Error, ListIdentitiesRequest> Create(string? userId) =>
        Rules.PathSegment("user_id", userId).Map(static id => new ListIdentitiesRequest(id)).ToRequest();
}
