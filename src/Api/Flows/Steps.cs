namespace WorkOS.Functional;

/// <summary><c>email_verification_required</c>: the only next step is <see cref="Verify"/> with the emailed code.</summary>
public sealed record VerifyEmailStep : PendingSignInStep
{
    private readonly SignInContext context;
    private readonly Secret token;

    internal VerifyEmailStep(EmailVerificationRequired e, SignInContext context) : base(e) =>
        (this.context, token, Email, EmailVerificationId) = (context, e.PendingAuthenticationToken, e.Email, e.EmailVerificationId);

    /// <summary>The address the code was sent to.</summary>
    public string Email { get; }
    /// <summary>The email verification created for this sign-in.</summary>
    public string EmailVerificationId { get; }

    /// <summary>Sends the email-verification grant with this step's pending token.</summary>
    /// <param name="code">The code from the email.</param>
    public Aff<SignInStep> Verify(string code) =>
        from request in AuthenticateWithEmailVerificationCodeRequest.Create(context.ClientId, code, token, context.Ip, context.Agent).ToAff()
        from next in context.Next(context.Client.AuthenticateWithEmailVerificationCode(request, context.Ct))
        select next;
}

/// <summary><c>mfa_enrollment</c>: the only next step is <see cref="EnrollTotp"/>, then <see cref="TotpVerification.Verify"/>.</summary>
public sealed record EnrollMfaStep : PendingSignInStep
{
    private readonly SignInContext context;
    private readonly Secret token;

    internal EnrollMfaStep(MfaEnrollmentRequired e, SignInContext context) : base(e) =>
        (this.context, token, User) = (context, e.PendingAuthenticationToken, e.User);

    /// <summary>The user signing in.</summary>
    public User User { get; }

    /// <summary>Enrolls a TOTP factor for <see cref="User"/>; the result shows its secret and verifies a code.</summary>
    /// <param name="issuer">Issuer label shown in authenticator apps.</param>
    /// <param name="accountName">Account label shown in authenticator apps; defaults to the user's email.</param>
    public Aff<TotpVerification> EnrollTotp(string? issuer = null, string? accountName = null) =>
        from request in EnrollAuthFactorRequest.Create(User.Id, FactorType.Totp, issuer, accountName ?? User.Email).ToAff()
        from enrolled in context.Client.EnrollAuthFactor(request, context.Ct)
        select new TotpVerification(context, token, enrolled.Challenge, Some(enrolled.Factor));
}

/// <summary><c>mfa_challenge</c>: the only next step is <see cref="Challenge"/> of one of <see cref="Factors"/>, then <see cref="TotpVerification.Verify"/>.</summary>
public sealed record ChallengeMfaStep : PendingSignInStep
{
    private readonly SignInContext context;
    private readonly Secret token;

    internal ChallengeMfaStep(MfaChallengeRequired e, SignInContext context) : base(e) =>
        (this.context, token, User, Factors) = (context, e.PendingAuthenticationToken, e.User, e.AuthenticationFactors);

    /// <summary>The user signing in.</summary>
    public User User { get; }
    /// <summary>The factors the user can be challenged on.</summary>
    public Seq<AuthenticationFactorRef> Factors { get; }

    /// <summary>Challenges <paramref name="factor"/>, which must be one of <see cref="Factors"/>.</summary>
    /// <param name="factor">The factor to challenge.</param>
    public Aff<TotpVerification> Challenge(AuthenticationFactorRef factor) =>
        from _ in SignInContext.Listed(Factors.Exists(f => f.Id == factor.Id), "authentication_factor_id", "factors").ToAff()
        from request in ChallengeAuthFactorRequest.Create(factor.Id).ToAff()
        from challenge in context.Client.ChallengeAuthFactor(request, context.Ct)
        select new TotpVerification(context, token, challenge, None);
}

/// <summary>
/// A TOTP challenge bound to its sign-in: after <see cref="EnrollMfaStep.EnrollTotp"/> (then
/// <see cref="Enrolled"/> shows the new factor's secret) or <see cref="ChallengeMfaStep.Challenge"/>.
/// </summary>
public sealed record TotpVerification
{
    private readonly SignInContext context;
    private readonly Secret token;

    internal TotpVerification(SignInContext context, Secret token, Challenge challenge, Option<Factor> enrolled) =>
        (this.context, this.token, Challenge, Enrolled) = (context, token, challenge, enrolled);

    /// <summary>The challenge the code answers.</summary>
    public Challenge Challenge { get; }
    /// <summary>The factor just enrolled (with its secret and otpauth URI), when this came from an enrollment.</summary>
    public Option<Factor> Enrolled { get; }

    /// <summary>Sends the TOTP grant with this sign-in's pending token and this challenge.</summary>
    /// <param name="code">The 6-digit code from the authenticator app.</param>
    public Aff<SignInStep> Verify(string code) =>
        from request in AuthenticateWithTOTPRequest.Create(context.ClientId, code, token, Challenge.Id, context.Ip, context.Agent).ToAff()
        from next in context.Next(context.Client.AuthenticateWithTOTP(request, context.Ct))
        select next;
}

/// <summary><c>organization_selection_required</c>: the only next step is <see cref="Select"/> of one of <see cref="Organizations"/>.</summary>
public sealed record SelectOrganizationStep : PendingSignInStep
{
    private readonly SignInContext context;
    private readonly Secret token;

    internal SelectOrganizationStep(OrganizationSelectionRequired e, SignInContext context) : base(e) =>
        (this.context, token, User, Organizations) = (context, e.PendingAuthenticationToken, e.User, e.Organizations);

    /// <summary>The user signing in.</summary>
    public User User { get; }
    /// <summary>The organizations the user may choose from.</summary>
    public Seq<OrganizationRef> Organizations { get; }

    /// <summary>Continues the sign-in in <paramref name="organization"/>, which must be one of <see cref="Organizations"/>.</summary>
    /// <param name="organization">The chosen organization.</param>
    public Aff<SignInStep> Select(OrganizationRef organization) =>
        from _ in SignInContext.Listed(Organizations.Exists(o => o.Id == organization.Id), "organization_id", "organizations").ToAff()
        from request in AuthenticateWithOrganizationSelectionRequest.Create(context.ClientId, token, organization.Id, context.Ip, context.Agent).ToAff()
        from next in context.Next(context.Client.AuthenticateWithOrganizationSelection(request, context.Ct))
        select next;
}

/// <summary><c>sso_required</c>: the only next step is to send the user to <see cref="AuthorizationUrl"/> of one of <see cref="ConnectionIds"/>.</summary>
public sealed record SsoRequiredStep : PendingSignInStep
{
    private readonly SignInContext context;

    internal SsoRequiredStep(SsoRequired e, SignInContext context) : base(e) =>
        (this.context, Email, ConnectionIds) = (context, e.Email, e.ConnectionIds);

    /// <summary>The address that must use SSO.</summary>
    public string Email { get; }
    /// <summary>The SSO connections the user may sign in with.</summary>
    public Seq<string> ConnectionIds { get; }

    /// <summary>
    /// The authorization URL for <paramref name="connectionId"/> (one of <see cref="ConnectionIds"/>), with the
    /// email as login hint; pass a <see cref="Pkce"/> and a state for a public client.
    /// </summary>
    /// <param name="connectionId">The connection to sign in with.</param>
    /// <param name="redirectUri">Where the server sends the browser back with the code.</param>
    /// <param name="pkce">PKCE verifier and challenge, if used.</param>
    /// <param name="state">Opaque state echoed on the redirect.</param>
    public Either<Error, Uri> AuthorizationUrl(string connectionId, string redirectUri, Pkce? pkce = null, string? state = null) =>
        from _ in SignInContext.Listed(ConnectionIds.Exists(c => c == connectionId), "connection_id", "connections")
        from request in GetAuthorizationURLRequest.Create(context.ClientId, redirectUri, connectionId: connectionId, loginHint: Email,
            codeChallenge: pkce?.Challenge, codeChallengeMethod: pkce?.Method, state: state)
        from url in context.Client.GetAuthorizationURL(request)
        select url;
}

/// <summary><c>organization_authentication_methods_required</c>: start again with one of the allowed methods.</summary>
public sealed record RestrictedMethodsStep : PendingSignInStep
{
    internal RestrictedMethodsStep(OrganizationAuthenticationMethodsRequired e) : base(e) =>
        (Email, SsoConnectionIds, AuthMethods) = (e.Email, e.SsoConnectionIds, e.AuthMethods);

    /// <summary>The address signing in.</summary>
    public string Email { get; }
    /// <summary>SSO connections the organization allows.</summary>
    public Seq<string> SsoConnectionIds { get; }
    /// <summary>Which methods the organization allows.</summary>
    public HashMap<string, bool> AuthMethods { get; }
}

/// <summary>A step-up this library does not know yet; <see cref="PendingSignInStep.StepUp"/> has its code.</summary>
public sealed record UnrecognizedStep : PendingSignInStep
{
    internal UnrecognizedStep(UnknownStepUp e) : base(e) { }
}
