namespace WorkOS.Functional;

/// <summary>Validated input of <c>AcceptInvitation</c> (<c>POST /user_management/invitations/{id}/accept</c>).</summary>
public sealed record AcceptInvitationRequest
{
    private AcceptInvitationRequest(string invitationId) => InvitationId = invitationId;

    /// <summary>The invitation ID; escaped as one path segment on the wire.</summary>
    public string InvitationId { get; }

    /// <summary>Validates: <c>invitation_id</c> non-blank.</summary>
    /// <param name="invitationId">The invitation ID.</param>
    public static Either<Error, AcceptInvitationRequest> Create(string? invitationId) =>
        Rules.PathSegment("invitation_id", invitationId).Map(static id => new AcceptInvitationRequest(id)).ToRequest();
}
