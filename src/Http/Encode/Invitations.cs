namespace WorkOS.Functional.Http;

public static partial class Encode
{
    private const string InvitationsSegment = "invitations";

    /// <summary><c>GET /user_management/invitations/{id}</c>.</summary>
    public static HttpRequestSpec GetInvitation(GetInvitationRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, InvitationsSegment, r.InvitationId);

    /// <summary>
    /// <c>GET /user_management/invitations/by_token/{token}</c>, the token escaped as one path segment.
    /// The token segment is marked hidden, so printing the description shows <c>***</c> in its place.
    /// </summary>
    public static HttpRequestSpec FindInvitationByToken(FindInvitationByTokenRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, InvitationsSegment, "by_token", r.InvitationToken.Reveal()).HidingLastSegment();

    /// <summary><c>GET /user_management/invitations?…</c>: organization_id, email, limit and order (always), before, after.</summary>
    public static HttpRequestSpec ListInvitations(ListInvitationsRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, InvitationsSegment).WithQuery(
            QueryString.NonEmpty("organization_id", r.OrganizationId),
            QueryString.NonEmpty("email", r.Email),
            Paging(r.Limit, r.Order, r.Before, r.After));

    /// <summary>
    /// <c>POST /user_management/invitations</c> with the Go-ordered body of spec §2.9 #40: email (always),
    /// organization_id, expires_in_days (absent when 0), inviter_user_id, role_slug.
    /// </summary>
    public static HttpRequestSpec SendInvitation(SendInvitationRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, InvitationsSegment).WithBody(Json.Object(
            Json.Always("email", r.Email),
            Json.NonEmpty("organization_id", r.OrganizationId),
            Json.NonZero("expires_in_days", r.ExpiresInDays),
            Json.NonEmpty("inviter_user_id", r.InviterUserId),
            Json.NonEmpty("role_slug", r.RoleSlug)));

    /// <summary><c>POST /user_management/invitations/{id}/revoke</c>, no body (spec §1.4).</summary>
    public static HttpRequestSpec RevokeInvitation(RevokeInvitationRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, InvitationsSegment, r.InvitationId, "revoke");

    /// <summary><c>POST /user_management/invitations/{id}/resend</c>, no body (spec §1.4).</summary>
    public static HttpRequestSpec ResendInvitation(ResendInvitationRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, InvitationsSegment, r.InvitationId, "resend");
}
