namespace WorkOS.Functional.Http;

/// <summary>
/// The three URL builders of spec §2.3, as pure functions of the API base URL. They make no request: the
/// authorization and logout URLs are for browser redirects, the JWKS URL for fetching signing keys.
/// Queries are sorted and escaped like Go's <c>url.Values.Encode()</c> (spec §1.5).
/// </summary>
public static class AuthenticationUrls
{
    /// <summary>Go's message when the JWKS client ID is blank.</summary>
    public const string BlankJwksClientId = "clientID must not be blank";

    /// <summary>
    /// <c>{base}/user_management/authorize?…</c>: <c>client_id</c>, <c>redirect_uri</c>, <c>response_type=code</c>,
    /// every non-empty option, <c>provider_scopes</c> as one comma-joined parameter when the list is non-empty, and the
    /// newer options when set (<c>invitation_token</c>, <c>max_age</c> — 0 included —, <c>prompt</c>, and one
    /// <c>provider_query_params[key]</c> per provider parameter).
    /// </summary>
    /// <param name="baseUrl">The API base URL.</param>
    /// <param name="r">The validated options.</param>
    public static Either<Error, Uri> Authorization(Uri baseUrl, GetAuthorizationURLRequest r) =>
        Build(baseUrl, "/user_management/authorize", AuthorizationQuery(r));

    /// <summary>The query pairs of the authorization URL, unsorted and unescaped.</summary>
    /// <param name="r">The validated options.</param>
    public static Seq<(string Key, string Value)> AuthorizationQuery(GetAuthorizationURLRequest r) =>
        QueryString.Always("client_id", r.ClientId)
        + QueryString.Always("redirect_uri", r.RedirectUri)
        + QueryString.Always("response_type", "code")
        + QueryString.NonEmpty("provider", r.Provider.Map(static p => p.Value))
        + QueryString.NonEmpty("connection_id", r.ConnectionId)
        + QueryString.NonEmpty("organization_id", r.OrganizationId)
        + QueryString.NonEmpty("code_challenge", r.CodeChallenge)
        + QueryString.NonEmpty("code_challenge_method", r.CodeChallengeMethod)
        + QueryString.NonEmpty("login_hint", r.LoginHint)
        + QueryString.NonEmpty("domain_hint", r.DomainHint)
        + QueryString.NonEmpty("state", r.State)
        + QueryString.NonEmpty("screen_hint", r.ScreenHint.Map(static h => h.Value))
        + (r.ProviderScopes.IsEmpty ? Seq<(string Key, string Value)>() : QueryString.Always("provider_scopes", string.Join(",", r.ProviderScopes)))
        + QueryString.IfSet("invitation_token", r.InvitationToken.Map(static t => t.Reveal()))
        + QueryString.IfSet("max_age", r.MaxAge.Map(static a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        + QueryString.IfSet("prompt", r.Prompt)
        + r.ProviderQueryParams.Map(static kv => (Key: $"provider_query_params[{kv.Key}]", kv.Value));

    /// <summary><c>{base}/user_management/sessions/logout?return_to=…&amp;session_id=…</c> (<c>return_to</c> only when set).</summary>
    /// <param name="baseUrl">The API base URL.</param>
    /// <param name="r">The validated options.</param>
    public static Either<Error, Uri> Logout(Uri baseUrl, GetLogoutURLRequest r) =>
        Build(baseUrl, "/user_management/sessions/logout",
            QueryString.Always("session_id", r.SessionId) + QueryString.NonEmpty("return_to", r.ReturnTo));

    /// <summary>The message when the JWKS client ID is a dot segment, which no URL can carry as a segment.</summary>
    public const string DotSegmentJwksClientId = "clientID must not be '.' or '..'";

    /// <summary>
    /// <c>{base}/sso/jwks/{clientId}</c>, the client ID escaped as one path segment. A blank client ID is an
    /// <see cref="InvalidRequest"/> on <c>client_id</c> with Go's message <see cref="BlankJwksClientId"/>.
    /// A client ID of <c>.</c> or <c>..</c> is rejected too (<see cref="DotSegmentJwksClientId"/>): URIs treat it,
    /// escaped or not, as a dot segment and would silently point at another path (<c>/sso/jwks/..</c> is <c>/sso/</c>).
    /// </summary>
    /// <param name="baseUrl">The API base URL.</param>
    /// <param name="clientId">The WorkOS client ID.</param>
    public static Either<Error, Uri> Jwks(Uri baseUrl, string? clientId) =>
        (Rules.Check(!string.IsNullOrWhiteSpace(clientId), "client_id", BlankJwksClientId),
         Rules.Check(clientId is not ("." or ".."), "client_id", DotSegmentJwksClientId))
            .Apply(static (_, _) => unit)
            .ToRequest()
            .Bind(_ => Build(baseUrl, "/sso/jwks/" + Uri.EscapeDataString(clientId!), Seq<(string, string)>()));

    /// <summary>Base (without its trailing slash) + path + rendered query, parsed as an absolute URI.</summary>
    private static Either<Error, Uri> Build(Uri baseUrl, string path, Seq<(string Key, string Value)> query)
    {
        var text = baseUrl.AbsoluteUri.TrimEnd('/') + path + (query.IsEmpty ? "" : "?" + QueryString.Render(query));
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? Right<Error, Uri>(uri)
            : Left<Error, Uri>(new InvalidRequest(Seq1(new FieldProblem("base_url", "does not form a valid URL with this path"))));
    }
}
