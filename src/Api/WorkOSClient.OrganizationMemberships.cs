namespace WorkOS.Functional;

public sealed partial class WorkOSClient
{
    /// <summary>Gets an organization membership by ID (<c>GET /user_management/organization_memberships/{id}</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange; the effect then fails with <see cref="RequestCancelled"/>.</param>
    public Aff<OrganizationMembership> GetOrganizationMembership(GetOrganizationMembershipRequest request, CancellationToken ct = default) =>
        Call(Encode.GetOrganizationMembership(request, apiKey), Decode.OrganizationMembership, ct);

    /// <summary>Lists one page of a user's or an organization's memberships (<c>GET /user_management/organization_memberships</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<ListOrganizationMembershipsResponse> ListOrganizationMemberships(ListOrganizationMembershipsRequest request, CancellationToken ct = default) =>
        Call(Encode.ListOrganizationMemberships(request, apiKey), Decode.ListOrganizationMemberships, ct);

    /// <summary>
    /// Every organization membership matching the request, fetched lazily page by page (<c>ListOrganizationMemberships</c> with <c>after</c>): <c>await foreach</c> it, walk it with
    /// <see cref="Pageable{T}.AsPages"/>, or <see cref="Pageable{T}.Fold{S}"/> it in a pipeline.
    /// </summary>
    /// <param name="request">The filters; its <c>after</c>, if set, is where paging starts.</param>
    /// <param name="pageSize">Records per request, 1–100 (default 100).</param>
    public Pageable<OrganizationMembership> ListAllOrganizationMemberships(ListOrganizationMembershipsRequest request, int? pageSize = null) =>
        Pageable<OrganizationMembership>.Over<ListOrganizationMembershipsRequest, ListOrganizationMembershipsResponse>(request, ListOrganizationMemberships, pageSize);

    /// <summary>
    /// Makes a user a member of an organization (<c>POST /user_management/organization_memberships</c>). An
    /// existing active or pending membership fails with a 409 <see cref="ApiError"/>; an inactive one is reactivated.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<OrganizationMembership> CreateOrganizationMembership(CreateOrganizationMembershipRequest request, CancellationToken ct = default) =>
        Call(Encode.CreateOrganizationMembership(request, apiKey), Decode.OrganizationMembership, ct);

    /// <summary>Changes a membership's role or roles (<c>PUT /user_management/organization_memberships/{id}</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<OrganizationMembership> UpdateOrganizationMembership(UpdateOrganizationMembershipRequest request, CancellationToken ct = default) =>
        Call(Encode.UpdateOrganizationMembership(request, apiKey), Decode.OrganizationMembership, ct);

    /// <summary>Deletes a membership permanently (<c>DELETE /user_management/organization_memberships/{id}</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<Unit> DeleteOrganizationMembership(DeleteOrganizationMembershipRequest request, CancellationToken ct = default) =>
        Call(Encode.DeleteOrganizationMembership(request, apiKey), Decode.Nothing, ct);

    /// <summary>Deactivates a membership, keeping its roles (<c>PUT /user_management/organization_memberships/{id}/deactivate</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<OrganizationMembership> DeactivateOrganizationMembership(DeactivateOrganizationMembershipRequest request, CancellationToken ct = default) =>
        Call(Encode.DeactivateOrganizationMembership(request, apiKey), Decode.OrganizationMembership, ct);

    /// <summary>Reactivates an inactive membership (<c>PUT /user_management/organization_memberships/{id}/reactivate</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<OrganizationMembership> ReactivateOrganizationMembership(ReactivateOrganizationMembershipRequest request, CancellationToken ct = default) =>
        Call(Encode.ReactivateOrganizationMembership(request, apiKey), Decode.OrganizationMembership, ct);
}
