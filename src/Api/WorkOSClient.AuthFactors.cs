namespace WorkOS.Functional;

public sealed partial class WorkOSClient
{
    /// <summary>
    /// Enrolls a TOTP factor for a user (<c>POST /user_management/users/{id}/auth_factors</c>). The answer carries
    /// the factor with its secret, QR code and URI (only here) and a first challenge for it.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<EnrollAuthFactorResponse> EnrollAuthFactor(EnrollAuthFactorRequest request, CancellationToken ct = default) =>
        Call(Encode.EnrollAuthFactor(request, apiKey), Decode.EnrollAuthFactor, ct);

    /// <summary>Lists a user's MFA factors (<c>GET /user_management/users/{id}/auth_factors</c>, server-default page).</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<ListAuthFactorsResponse> ListAuthFactors(ListAuthFactorsRequest request, CancellationToken ct = default) =>
        Call(Encode.ListAuthFactors(request, apiKey), Decode.ListAuthFactors, ct);

    /// <summary>
    /// Every MFA factor of the user, fetched lazily page by page (<c>ListAuthFactors</c> with <c>limit</c> and <c>after</c>): <c>await foreach</c> it, walk it with
    /// <see cref="Pageable{T}.AsPages"/>, or <see cref="Pageable{T}.Fold{S}"/> it in a pipeline.
    /// </summary>
    /// <param name="request">The filters; its <c>after</c>, if set, is where paging starts.</param>
    /// <param name="pageSize">Records per request, 1–100 (default 100).</param>
    public Pageable<Factor> ListAllAuthFactors(ListAuthFactorsRequest request, int? pageSize = null) =>
        Pageable<Factor>.Over<ListAuthFactorsRequest, ListAuthFactorsResponse>(request, ListAuthFactors, pageSize);

    /// <summary>
    /// Creates a challenge for a factor (<c>POST /auth/factors/{id}/challenge</c>, the MFA API); its ID is the
    /// <c>authentication_challenge_id</c> to authenticate with TOTP after an <c>mfa_challenge</c> step-up.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="ct">Cancels the HTTP exchange.</param>
    public Aff<Challenge> ChallengeAuthFactor(ChallengeAuthFactorRequest request, CancellationToken ct = default) =>
        Call(Encode.ChallengeAuthFactor(request, apiKey), Decode.Challenge, ct);
}
