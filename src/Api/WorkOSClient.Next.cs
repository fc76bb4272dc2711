namespace WorkOS.Functional;

// Operations WorkOS added after Go v6.3, under the current SDKs' names (the device flow is in WorkOSClient.Device.cs).
public sealed partial class WorkOSClient
{
    /// <summary>Lists one page of a user's sessions (<c>GET /user_management/users/{id}/sessions</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange; the effect then fails with <see cref="RequestCancelled"/>.</param>
    public Aff<ListSessionsResponse> ListSessions(ListSessionsRequest request, CancellationToken ct = default) =>
        Call(Encode.ListSessions(request, apiKey), Decode.ListSessions, ct);

    /// <summary>Every session of the user, fetched lazily page by page (<c>ListSessions</c> with <c>after</c>).</summary>
    /// <param name="request">The user and order; its <c>after</c>, if set, is where paging starts.</param>
    /// <param name="pageSize">Records per request, 1–100 (default 100).</param>
    public Pageable<Session> ListAllSessions(ListSessionsRequest request, int? pageSize = null) =>
        Pageable<Session>.Over<ListSessionsRequest, ListSessionsResponse>(request, ListSessions, pageSize);

    /// <summary>
    /// Accepts a pending invitation (<c>POST /user_management/invitations/{id}/accept</c>); the answer is
    /// <c>accepted</c> with <see cref="Invitation.AcceptedUserId"/> set, and the organization membership is active.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<Invitation> AcceptInvitation(AcceptInvitationRequest request, CancellationToken ct = default) =>
        Call(Encode.AcceptInvitation(request, apiKey), Decode.Invitation, ct);

    /// <summary>Emails a one-time code for a new address (<c>POST /user_management/users/{id}/email_change/send</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<EmailChange> SendEmailChange(SendEmailChangeRequest request, CancellationToken ct = default) =>
        Call(Encode.SendEmailChange(request, apiKey), Decode.EmailChange, ct);

    /// <summary>Switches the user's address with the code (<c>POST /user_management/users/{id}/email_change/confirm</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<EmailChangeConfirmation> ConfirmEmailChange(ConfirmEmailChangeRequest request, CancellationToken ct = default) =>
        Call(Encode.ConfirmEmailChange(request, apiKey), Decode.EmailChangeConfirmation, ct);

    /// <summary>Texts a Radar one-time code to a phone number (<c>POST /user_management/radar_challenges</c>, answered with 201).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<SendRadarSmsChallengeResponse> CreateRadarChallenge(CreateRadarChallengeRequest request, CancellationToken ct = default) =>
        Call(Encode.CreateRadarChallenge(request, apiKey), Decode.SendRadarSmsChallengeResponse, ct);

    /// <summary>Gets a Radar challenge, its code included (<c>GET /user_management/radar_challenges/{id}</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<RadarChallenge> GetRadarChallenge(GetRadarChallengeRequest request, CancellationToken ct = default) =>
        Call(Encode.GetRadarChallenge(request, apiKey), Decode.RadarChallenge, ct);

    /// <summary>Completes a <c>radar_email_challenge</c> step-up with the emailed code.</summary>
    /// <param name="request">The validated grant.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<AuthenticateResponse> AuthenticateWithRadarEmailChallenge(AuthenticateWithRadarEmailChallengeRequest request, CancellationToken ct = default) =>
        Call(Encode.AuthenticateWithRadarEmailChallenge(request, apiKey), Decode.AuthenticateResponse, ct);

    /// <summary>Completes a <c>radar_sms_challenge</c> step-up with the texted code.</summary>
    /// <param name="request">The validated grant.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<AuthenticateResponse> AuthenticateWithRadarSmsChallenge(AuthenticateWithRadarSmsChallengeRequest request, CancellationToken ct = default) =>
        Call(Encode.AuthenticateWithRadarSmsChallenge(request, apiKey), Decode.AuthenticateResponse, ct);

    /// <summary>Lists one page of the groups of an organization membership (<c>GET /user_management/organization_memberships/{id}/groups</c>).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<ListOrganizationMembershipGroupsResponse> ListOrganizationMembershipGroups(ListOrganizationMembershipGroupsRequest request, CancellationToken ct = default) =>
        Call(Encode.ListOrganizationMembershipGroups(request, apiKey), Decode.ListOrganizationMembershipGroups, ct);

    /// <summary>Every group of the organization membership, fetched lazily page by page (<c>ListOrganizationMembershipGroups</c> with <c>after</c>).</summary>
    /// <param name="request">The membership and order; its <c>after</c>, if set, is where paging starts.</param>
    /// <param name="pageSize">Records per request, 1–100 (default 100).</param>
    public Pageable<Group> ListAllOrganizationMembershipGroups(ListOrganizationMembershipGroupsRequest request, int? pageSize = null) =>
        Pageable<Group>.Over<ListOrganizationMembershipGroupsRequest, ListOrganizationMembershipGroupsResponse>(request, ListOrganizationMembershipGroups, pageSize);
}
