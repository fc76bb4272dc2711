namespace WorkOS.Functional;

/// <summary>
/// Where a sign-in stands: <see cref="SignedIn"/>, or one of the step-ups of spec §4.4 as a value whose
/// methods are exactly the next steps valid for it. Each pending step holds its pending authentication
/// token privately and sends it only to the grant that belongs to it, so a token cannot reach the wrong
/// grant and a caller never reads an error body. Start with <c>WorkOSClient.SignInWithPassword</c>,
/// <c>SignInWithMagicAuth</c> or <c>SignInWithCode</c>; finish with <see cref="SignInFlow.Complete"/> or
/// by calling the steps' methods yourself.
/// </summary>
public abstract record SignInStep
{
    private protected SignInStep() { }

    /// <summary>Exhaustive case analysis: exactly one function runs, the one for this step.</summary>
    /// <typeparam name="R">The result type.</typeparam>
    /// <param name="signedIn">Authenticated.</param>
    /// <param name="verifyEmail">Email verification required.</param>
    /// <param name="enrollMfa">MFA enrollment required.</param>
    /// <param name="challengeMfa">MFA challenge required.</param>
    /// <param name="selectOrganization">Organization selection required.</param>
    /// <param name="sso">SSO required.</param>
    /// <param name="restrictedMethods">The organization allows only other methods.</param>
    /// <param name="unrecognized">A step-up this library does not know yet.</param>
    /// <returns>The chosen function's result.</returns>
    public R Match<R>(
        Func<SignedIn, R> signedIn,
        Func<VerifyEmailStep, R> verifyEmail,
        Func<EnrollMfaStep, R> enrollMfa,
        Func<ChallengeMfaStep, R> challengeMfa,
        Func<SelectOrganizationStep, R> selectOrganization,
        Func<SsoRequiredStep, R> sso,
        Func<RestrictedMethodsStep, R> restrictedMethods,
        Func<UnrecognizedStep, R> unrecognized) =>
        this switch
        {
            SignedIn x => signedIn(x),
            VerifyEmailStep x => verifyEmail(x),
            EnrollMfaStep x => enrollMfa(x),
            ChallengeMfaStep x => challengeMfa(x),
            SelectOrganizationStep x => selectOrganization(x),
            SsoRequiredStep x => sso(x),
            RestrictedMethodsStep x => restrictedMethods(x),
            UnrecognizedStep x => unrecognized(x),
            _ => throw new InvalidOperationException("SignInStep is closed: its constructor is private protected."),
        };

    /// <summary>The step for a step-up error of a grant sent in <paramref name="context"/>.</summary>
    internal static SignInStep From(AuthStepUp stepUp, SignInContext context) =>
        stepUp.Match<SignInStep>(
            e => new VerifyEmailStep(e, context),
            e => new EnrollMfaStep(e, context),
            e => new ChallengeMfaStep(e, context),
            e => new SelectOrganizationStep(e, context),
            e => new SsoRequiredStep(e, context),
            e => new RestrictedMethodsStep(e),
            e => new UnrecognizedStep(e));
}

/// <summary>The sign-in is complete.</summary>
public sealed record SignedIn : SignInStep
{
    internal SignedIn(AuthenticateResponse response) => Response = response;

    /// <summary>The user, tokens and organization of the new session.</summary>
    public AuthenticateResponse Response { get; }
}

/// <summary>A step-up: the server wants one more step before it signs the user in.</summary>
public abstract record PendingSignInStep : SignInStep
{
    private protected PendingSignInStep(AuthStepUp stepUp) => StepUp = stepUp;

    /// <summary>The step-up error this step came from (its token prints as <c>***</c>).</summary>
    public AuthStepUp StepUp { get; }
}

/// <summary>
/// What every grant of one sign-in shares: the client, the <c>client_id</c>, the end user's IP and
/// user agent, and the cancellation token.
/// </summary>
internal sealed record SignInContext(WorkOSClient Client, string ClientId, Option<string> IpAddress, Option<string> UserAgent, CancellationToken Ct)
{
    public string? Ip => IpAddress.IfNoneUnsafe((string?)null);
    public string? Agent => UserAgent.IfNoneUnsafe((string?)null);

    /// <summary>The step an authenticate call leads to: signed in, or the step for its step-up error.</summary>
    public Aff<SignInStep> Next(Aff<AuthenticateResponse> grant) =>
        grant.Map(static r => (SignInStep)new SignedIn(r))
        | @catchOf<AuthStepUp, SignInStep>(e => SuccessAff(SignInStep.From(e, this)));

    /// <summary>A step only continues with what it offered: anything else is an <see cref="InvalidRequest"/> on <paramref name="field"/>.</summary>
    public static Either<Error, Unit> Listed(bool offered, string field, string what) =>
        offered ? unit : new InvalidRequest(Seq1(new FieldProblem(field, $"must be one of the {what} of this step")));

    public override string ToString() => $"SignInContext {{ ClientId = {ClientId} }}";
}
