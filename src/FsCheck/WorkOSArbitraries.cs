namespace WorkOS.Functional.FsCheck;

/// <summary>
/// FsCheck arbitraries for every request type: valid requests (<see cref="RequestGen{T}.Valid"/>) for each
/// <c>TRequest</c>, and <see cref="BrokenRequest{T}"/> inputs for each. Register the class with your test framework's
/// FsCheck integration, e.g. <c>[Property(Arbitrary = new[] { typeof(WorkOSArbitraries) })]</c>, or merge it into an
/// <see cref="IArbMap"/> with <c>ArbMap.Default.Merge&lt;WorkOSArbitraries&gt;()</c>; a property can then take a
/// <see cref="CreateUserRequest"/> or a <c>BrokenRequest&lt;CreateUserRequest&gt;</c> as a parameter. The requests
/// do not shrink: each is built through its validating <c>Create</c>.
/// </summary>
public sealed class WorkOSArbitraries
{
    // Not static, so that it can be a type argument (ArbMap.Default.Merge<WorkOSArbitraries>()); never instantiated.
    private WorkOSArbitraries() { }

    /// <summary>Inputs to <typeparamref name="T"/>'s <c>Create</c> broken in one field (<see cref="RequestGen{T}.Broken"/>).</summary>
    /// <typeparam name="T">A request type.</typeparam>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is no request type of WorkOS.Functional.</exception>
    public static Arbitrary<BrokenRequest<T>> Broken<T>() =>
        (WorkOSGen.All.OfType<RequestGen<T>>().FirstOrDefault()
            ?? throw new ArgumentException($"{typeof(T).Name} is no WorkOS.Functional request type")).Broken.ToArbitrary();

    /// <summary>Valid <see cref="AcceptInvitationRequest"/>s: <see cref="WorkOSGen.AcceptInvitation"/>.</summary>
    public static Arbitrary<AcceptInvitationRequest> AcceptInvitation() => WorkOSGen.AcceptInvitation.Valid.ToArbitrary();

    /// <summary>Valid <see cref="AuthenticateWithCodeRequest"/>s: <see cref="WorkOSGen.AuthenticateWithCode"/>.</summary>
    public static Arbitrary<AuthenticateWithCodeRequest> AuthenticateWithCode() => WorkOSGen.AuthenticateWithCode.Valid.ToArbitrary();

    /// <summary>Valid <see cref="AuthenticateWithDeviceCodeRequest"/>s: <see cref="WorkOSGen.AuthenticateWithDeviceCode"/>.</summary>
    public static Arbitrary<AuthenticateWithDeviceCodeRequest> AuthenticateWithDeviceCode() => WorkOSGen.AuthenticateWithDeviceCode.Valid.ToArbitrary();

    /// <summary>Valid <see cref="AuthenticateWithEmailVerificationCodeRequest"/>s: <see cref="WorkOSGen.AuthenticateWithEmailVerificationCode"/>.</summary>
    public static Arbitrary<AuthenticateWithEmailVerificationCodeRequest> AuthenticateWithEmailVerificationCode() => WorkOSGen.AuthenticateWithEmailVerificationCode.Valid.ToArbitrary();

    /// <summary>Valid <see cref="AuthenticateWithMagicAuthRequest"/>s: <see cref="WorkOSGen.AuthenticateWithMagicAuth"/>.</summary>
    public static Arbitrary<AuthenticateWithMagicAuthRequest> AuthenticateWithMagicAuth() => WorkOSGen.AuthenticateWithMagicAuth.Valid.ToArbitrary();

    /// <summary>Valid <see cref="AuthenticateWithOrganizationSelectionRequest"/>s: <see cref="WorkOSGen.AuthenticateWithOrganizationSelection"/>.</summary>
    public static Arbitrary<AuthenticateWithOrganizationSelectionRequest> AuthenticateWithOrganizationSelection() => WorkOSGen.AuthenticateWithOrganizationSelection.Valid.ToArbitrary();

    /// <summary>Valid <see cref="AuthenticateWithPasswordRequest"/>s: <see cref="WorkOSGen.AuthenticateWithPassword"/>.</summary>
    public static Arbitrary<AuthenticateWithPasswordRequest> AuthenticateWithPassword() => WorkOSGen.AuthenticateWithPassword.Valid.ToArbitrary();

    /// <summary>Valid <see cref="AuthenticateWithRadarEmailChallengeRequest"/>s: <see cref="WorkOSGen.AuthenticateWithRadarEmailChallenge"/>.</summary>
    public static Arbitrary<AuthenticateWithRadarEmailChallengeRequest> AuthenticateWithRadarEmailChallenge() => WorkOSGen.AuthenticateWithRadarEmailChallenge.Valid.ToArbitrary();

    /// <summary>Valid <see cref="AuthenticateWithRadarSmsChallengeRequest"/>s: <see cref="WorkOSGen.AuthenticateWithRadarSmsChallenge"/>.</summary>
    public static Arbitrary<AuthenticateWithRadarSmsChallengeRequest> AuthenticateWithRadarSmsChallenge() => WorkOSGen.AuthenticateWithRadarSmsChallenge.Valid.ToArbitrary();

    /// <summary>Valid <see cref="AuthenticateWithRefreshTokenRequest"/>s: <see cref="WorkOSGen.AuthenticateWithRefreshToken"/>.</summary>
    public static Arbitrary<AuthenticateWithRefreshTokenRequest> AuthenticateWithRefreshToken() => WorkOSGen.AuthenticateWithRefreshToken.Valid.ToArbitrary();

    /// <summary>Valid <see cref="AuthenticateWithTOTPRequest"/>s: <see cref="WorkOSGen.AuthenticateWithTOTP"/>.</summary>
    public static Arbitrary<AuthenticateWithTOTPRequest> AuthenticateWithTOTP() => WorkOSGen.AuthenticateWithTOTP.Valid.ToArbitrary();

    /// <summary>Valid <see cref="ChallengeAuthFactorRequest"/>s: <see cref="WorkOSGen.ChallengeAuthFactor"/>.</summary>
    public static Arbitrary<ChallengeAuthFactorRequest> ChallengeAuthFactor() => WorkOSGen.ChallengeAuthFactor.Valid.ToArbitrary();

    /// <summary>Valid <see cref="ConfirmEmailChangeRequest"/>s: <see cref="WorkOSGen.ConfirmEmailChange"/>.</summary>
    public static Arbitrary<ConfirmEmailChangeRequest> ConfirmEmailChange() => WorkOSGen.ConfirmEmailChange.Valid.ToArbitrary();

    /// <summary>Valid <see cref="CreateDeviceRequest"/>s: <see cref="WorkOSGen.CreateDevice"/>.</summary>
    public static Arbitrary<CreateDeviceRequest> CreateDevice() => WorkOSGen.CreateDevice.Valid.ToArbitrary();

    /// <summary>Valid <see cref="CreateMagicAuthRequest"/>s: <see cref="WorkOSGen.CreateMagicAuth"/>.</summary>
    public static Arbitrary<CreateMagicAuthRequest> CreateMagicAuth() => WorkOSGen.CreateMagicAuth.Valid.ToArbitrary();

    /// <summary>Valid <see cref="CreateOrganizationMembershipRequest"/>s: <see cref="WorkOSGen.CreateOrganizationMembership"/>.</summary>
    public static Arbitrary<CreateOrganizationMembershipRequest> CreateOrganizationMembership() => WorkOSGen.CreateOrganizationMembership.Valid.ToArbitrary();

    /// <summary>Valid <see cref="CreatePasswordResetRequest"/>s: <see cref="WorkOSGen.CreatePasswordReset"/>.</summary>
    public static Arbitrary<CreatePasswordResetRequest> CreatePasswordReset() => WorkOSGen.CreatePasswordReset.Valid.ToArbitrary();

    /// <summary>Valid <see cref="CreateRadarChallengeRequest"/>s: <see cref="WorkOSGen.CreateRadarChallenge"/>.</summary>
    public static Arbitrary<CreateRadarChallengeRequest> CreateRadarChallenge() => WorkOSGen.CreateRadarChallenge.Valid.ToArbitrary();

    /// <summary>Valid <see cref="CreateUserRequest"/>s: <see cref="WorkOSGen.CreateUser"/>.</summary>
    public static Arbitrary<CreateUserRequest> CreateUser() => WorkOSGen.CreateUser.Valid.ToArbitrary();

    /// <summary>Valid <see cref="DeactivateOrganizationMembershipRequest"/>s: <see cref="WorkOSGen.DeactivateOrganizationMembership"/>.</summary>
    public static Arbitrary<DeactivateOrganizationMembershipRequest> DeactivateOrganizationMembership() => WorkOSGen.DeactivateOrganizationMembership.Valid.ToArbitrary();

    /// <summary>Valid <see cref="DeleteOrganizationMembershipRequest"/>s: <see cref="WorkOSGen.DeleteOrganizationMembership"/>.</summary>
    public static Arbitrary<DeleteOrganizationMembershipRequest> DeleteOrganizationMembership() => WorkOSGen.DeleteOrganizationMembership.Valid.ToArbitrary();

    /// <summary>Valid <see cref="DeleteUserRequest"/>s: <see cref="WorkOSGen.DeleteUser"/>.</summary>
    public static Arbitrary<DeleteUserRequest> DeleteUser() => WorkOSGen.DeleteUser.Valid.ToArbitrary();

    /// <summary>Valid <see cref="EnrollAuthFactorRequest"/>s: <see cref="WorkOSGen.EnrollAuthFactor"/>.</summary>
    public static Arbitrary<EnrollAuthFactorRequest> EnrollAuthFactor() => WorkOSGen.EnrollAuthFactor.Valid.ToArbitrary();

    /// <summary>Valid <see cref="FindInvitationByTokenRequest"/>s: <see cref="WorkOSGen.FindInvitationByToken"/>.</summary>
    public static Arbitrary<FindInvitationByTokenRequest> FindInvitationByToken() => WorkOSGen.FindInvitationByToken.Valid.ToArbitrary();

    /// <summary>Valid <see cref="GetAuthorizationURLRequest"/>s: <see cref="WorkOSGen.GetAuthorizationURL"/>.</summary>
    public static Arbitrary<GetAuthorizationURLRequest> GetAuthorizationURL() => WorkOSGen.GetAuthorizationURL.Valid.ToArbitrary();

    /// <summary>Valid <see cref="GetEmailVerificationRequest"/>s: <see cref="WorkOSGen.GetEmailVerification"/>.</summary>
    public static Arbitrary<GetEmailVerificationRequest> GetEmailVerification() => WorkOSGen.GetEmailVerification.Valid.ToArbitrary();

    /// <summary>Valid <see cref="GetInvitationRequest"/>s: <see cref="WorkOSGen.GetInvitation"/>.</summary>
    public static Arbitrary<GetInvitationRequest> GetInvitation() => WorkOSGen.GetInvitation.Valid.ToArbitrary();

    /// <summary>Valid <see cref="GetJWKSRequest"/>s: <see cref="WorkOSGen.GetJWKS"/>.</summary>
    public static Arbitrary<GetJWKSRequest> GetJWKS() => WorkOSGen.GetJWKS.Valid.ToArbitrary();

    /// <summary>Valid <see cref="GetLogoutURLRequest"/>s: <see cref="WorkOSGen.GetLogoutURL"/>.</summary>
    public static Arbitrary<GetLogoutURLRequest> GetLogoutURL() => WorkOSGen.GetLogoutURL.Valid.ToArbitrary();

    /// <summary>Valid <see cref="GetMagicAuthRequest"/>s: <see cref="WorkOSGen.GetMagicAuth"/>.</summary>
    public static Arbitrary<GetMagicAuthRequest> GetMagicAuth() => WorkOSGen.GetMagicAuth.Valid.ToArbitrary();

    /// <summary>Valid <see cref="GetOrganizationMembershipRequest"/>s: <see cref="WorkOSGen.GetOrganizationMembership"/>.</summary>
    public static Arbitrary<GetOrganizationMembershipRequest> GetOrganizationMembership() => WorkOSGen.GetOrganizationMembership.Valid.ToArbitrary();

    /// <summary>Valid <see cref="GetPasswordResetRequest"/>s: <see cref="WorkOSGen.GetPasswordReset"/>.</summary>
    public static Arbitrary<GetPasswordResetRequest> GetPasswordReset() => WorkOSGen.GetPasswordReset.Valid.ToArbitrary();

    /// <summary>Valid <see cref="GetRadarChallengeRequest"/>s: <see cref="WorkOSGen.GetRadarChallenge"/>.</summary>
    public static Arbitrary<GetRadarChallengeRequest> GetRadarChallenge() => WorkOSGen.GetRadarChallenge.Valid.ToArbitrary();

    /// <summary>Valid <see cref="GetUserRequest"/>s: <see cref="WorkOSGen.GetUser"/>.</summary>
    public static Arbitrary<GetUserRequest> GetUser() => WorkOSGen.GetUser.Valid.ToArbitrary();

    /// <summary>Valid <see cref="GetUserByExternalIDRequest"/>s: <see cref="WorkOSGen.GetUserByExternalID"/>.</summary>
    public static Arbitrary<GetUserByExternalIDRequest> GetUserByExternalID() => WorkOSGen.GetUserByExternalID.Valid.ToArbitrary();

    /// <summary>Valid <see cref="ListAuthFactorsRequest"/>s: <see cref="WorkOSGen.ListAuthFactors"/>.</summary>
    public static Arbitrary<ListAuthFactorsRequest> ListAuthFactors() => WorkOSGen.ListAuthFactors.Valid.ToArbitrary();

    /// <summary>Valid <see cref="ListIdentitiesRequest"/>s: <see cref="WorkOSGen.ListIdentities"/>.</summary>
    public static Arbitrary<ListIdentitiesRequest> ListIdentities() => WorkOSGen.ListIdentities.Valid.ToArbitrary();

    /// <summary>Valid <see cref="ListInvitationsRequest"/>s: <see cref="WorkOSGen.ListInvitations"/>.</summary>
    public static Arbitrary<ListInvitationsRequest> ListInvitations() => WorkOSGen.ListInvitations.Valid.ToArbitrary();

    /// <summary>Valid <see cref="ListOrganizationMembershipGroupsRequest"/>s: <see cref="WorkOSGen.ListOrganizationMembershipGroups"/>.</summary>
    public static Arbitrary<ListOrganizationMembershipGroupsRequest> ListOrganizationMembershipGroups() => WorkOSGen.ListOrganizationMembershipGroups.Valid.ToArbitrary();

    /// <summary>Valid <see cref="ListOrganizationMembershipsRequest"/>s: <see cref="WorkOSGen.ListOrganizationMemberships"/>.</summary>
    public static Arbitrary<ListOrganizationMembershipsRequest> ListOrganizationMemberships() => WorkOSGen.ListOrganizationMemberships.Valid.ToArbitrary();

    /// <summary>Valid <see cref="ListSessionsRequest"/>s: <see cref="WorkOSGen.ListSessions"/>.</summary>
    public static Arbitrary<ListSessionsRequest> ListSessions() => WorkOSGen.ListSessions.Valid.ToArbitrary();

    /// <summary>Valid <see cref="ListUsersRequest"/>s: <see cref="WorkOSGen.ListUsers"/>.</summary>
    public static Arbitrary<ListUsersRequest> ListUsers() => WorkOSGen.ListUsers.Valid.ToArbitrary();

    /// <summary>Valid <see cref="ReactivateOrganizationMembershipRequest"/>s: <see cref="WorkOSGen.ReactivateOrganizationMembership"/>.</summary>
    public static Arbitrary<ReactivateOrganizationMembershipRequest> ReactivateOrganizationMembership() => WorkOSGen.ReactivateOrganizationMembership.Valid.ToArbitrary();

    /// <summary>Valid <see cref="ResendInvitationRequest"/>s: <see cref="WorkOSGen.ResendInvitation"/>.</summary>
    public static Arbitrary<ResendInvitationRequest> ResendInvitation() => WorkOSGen.ResendInvitation.Valid.ToArbitrary();

    /// <summary>Valid <see cref="ResetPasswordRequest"/>s: <see cref="WorkOSGen.ResetPassword"/>.</summary>
    public static Arbitrary<ResetPasswordRequest> ResetPassword() => WorkOSGen.ResetPassword.Valid.ToArbitrary();

    /// <summary>Valid <see cref="RevokeInvitationRequest"/>s: <see cref="WorkOSGen.RevokeInvitation"/>.</summary>
    public static Arbitrary<RevokeInvitationRequest> RevokeInvitation() => WorkOSGen.RevokeInvitation.Valid.ToArbitrary();

    /// <summary>Valid <see cref="RevokeSessionRequest"/>s: <see cref="WorkOSGen.RevokeSession"/>.</summary>
    public static Arbitrary<RevokeSessionRequest> RevokeSession() => WorkOSGen.RevokeSession.Valid.ToArbitrary();

    /// <summary>Valid <see cref="SendEmailChangeRequest"/>s: <see cref="WorkOSGen.SendEmailChange"/>.</summary>
    public static Arbitrary<SendEmailChangeRequest> SendEmailChange() => WorkOSGen.SendEmailChange.Valid.ToArbitrary();

    /// <summary>Valid <see cref="SendInvitationRequest"/>s: <see cref="WorkOSGen.SendInvitation"/>.</summary>
    public static Arbitrary<SendInvitationRequest> SendInvitation() => WorkOSGen.SendInvitation.Valid.ToArbitrary();

    /// <summary>Valid <see cref="SendMagicAuthCodeRequest"/>s: <see cref="WorkOSGen.SendMagicAuthCode"/>.</summary>
    public static Arbitrary<SendMagicAuthCodeRequest> SendMagicAuthCode() => WorkOSGen.SendMagicAuthCode.Valid.ToArbitrary();

    /// <summary>Valid <see cref="SendPasswordResetEmailRequest"/>s: <see cref="WorkOSGen.SendPasswordResetEmail"/>.</summary>
    public static Arbitrary<SendPasswordResetEmailRequest> SendPasswordResetEmail() => WorkOSGen.SendPasswordResetEmail.Valid.ToArbitrary();

    /// <summary>Valid <see cref="SendVerificationEmailRequest"/>s: <see cref="WorkOSGen.SendVerificationEmail"/>.</summary>
    public static Arbitrary<SendVerificationEmailRequest> SendVerificationEmail() => WorkOSGen.SendVerificationEmail.Valid.ToArbitrary();

    /// <summary>Valid <see cref="UpdateOrganizationMembershipRequest"/>s: <see cref="WorkOSGen.UpdateOrganizationMembership"/>.</summary>
    public static Arbitrary<UpdateOrganizationMembershipRequest> UpdateOrganizationMembership() => WorkOSGen.UpdateOrganizationMembership.Valid.ToArbitrary();

    /// <summary>Valid <see cref="UpdateUserRequest"/>s: <see cref="WorkOSGen.UpdateUser"/>.</summary>
    public static Arbitrary<UpdateUserRequest> UpdateUser() => WorkOSGen.UpdateUser.Valid.ToArbitrary();

    /// <summary>Valid <see cref="VerifyEmailRequest"/>s: <see cref="WorkOSGen.VerifyEmail"/>.</summary>
    public static Arbitrary<VerifyEmailRequest> VerifyEmail() => WorkOSGen.VerifyEmail.Valid.ToArbitrary();
}
