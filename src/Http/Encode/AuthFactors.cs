namespace WorkOS.Functional.Http;

public static partial class Encode
{
    /// <summary>
    /// <c>POST /user_management/users/{id}/auth_factors</c> with, in Go's order, <c>type</c> (always),
    /// <c>totp_issuer</c>, <c>totp_user</c>, <c>totp_secret</c> (omit-if-empty), and without Go's
    /// <c>"User"</c> artefact key (spec §1.4).
    /// </summary>
    public static HttpRequestSpec EnrollAuthFactor(EnrollAuthFactorRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, UserManagement, "users", r.UserId, "auth_factors").WithBody(Json.Object(
            Json.Always("type", r.Type.Value),
            Json.NonEmpty("totp_issuer", r.TotpIssuer),
            Json.NonEmpty("totp_user", r.TotpUser),
            Json.NonEmpty("totp_secret", r.TotpSecret)));

    /// <summary>
    /// <c>GET /user_management/users/{id}/auth_factors</c>: no query string, like Go, unless the pager set
    /// <c>limit</c> and/or <c>after</c> (then <c>?limit=…&amp;after=…</c>).
    /// </summary>
    public static HttpRequestSpec ListAuthFactors(ListAuthFactorsRequest r, Secret apiKey) =>
        HttpRequestSpec.Get(apiKey, UserManagement, "users", r.UserId, "auth_factors").WithQuery(
            QueryString.NonEmpty("limit", r.Limit.Map(static l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            QueryString.NonEmpty("after", r.After));

    /// <summary><c>POST /auth/factors/{id}/challenge</c> (the MFA API) with an empty JSON object <c>{}</c> as body.</summary>
    public static HttpRequestSpec ChallengeAuthFactor(ChallengeAuthFactorRequest r, Secret apiKey) =>
        HttpRequestSpec.Post(apiKey, "auth", "factors", r.AuthenticationFactorId, "challenge").WithBody(Json.Object());
}
