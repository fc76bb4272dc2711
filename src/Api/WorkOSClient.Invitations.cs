namespace WorkOS.Functional;

public sealed partial class WorkOSClient
{
    /// <summary>Gets an invitation by ID (<c>GET /user_management/invitations/{id}</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange; the effect then fails with <see cref="RequestCancelled"/>.</param>
    public Aff<Invitation> GetInvitation(GetInvitationRequest request, CancellationToken ct = default) =>
        Call(Encode.GetInvitation(request, apiKey), Decode.Invitation, ct);

    /// <summary>Finds an invitation by its token (<c>GET /user_management/invitations/by_token/{token}</c>); 404 when unknown.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<Invitation> FindInvitationByToken(FindInvitationByTokenRequest request, CancellationToken ct = default) =>
        Call(Encode.FindInvitationByToken(request, apiKey), Decode.Invitation, ct);

    /// <summary>Lists one page of invitations (<c>GET /user_management/invitations</c>).</summary>
    /// <param name="request">The validated request; <see cref="ListInvitationsRequest.Default"/> for the first page.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<ListInvitationsResponse> ListInvitations(ListInvitationsRequest request, CancellationToken ct = default) =>
        Call(Encode.ListInvitations(request, apiKey), Decode.ListInvitations, ct);

    /// <summary>
    /// Every invitation matching the request, fetched lazily page by page (<c>ListInvitations</c> with <c>after</c>): <c>await foreach</c> it, walk it with
    /// <see cref="Pageable{T}.AsPages"/>, or <see cref="Pageable{T}.Fold{S}"/> it in a pipeline.
    /// </summary>
    /// <param name="request">The filters; its <c>after</c>, if set, is where paging starts.</param>
    /// <param name="pageSize">Records per request, 1–100 (default 100).</param>
    public Pageable<Invitation> ListAllInvitations(ListInvitationsRequest request, int? pageSize = null) =>
        Pageable<Invitation>.Over<ListInvitationsRequest, ListInvitationsResponse>(request, ListInvitations, pageSize);

    /// <summary>Invites someone by email (<c>POST /user_management/invitations</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<Invitation> SendInvitation(SendInvitationRequest request, CancellationToken ct = default) =>
        Call(Encode.SendInvitation(request, apiKey), Decode.Invitation, ct);

    /// <summary>Revokes a pending invitation (<c>POST /user_management/invitations/{id}/revoke</c>); any other state is a 400.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<Invitation> RevokeInvitation(RevokeInvitationRequest request, CancellationToken ct = default) =>
        Call(Encode.RevokeInvitation(request, apiKey), Decode.Invitation, ct);

    /// <summary>
    /// Sends a pending invitation's email again (<c>POST /user_management/invitations/{id}/resend</c>); the answer may
    /// carry a new token and expiry. Expired, revoked or accepted invitations fail with a 400 <see cref="ApiError"/>
    /// whose <see cref="WorkOSError.ErrorCode"/> is <c>invite_expired</c>, <c>invite_revoked</c> or <c>invite_accepted</c>.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<Invitation> ResendInvitation(ResendInvitationRequest request, CancellationToken ct = default) =>
        Call(Encode.ResendInvitation(request, apiKey), Decode.Invitation, ct);
}
