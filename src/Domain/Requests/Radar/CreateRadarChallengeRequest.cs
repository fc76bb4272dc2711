namespace WorkOS.Functional;

/// <summary>
/// Validated input of <c>CreateRadarChallenge</c> (<c>POST /user_management/radar_challenges</c>): after a
/// <c>radar_sms_challenge</c> step-up, texts a one-time code to <see cref="PhoneNumber"/>.
/// </summary>
public sealed record CreateRadarChallengeRequest
{
    private CreateRadarChallengeRequest(string userId, Secret pendingAuthenticationToken, string phoneNumber, Option<string> ipAddress, Option<string> userAgent) =>
        (UserId, PendingAuthenticationToken, PhoneNumber, IpAddress, UserAgent) = (userId, pendingAuthenticationToken, phoneNumber, ipAddress, userAgent);

    /// <summary>The user being challenged.</summary>
    public string UserId { get; }
    /// <summary>The pending token of the step-up error.</summary>
    public Secret PendingAuthenticationToken { get; }
    /// <summary>The phone number, E.164 (e.g. <c>+447700900123</c>).</summary>
    public string PhoneNumber { get; }
    /// <summary>The end user's IP address; sent when set, even empty.</summary>
    public Option<string> IpAddress { get; }
    /// <summary>The end user's user agent; sent when set, even empty.</summary>
    public Option<string> UserAgent { get; }

    /// <summary>
    /// Validates: <c>user_id</c> and <c>pending_authentication_token</c> non-blank, <c>phone_number</c> E.164
    /// (<c>+</c> then 2–15 digits, not starting with 0). Every problem is reported at once.
    /// </summary>
    /// <param name="userId">The user ID.</param>
    /// <param name="pendingAuthenticationToken">The pending token of the step-up error.</param>
    /// <param name="phoneNumber">The phone number, E.164.</param>
    /// <param name="ipAddress">The end user's IP address.</param>
    /// <param name="userAgent">The end user's user agent.</param>
    public static Either<Error, CreateRadarChallengeRequest> Create(string? userId, Secret? pendingAuthenticationToken, string? phoneNumber,
        string? ipAddress = null, string? userAgent = null) =>
        (Rules.Required("user_id", userId), Rules.NonBlankSecret("pending_authentication_token", pendingAuthenticationToken), Rules.PhoneNumber("phone_number", phoneNumber))
            .Apply((u, t, p) => new CreateRadarChallengeRequest(u, t, p, Optional(ipAddress), Optional(userAgent)))
            .ToRequest();
}
