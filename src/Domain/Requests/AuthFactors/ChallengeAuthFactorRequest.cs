namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>ChallengeAuthFactor</c>, the MFA API call (<c>POST /auth/factors/{id}/challenge</c>)
/// that creates the challenge <c>AuthenticateWithTOTP</c> needs after an <c>mfa_challenge</c> step-up.
/// </summary>
public sealed record ChallengeAuthFactorRequest
{
    private ChallengeAuthFactorRequest(string authenticationFactorId) => AuthenticationFactorId = authenticationFactorId;

    /// <summary>The factor to challenge (<c>auth_factor_…</c>).</summary>
    public string AuthenticationFactorId { get; }

    /// <summary>Validates: <c>authentication_factor_id</c> non-blank.</summary>
    /// <param name="authenticationFactorId">The factor ID.</param>
    public static Either<Error, ChallengeAuthFactorRequest> Create(string? authenticationFactorId) =>
        Rules.PathSegment("authentication_factor_id", authenticationFactorId).Map(static id => new ChallengeAuthFactorRequest(id)).ToRequest();
}
