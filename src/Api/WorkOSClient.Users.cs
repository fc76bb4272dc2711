namespace WorkOS.Functional;

public sealed partial class WorkOSClient
{
    /// <summary>Gets a user by ID (<c>GET /user_management/users/{id}</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange; the effect then fails with <see cref="RequestCancelled"/>.</param>
    public Aff<User> GetUser(GetUserRequest request, CancellationToken ct = default) =>
        Call(Encode.GetUser(request, apiKey), Decode.User, ct);

    /// <summary>Gets a user by the caller's external ID (<c>GET /user_management/users/external_id/{id}</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<User> GetUserByExternalID(GetUserByExternalIDRequest request, CancellationToken ct = default) =>
        Call(Encode.GetUserByExternalID(request, apiKey), Decode.User, ct);

    /// <summary>Lists one page of users (<c>GET /user_management/users</c>).</summary>
    /// <param name="request">The validated request; <see cref="ListUsersRequest.Default"/> for the first page.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<ListUsersResponse> ListUsers(ListUsersRequest request, CancellationToken ct = default) =>
        Call(Encode.ListUsers(request, apiKey), Decode.ListUsers, ct);

    /// <summary>
    /// Every user matching the request, fetched lazily page by page (<c>ListUsers</c> with <c>after</c>): <c>await foreach</c> it, walk it with
    /// <see cref="Pageable{T}.AsPages"/>, or <see cref="Pageable{T}.Fold{S}"/> it in a pipeline.
    /// </summary>
    /// <param name="request">The filters; its <c>after</c>, if set, is where paging starts.</param>
    /// <param name="pageSize">Records per request, 1–100 (default 100).</param>
    public Pageable<User> ListAllUsers(ListUsersRequest request, int? pageSize = null) =>
        Pageable<User>.Over<ListUsersRequest, ListUsersResponse>(request, ListUsers, pageSize);

    /// <summary>Creates a user (<c>POST /user_management/users</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<User> CreateUser(CreateUserRequest request, CancellationToken ct = default) =>
        Call(Encode.CreateUser(request, apiKey), Decode.User, ct);

    /// <summary>Partially updates a user (<c>PUT /user_management/users/{id}</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<User> UpdateUser(UpdateUserRequest request, CancellationToken ct = default) =>
        Call(Encode.UpdateUser(request, apiKey), Decode.User, ct);

    /// <summary>Deletes a user permanently (<c>DELETE /user_management/users/{id}</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<Unit> DeleteUser(DeleteUserRequest request, CancellationToken ct = default) =>
        Call(Encode.DeleteUser(request, apiKey), Decode.Nothing, ct);

    /// <summary>Lists the external identities linked to a user (<c>GET /user_management/users/{id}/identities</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<Seq<Identity>> ListIdentities(ListIdentitiesRequest request, CancellationToken ct = default) =>
        Call(Encode.ListIdentities(request, apiKey), Decode.Identities, ct);
}
