namespace WorkOS.Functional;

/// <summary>
/// An invitation to join an environment or an organization (spec §3.8). The <see cref="Token"/> and the
/// <see cref="AcceptInvitationUrl"/> (which embeds the token) are <see cref="Secret"/>s: anyone holding
/// either can accept the invitation, so neither ever prints.
/// </summary>
/// <param name="Id">The invitation ID (<c>invitation_…</c>).</param>
/// <param name="Email">The invitee's email address.</param>
/// <param name="State">The state; values this library does not know survive as-is.</param>
/// <param name="AcceptedAt">When it was accepted, if it was.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
/// <param name="Token">The invitation token (for <c>FindInvitationByToken</c> and the authenticate grants).</param>
/// <param name="AcceptInvitationUrl">The URL the invitee opens; it contains the token.</param>
/// <param name="OrganizationId">The organization the invitee joins, if any.</param>
/// <param name="InviterUserId">The user named as the inviter, if any.</param>
/// <param name="ExpiresAt">Expiry timestamp.</param>
/// <param name="CreatedAt">Creation timestamp.</param>
/// <param name="UpdatedAt">Last update timestamp.</param>
/// <param name="AcceptedUserId">The user who accepted it (newer servers), if any.</param>
/// <param name="RoleSlug">The role granted on acceptance (newer servers), if any.</param>
public sealed record Invitation(
    string Id,
    string Email,
    InvitationState State,
    Option<string> AcceptedAt,
    Option<string> RevokedAt,
    Secret Token,
    Secret AcceptInvitationUrl,
    Option<string> OrganizationId,
    Option<string> InviterUserId,
    string ExpiresAt,
    string CreatedAt,
    string UpdatedAt,
    Option<string> AcceptedUserId,
    Option<string> RoleSlug);

/// <summary>One page of <see cref="Invitation"/>s (spec §2.9 #39).</summary>
/// <param name="Data">The invitations of this page.</param>
/// <param name="ListMetadata">Cursors for the neighbouring pages.</param>
public sealed record ListInvitationsResponse(Seq<Invitation> Data, ListMetadata ListMetadata) : IListResponse<Invitation>;
