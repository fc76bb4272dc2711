namespace WorkOS.Functional.Http;

internal sealed class InvitationDto : IWireObject
{
    public string? Id { get; set; }
    public string? Email { get; set; }
    public string? State { get; set; }
    public string? AcceptedAt { get; set; }
    public string? RevokedAt { get; set; }
    public string? Token { get; set; }
    public string? AcceptInvitationUrl { get; set; }
    public string? OrganizationId { get; set; }
    public string? InviterUserId { get; set; }
    public string? ExpiresAt { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }
    public string? AcceptedUserId { get; set; }
    public string? RoleSlug { get; set; }

    public Seq<string> Missing(string at) =>
        Wire.Missing(at, ("id", Id), ("email", Email), ("state", State), ("token", Token), ("accept_invitation_url", AcceptInvitationUrl),
            ("expires_at", ExpiresAt), ("created_at", CreatedAt), ("updated_at", UpdatedAt));

    public Invitation ToDomain() => new(
        Id ?? "", Email ?? "", new InvitationState(State ?? ""), Wire.Opt(AcceptedAt), Wire.Opt(RevokedAt),
        Secret.Of(Token), Secret.Of(AcceptInvitationUrl), Wire.Opt(OrganizationId), Wire.Opt(InviterUserId),
        ExpiresAt ?? "", CreatedAt ?? "", UpdatedAt ?? "", Wire.Opt(AcceptedUserId), Wire.Opt(RoleSlug));
}

public static partial class Decode
{
    /// <summary>An <see cref="WorkOS.Functional.Invitation"/> object; its token and accept URL stay hidden.</summary>
    public static Either<Error, Invitation> Invitation(HttpResponseSpec r) =>
        Body<InvitationDto, Invitation>("Invitation", r, static d => d.ToDomain());

    /// <summary>A list envelope of invitations.</summary>
    public static Either<Error, ListInvitationsResponse> ListInvitations(HttpResponseSpec r) =>
        Body<ListDto<InvitationDto>, ListInvitationsResponse>("ListInvitationsResponse", r, static d =>
        {
            var (data, meta) = d.ToDomain(static i => i.ToDomain());
            return new ListInvitationsResponse(data, meta);
        });
}
