namespace WorkOS.Functional;

/// <summary>Validated input of <c>GetRadarChallenge</c> (<c>GET /user_management/radar_challenges/{id}</c>).</summary>
public sealed record GetRadarChallengeRequest
{
    private GetRadarChallengeRequest(string radarChallengeId) => RadarChallengeId = radarChallengeId;

    /// <summary>The challenge ID; escaped as one path segment.</summary>
    public string RadarChallengeId { get; }

    /// <summary>Validates: <c>radar_challenge_id</c> non-blank.</summary>
    /// <param name="radarChallengeId">The challenge ID.</param>
    public static Either<Error, GetRadarChallengeRequest> Create(string? radarChallengeId) =>
        Rules.PathSegment("radar_challenge_id", radarChallengeId).Map(static id => new GetRadarChallengeRequest(id)).ToRequest();
}
