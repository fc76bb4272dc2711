namespace WorkOS.Functional;

/// <summary>Validated input of <c>SendInvitation</c> (spec §2.9 #40).</summary>
public sealed record SendInvitationRequest
{
    private SendInvitationRequest(string email, Option<string> organizationId, int expiresInDays, Option<string> inviterUserId, Option<string> roleSlug) =>
        (Email, OrganizationId, ExpiresInDays, InviterUserId, RoleSlug) = (email, organizationId, expiresInDays, inviterUserId, roleSlug);

    /// <summary>The invitee's email address.</summary>
    public string Email { get; }
    /// <summary>The organization the invitee joins; <c>None</c> invites to the environment only.</summary>
    public Option<string> OrganizationId { get; }
    /// <summary>Lifetime in days, 1–30; <c>0</c> is unset and not sent (the server's default is 7).</summary>
    public int ExpiresInDays { get; }
    /// <summary>The user named as the inviter in the email.</summary>
    public Option<string> InviterUserId { get; }
    /// <summary>The role granted on acceptance.</summary>
    public Option<string> RoleSlug { get; }

    /// <summary>
    /// Validates: <c>email</c> required and address-shaped; <c>expires_in_days</c> 1–30 when given
    /// (<c>null</c>/<c>0</c> = unset); <c>organization_id</c> and <c>inviter_user_id</c> not white-space-only.
    /// Every problem is reported at once.
    /// </summary>
    /// <param name="email">The invitee's email.</param>
    /// <param name="organizationId">The organization to join.</param>
    /// <param name="expiresInDays">Lifetime in days.</param>
    /// <param name="inviterUserId">The inviting user.</param>
    /// <param name="roleSlug">The role granted on acceptance.</param>
    public static Either<Error, SendInvitationRequest> Create(string? email, string? organizationId = null, int? expiresInDays = null,
        string? inviterUserId = null, string? roleSlug = null) =>
        (Rules.Email("email", email), Rules.OptionalId("organization_id", organizationId), Rules.ExpiresInDays(expiresInDays),
         Rules.OptionalId("inviter_user_id", inviterUserId))
            .Apply((e, org, days, inviter) => new SendInvitationRequest(e, org, days, inviter, Rules.Optional(roleSlug)))
            .ToRequest();
}
