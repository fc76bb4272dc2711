namespace WorkOS.Functional;

/// <summary>Validated input of <c>GetInvitation</c> (spec §2.9 #37).</summary>
public sealed record GetInvitationRequest
{
    private GetInvitationRequest(string invitationId) => InvitationId = invitationId;

    /// <summary>The invitation ID; escaped as one path segment on the wire.</summary>
    public string InvitationId { get; }

    /// <summary>Validates: <c>invitation_id</c> non-blank.</summary>
    /// <param name="invitationId">The invitation ID.</param>
    public static Either<Error, GetInvitationRequest> Create(string? invitationId) =>
        Rules.PathSegment("invitation_id", invitationId).Map(static id => new GetInvitationRequest(id)).ToRequest();
}

/// <summary>Validated input of <c>RevokeInvitation</c> (spec §2.9 #41).</summary>
public sealed record RevokeInvitationRequest
{
    private RevokeInvitationRequest(string invitationId) => InvitationId = invitationId;

    /// <summary>The invitation ID.</summary>
    public string InvitationId { get; }

    /// <summary>Validates: <c>invitation_id</c> non-blank.</summary>
    /// <param name="invitationId">The invitation ID.</param>
    public static Either<Error, RevokeInvitationRequest> Create(string? invitationId) =>
        Rules.PathSegment("invitation_id", invitationId).Map(static id => new RevokeInvitationRequest(id)).ToRequest();
}

/// <summary>Validated input of <c>ResendInvitation</c> (spec §2.9 #42).</summary>
public sealed record ResendInvitationRequest
{
    private ResendInvitationRequest(string invitationId) => InvitationId = invitationId;

    /// <summary>The invitation ID.</summary>
    public string InvitationId { get; }

    /// <summary>Validates: <c>invitation_id</c> non-blank.</summary>
    /// <param name="invitationId">The invitation ID.</param>
    public static Either<Error, ResendInvitationRequest> Create(string? invitationId) =>
        Rules.PathSegment("invitation_id", invitationId).Map(static id => new ResendInvitationRequest(id)).ToRequest();
}

/// <summary>
/// Validated input of <c>FindInvitationByToken</c> (spec §2.9 #38). The token lets anyone accept the
/// invitation, so it is held as a <see cref="Secret"/> and this request prints it as <c>***</c>.
/// </summary>
public sealed record FindInvitationByTokenRequest
{
    private FindInvitationByTokenRequest(Secret invitationToken) => InvitationToken = invitationToken;

    /// <summary>The invitation token; escaped as one path segment on the wire.</summary>
    public Secret InvitationToken { get; }

    /// <summary>Validates: <c>invitation_token</c> non-blank.</summary>
    /// <param name="invitationToken">The token, e.g. from the accept URL the invitee opened.</param>
    public static Either<Error, FindInvitationByTokenRequest> Create(string? invitationToken) =>
        Rules.PathSegmentSecret("invitation_token", invitationToken).Map(static t => new FindInvitationByTokenRequest(t)).ToRequest();

    /// <summary>Validates a token already held as a secret (e.g. <see cref="Invitation.Token"/>).</summary>
    /// <param name="invitationToken">The token.</param>
    public static Either<Error, FindInvitationByTokenRequest> Create(Secret invitationToken) => Create(invitationToken.Reveal());
}
