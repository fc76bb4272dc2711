namespace WorkOS.Functional;

/// <summary>
/// An authenticate call that needs one more step (spec §4.4). Detected by body, never by status.
/// Each case carries the <see cref="PendingAuthenticationToken"/> that the follow-up grant needs.
/// </summary>
public abstract record AuthStepUp : WorkOSError
{
    private protected AuthStepUp(HttpErrorContext context, Secret pendingAuthenticationToken, int code)
        : base(context, code) => PendingAuthenticationToken = pendingAuthenticationToken;

    /// <summary>The token the follow-up grant must carry.</summary>
    public Secret PendingAuthenticationToken { get; }

    /// <summary>
    /// Exhaustive case analysis: exactly one function runs, the one for this case.
    /// </summary>
    /// <typeparam name="R">The result type.</typeparam>
    /// <param name="emailVerification">For <see cref="EmailVerificationRequired"/>.</param>
    /// <param name="mfaEnrollment">For <see cref="MfaEnrollmentRequired"/>.</param>
    /// <param name="mfaChallenge">For <see cref="MfaChallengeRequired"/>.</param>
    /// <param name="organizationSelection">For <see cref="OrganizationSelectionRequired"/>.</param>
    /// <param name="sso">For <see cref="SsoRequired"/>.</param>
    /// <param name="organizationAuthenticationMethods">For <see cref="OrganizationAuthenticationMethodsRequired"/>.</param>
    /// <param name="unknown">For <see cref="UnknownStepUp"/>.</param>
    /// <returns>The chosen function's result.</returns>
    public R Match<R>(
        Func<EmailVerificationRequired, R> emailVerification,
        Func<MfaEnrollmentRequired, R> mfaEnrollment,
        Func<MfaChallengeRequired, R> mfaChallenge,
        Func<OrganizationSelectionRequired, R> organizationSelection,
        Func<SsoRequired, R> sso,
        Func<OrganizationAuthenticationMethodsRequired, R> organizationAuthenticationMethods,
        Func<UnknownStepUp, R> unknown) =>
        this switch
        {
            EmailVerificationRequired x => emailVerification(x),
            MfaEnrollmentRequired x => mfaEnrollment(x),
            MfaChallengeRequired x => mfaChallenge(x),
            OrganizationSelectionRequired x => organizationSelection(x),
            SsoRequired x => sso(x),
            OrganizationAuthenticationMethodsRequired x => organizationAuthenticationMethods(x),
            UnknownStepUp x => unknown(x),
            _ => throw new InvalidOperationException("AuthStepUp is closed: its constructor is private protected."),
        };
}

/// <summary><c>email_verification_required</c>: confirm the emailed code with the email-verification grant.</summary>
public sealed record EmailVerificationRequired : AuthStepUp
{
    /// <summary>Creates the step-up.</summary>
    /// <param name="context">What every error answer carries.</param>
    /// <param name="pendingAuthenticationToken">The token for the follow-up grant.</param>
    /// <param name="email">The address the code was sent to.</param>
    /// <param name="emailVerificationId">The email verification created for it.</param>
    public EmailVerificationRequired(HttpErrorContext context, Secret pendingAuthenticationToken, string email, string emailVerificationId)
        : base(context, pendingAuthenticationToken, ErrorCodes.EmailVerificationRequired) =>
        (Email, EmailVerificationId) = (email, emailVerificationId);

    /// <summary>The address the code was sent to.</summary>
    public string Email { get; }
    /// <summary>The email verification created for this sign-in.</summary>
    public string EmailVerificationId { get; }
}

/// <summary><c>mfa_enrollment</c>: enroll a TOTP factor, then verify a code with the TOTP grant.</summary>
public sealed record MfaEnrollmentRequired : AuthStepUp
{
    /// <summary>Creates the step-up.</summary>
    /// <param name="context">What every error answer carries.</param>
    /// <param name="pendingAuthenticationToken">The token for the follow-up grant.</param>
    /// <param name="user">The user signing in.</param>
    public MfaEnrollmentRequired(HttpErrorContext context, Secret pendingAuthenticationToken, User user)
        : base(context, pendingAuthenticationToken, ErrorCodes.MfaEnrollmentRequired) => User = user;

    /// <summary>The user signing in.</summary>
    public User User { get; }
}

/// <summary><c>mfa_challenge</c>: challenge one of <see cref="AuthenticationFactors"/>, then verify a code with the TOTP grant.</summary>
public sealed record MfaChallengeRequired : AuthStepUp
{
    /// <summary>Creates the step-up.</summary>
    /// <param name="context">What every error answer carries.</param>
    /// <param name="pendingAuthenticationToken">The token for the follow-up grant.</param>
    /// <param name="user">The user signing in.</param>
    /// <param name="authenticationFactors">The factors the user can be challenged on.</param>
    public MfaChallengeRequired(HttpErrorContext context, Secret pendingAuthenticationToken, User user, Seq<AuthenticationFactorRef> authenticationFactors)
        : base(context, pendingAuthenticationToken, ErrorCodes.MfaChallengeRequired) =>
        (User, AuthenticationFactors) = (user, authenticationFactors);

    /// <summary>The user signing in.</summary>
    public User User { get; }
    /// <summary>The factors the user can be challenged on.</summary>
    public Seq<AuthenticationFactorRef> AuthenticationFactors { get; }
}

/// <summary><c>organization_selection_required</c>: pick one of <see cref="Organizations"/> with the organization-selection grant.</summary>
public sealed record OrganizationSelectionRequired : AuthStepUp
{
    /// <summary>Creates the step-up.</summary>
    /// <param name="context">What every error answer carries.</param>
    /// <param name="pendingAuthenticationToken">The token for the follow-up grant.</param>
    /// <param name="user">The user signing in.</param>
    /// <param name="organizations">The organizations the user may choose from.</param>
    public OrganizationSelectionRequired(HttpErrorContext context, Secret pendingAuthenticationToken, User user, Seq<OrganizationRef> organizations)
        : base(context, pendingAuthenticationToken, ErrorCodes.OrganizationSelectionRequired) =>
        (User, Organizations) = (user, organizations);

    /// <summary>The user signing in.</summary>
    public User User { get; }
    /// <summary>The organizations the user may choose from.</summary>
    public Seq<OrganizationRef> Organizations { get; }
}

/// <summary><c>sso_required</c>: sign in through one of <see cref="ConnectionIds"/> via the authorization URL.</summary>
public sealed record SsoRequired : AuthStepUp
{
    /// <summary>Creates the step-up.</summary>
    /// <param name="context">What every error answer carries.</param>
    /// <param name="pendingAuthenticationToken">The token of this attempt.</param>
    /// <param name="email">The address that must use SSO.</param>
    /// <param name="connectionIds">The SSO connections the user may use.</param>
    public SsoRequired(HttpErrorContext context, Secret pendingAuthenticationToken, string email, Seq<string> connectionIds)
        : base(context, pendingAuthenticationToken, ErrorCodes.SsoRequired) =>
        (Email, ConnectionIds) = (email, connectionIds);

    /// <summary>The address that must use SSO.</summary>
    public string Email { get; }
    /// <summary>The SSO connections the user may sign in with.</summary>
    public Seq<string> ConnectionIds { get; }
}

/// <summary><c>organization_authentication_methods_required</c>: restart with one of the allowed methods.</summary>
public sealed record OrganizationAuthenticationMethodsRequired : AuthStepUp
{
    /// <summary>Creates the step-up.</summary>
    /// <param name="context">What every error answer carries.</param>
    /// <param name="pendingAuthenticationToken">The token of this attempt.</param>
    /// <param name="email">The address signing in.</param>
    /// <param name="ssoConnectionIds">SSO connections allowed by the organization.</param>
    /// <param name="authMethods">Which methods the organization allows (<c>password</c>, <c>google_oauth</c>, …).</param>
    public OrganizationAuthenticationMethodsRequired(HttpErrorContext context, Secret pendingAuthenticationToken, string email,
        Seq<string> ssoConnectionIds, HashMap<string, bool> authMethods)
        : base(context, pendingAuthenticationToken, ErrorCodes.OrganizationAuthenticationMethodsRequired) =>
        (Email, SsoConnectionIds, AuthMethods) = (email, ssoConnectionIds, authMethods);

    /// <summary>The address signing in.</summary>
    public string Email { get; }
    /// <summary>SSO connections the organization allows.</summary>
    public Seq<string> SsoConnectionIds { get; }
    /// <summary>Which authentication methods the organization allows; the key set is open.</summary>
    public HashMap<string, bool> AuthMethods { get; }
}

/// <summary>
/// A step-up this library does not know yet (e.g. <c>radar_email_challenge</c>): the body carried a
/// pending token and a <see cref="WorkOSError.ErrorCode"/> outside the known set.
/// </summary>
public sealed record UnknownStepUp : AuthStepUp
{
    /// <summary>Creates the step-up.</summary>
    /// <param name="context">What every error answer carries; its <c>ErrorCode</c> names the step-up.</param>
    /// <param name="pendingAuthenticationToken">The token of this attempt.</param>
    public UnknownStepUp(HttpErrorContext context, Secret pendingAuthenticationToken)
        : base(context, pendingAuthenticationToken, ErrorCodes.UnknownStepUp) { }
}
