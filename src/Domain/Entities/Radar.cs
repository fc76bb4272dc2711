namespace WorkOS.Functional;

/// <summary>The answer of <c>CreateRadarChallenge</c>: the SMS was sent.</summary>
/// <param name="VerificationId">The ID to pass to <c>AuthenticateWithRadarSmsChallenge</c>.</param>
/// <param name="PhoneNumber">The number the code was sent to (E.164).</param>
public sealed record SendRadarSmsChallengeResponse(string VerificationId, string PhoneNumber);

/// <summary>A Radar email challenge, as <c>GetRadarChallenge</c> returns it. Its one-time <see cref="Code"/> is a <see cref="Secret"/>.</summary>
/// <param name="Id">The challenge ID (<c>radar_challenge_…</c>).</param>
/// <param name="Type">The challenge type (<c>email</c>); kept open.</param>
/// <param name="UserId">The user being challenged.</param>
/// <param name="Email">The address the code was sent to.</param>
/// <param name="Code">The one-time code, for applications that deliver the email themselves.</param>
/// <param name="ExpiresAt">Expiry timestamp.</param>
/// <param name="CreatedAt">Creation timestamp.</param>
/// <param name="UpdatedAt">Last update timestamp.</param>
public sealed record RadarChallenge(string Id, string Type, string UserId, string Email, Secret Code, string ExpiresAt, string CreatedAt, string UpdatedAt);
