namespace WorkOS.Functional;

/// <summary>
/// What a person must provide during a sign-in, as callbacks. <see cref="SignInFlow.Complete"/> calls
/// them for whichever step-ups the server demands, in any order and any number. A step-up with no
/// callback ends the flow with its step-up error, so nothing is silently skipped.
/// </summary>
public sealed record SignInHandlers
{
    /// <summary>Asks for the code emailed for <see cref="VerifyEmailStep"/>.</summary>
    public Func<VerifyEmailStep, Aff<string>>? EmailVerificationCode { get; init; }

    /// <summary>
    /// Asks for a TOTP code. After an enrollment <see cref="TotpVerification.Enrolled"/> holds the new
    /// factor (show its secret or QR code first); after a challenge it is <c>None</c>.
    /// </summary>
    public Func<TotpVerification, Aff<string>>? TotpCode { get; init; }

    /// <summary>Picks the factor to challenge; by default the first TOTP factor, else the first.</summary>
    public Func<ChallengeMfaStep, Aff<AuthenticationFactorRef>> ChooseFactor { get; init; } = static step =>
        (step.Factors.Find(static f => f.Type == FactorType.Totp) || step.Factors.HeadOrNone())
            .Match(Some: static f => SuccessAff(f), None: () => FailAff<AuthenticationFactorRef>(step.StepUp));

    /// <summary>Picks the organization for <see cref="SelectOrganizationStep"/>.</summary>
    public Func<SelectOrganizationStep, Aff<OrganizationRef>>? ChooseOrganization { get; init; }

    /// <summary>Issuer label for a TOTP factor enrolled during the flow.</summary>
    public string? TotpIssuer { get; init; }

    /// <summary>Observes every step as it is reached (logging, printing); runs before it is handled.</summary>
    public Func<SignInStep, Aff<Unit>> OnStep { get; init; } = static _ => SuccessAff(unit);

    /// <summary>The most step-ups one sign-in may go through before it stops with the last step-up error.</summary>
    public int MaxSteps { get; init; } = 8;
}

/// <summary>Drives a sign-in through its step-ups to <see cref="SignedIn"/>.</summary>
public static class SignInFlow
{
    /// <summary>
    /// Runs <paramref name="start"/> and then every step-up the server demands with <paramref name="handlers"/>,
    /// until the user is signed in. Fails with the step-up error of a step that has no handler, with any
    /// error of a grant (a wrong code, an expired pending token), or after <see cref="SignInHandlers.MaxSteps"/>.
    /// </summary>
    /// <param name="start">The first grant, e.g. <c>client.SignInWithPassword(request)</c>.</param>
    /// <param name="handlers">What the person provides.</param>
    public static Aff<AuthenticateResponse> Complete(this Aff<SignInStep> start, SignInHandlers handlers) =>
        start.Bind(step => Drive(step, handlers, handlers.MaxSteps));

    private static Aff<AuthenticateResponse> Drive(SignInStep step, SignInHandlers h, int left) =>
        from _ in h.OnStep(step)
        from response in Handle(step, h, left)
        select response;

    private static Aff<AuthenticateResponse> Handle(SignInStep step, SignInHandlers h, int left) =>
        step switch
        {
            SignedIn done => SuccessAff(done.Response),
            PendingSignInStep pending when left <= 0 => FailAff<AuthenticateResponse>(pending.StepUp),
            VerifyEmailStep verify when h.EmailVerificationCode is { } ask =>
                Continue(from code in ask(verify) from next in verify.Verify(code) select next, h, left),
            EnrollMfaStep enroll when h.TotpCode is { } ask =>
                Continue(from totp in enroll.EnrollTotp(h.TotpIssuer) from code in ask(totp) from next in totp.Verify(code) select next, h, left),
            ChallengeMfaStep challenge when h.TotpCode is { } ask =>
                Continue(from factor in h.ChooseFactor(challenge) from totp in challenge.Challenge(factor) from code in ask(totp)
                         from next in totp.Verify(code) select next, h, left),
            SelectOrganizationStep selection when h.ChooseOrganization is { } choose =>
                Continue(from org in choose(selection) from next in selection.Select(org) select next, h, left),
            PendingSignInStep unhandled => FailAff<AuthenticateResponse>(unhandled.StepUp),
            _ => throw new InvalidOperationException("SignInStep is closed."),
        };

    private static Aff<AuthenticateResponse> Continue(Aff<SignInStep> next, SignInHandlers h, int left) =>
        next.Bind(step => Drive(step, h, left - 1));
}
