namespace WorkOS.Functional;

/// <summary>
/// Validated options of <c>GetAuthorizationURL</c> (spec §2.3 #15): where to send the browser to sign in through
/// AuthKit, an OAuth provider, an SSO connection or an organization's connection.
/// </summary>
public sealed record GetAuthorizationURLRequest
{
    /// <summary>Go's message when <c>client_id</c> is missing.</summary>
    public const string MissingClientId = "incomplete arguments: missing ClientID";
    /// <summary>Go's message when <c>redirect_uri</c> is missing.</summary>
    public const string MissingRedirectUri = "incomplete arguments: missing RedirectURI";
    /// <summary>Go's message when no connection selector is given.</summary>
    public const string MissingSelector = "incomplete arguments: missing ConnectionID, OrganizationID, or Provider";
    /// <summary>Go's message when a screen hint comes without the <c>authkit</c> provider.</summary>
    public const string ScreenHintNeedsAuthKit = "provider must be 'authkit' to include a screen hint";

    private GetAuthorizationURLRequest(string clientId, string redirectUri, Option<Provider> provider, Option<string> connectionId,
        Option<string> organizationId, Option<string> codeChallenge, Option<string> codeChallengeMethod, Option<string> loginHint,
        Option<string> domainHint, Option<string> state, Option<ScreenHint> screenHint, Seq<string> providerScopes,
        Option<Secret> invitationToken, Option<int> maxAge, Option<string> prompt, Seq<(string Key, string Value)> providerQueryParams) =>
        (ClientId, RedirectUri, Provider, ConnectionId, OrganizationId, CodeChallenge, CodeChallengeMethod, LoginHint, DomainHint, State, ScreenHint, ProviderScopes,
         InvitationToken, MaxAge, Prompt, ProviderQueryParams) =
        (clientId, redirectUri, provider, connectionId, organizationId, codeChallenge, codeChallengeMethod, loginHint, domainHint, state, screenHint, providerScopes,
         invitationToken, maxAge, prompt, providerQueryParams);

    /// <summary>The WorkOS client ID.</summary>
    public string ClientId { get; }
    /// <summary>Where the server redirects with <c>?code=…&amp;state=…</c>.</summary>
    public string RedirectUri { get; }
    /// <summary>Connection selector: <c>authkit</c> or an OAuth provider.</summary>
    public Option<Provider> Provider { get; }
    /// <summary>Connection selector: an SSO connection.</summary>
    public Option<string> ConnectionId { get; }
    /// <summary>Connection selector: an organization (its SSO connection).</summary>
    public Option<string> OrganizationId { get; }
    /// <summary>PKCE code challenge.</summary>
    public Option<string> CodeChallenge { get; }
    /// <summary>PKCE code challenge method (the server supports <c>S256</c>; passed through as given, like Go).</summary>
    public Option<string> CodeChallengeMethod { get; }
    /// <summary>Pre-fills the email/username at the identity provider.</summary>
    public Option<string> LoginHint { get; }
    /// <summary>Domain hint for the identity provider.</summary>
    public Option<string> DomainHint { get; }
    /// <summary>Opaque value echoed back on the redirect.</summary>
    public Option<string> State { get; }
    /// <summary>AuthKit screen to open first; only with the <c>authkit</c> provider.</summary>
    public Option<ScreenHint> ScreenHint { get; }
    /// <summary>Extra provider scopes, sent as one comma-joined <c>provider_scopes</c> parameter when non-empty.</summary>
    public Seq<string> ProviderScopes { get; }
    /// <summary>An invitation token to redeem during sign-in or sign-up (<c>invitation_token</c>); sent when set, even empty.</summary>
    public Option<Secret> InvitationToken { get; }
    /// <summary>Seconds since the last active sign-in beyond which the person must sign in again (<c>max_age</c>); 0 is sent and forces it.</summary>
    public Option<int> MaxAge { get; }
    /// <summary>OIDC-style prompt (<c>login</c>, <c>consent</c>, <c>select_account</c>, …), passed through unvalidated; sent when set, even empty.</summary>
    public Option<string> Prompt { get; }
    /// <summary>Parameters forwarded to the OAuth provider, sorted by key; each is sent as <c>provider_query_params[key]</c>.</summary>
    public Seq<(string Key, string Value)> ProviderQueryParams { get; }

    /// <summary>
    /// Validates in Go's order with Go's exact messages (spec §2.3), reporting every problem at once:
    /// <c>client_id</c> (<see cref="MissingClientId"/>), <c>redirect_uri</c> (<see cref="MissingRedirectUri"/>),
    /// at least one selector, reported on <c>provider</c> (<see cref="MissingSelector"/>), and a screen hint only with
    /// provider exactly <c>authkit</c>, reported on <c>screen_hint</c> (<see cref="ScreenHintNeedsAuthKit"/>).
    /// The first problem is the error Go would return. Several selectors are not rejected (Go parity: all are sent).
    /// Blank (white-space) values count as missing; empty optional values are not sent.
    /// </summary>
    /// <param name="clientId">The WorkOS client ID.</param>
    /// <param name="redirectUri">The redirect URI.</param>
    /// <param name="provider">Selector: <c>authkit</c> or an OAuth provider.</param>
    /// <param name="connectionId">Selector: an SSO connection ID.</param>
    /// <param name="organizationId">Selector: an organization ID.</param>
    /// <param name="codeChallenge">PKCE code challenge.</param>
    /// <param name="codeChallengeMethod">PKCE method, e.g. <c>S256</c>.</param>
    /// <param name="loginHint">Login hint.</param>
    /// <param name="domainHint">Domain hint.</param>
    /// <param name="state">Opaque state.</param>
    /// <param name="screenHint">AuthKit screen hint.</param>
    /// <param name="providerScopes">Extra provider scopes, in order; not trimmed or filtered.</param>
    /// <param name="invitationToken">An invitation token to redeem (newer servers).</param>
    /// <param name="maxAge">Maximum seconds since the last active sign-in; must not be negative; 0 forces a new sign-in (newer servers).</param>
    /// <param name="prompt">OIDC-style prompt (newer servers).</param>
    /// <param name="providerQueryParams">Parameters for the OAuth provider; keys must not be blank (newer servers).</param>
    public static Either<Error, GetAuthorizationURLRequest> Create(string? clientId, string? redirectUri, Provider? provider = null,
        string? connectionId = null, string? organizationId = null, string? codeChallenge = null, string? codeChallengeMethod = null,
        string? loginHint = null, string? domainHint = null, string? state = null, ScreenHint? screenHint = null,
        IEnumerable<string>? providerScopes = null, string? invitationToken = null, int? maxAge = null, string? prompt = null,
        IEnumerable<KeyValuePair<string, string>>? providerQueryParams = null)
    {
        var queryParams = toSeq(providerQueryParams ?? []).Map(static kv => (kv.Key, kv.Value ?? "")).Strict();
        var prov = Optional(provider).Filter(static p => p.Value.Length > 0);
        var conn = Rules.Optional(connectionId);
        var org = Rules.Optional(organizationId);
        var hint = Optional(screenHint).Filter(static h => h.Value.Length > 0);
        return (Rules.Check(!string.IsNullOrWhiteSpace(clientId), "client_id", MissingClientId),
                Rules.Check(!string.IsNullOrWhiteSpace(redirectUri), "redirect_uri", MissingRedirectUri)
                    .Bind(_ => Rules.AbsoluteHttpUrl("redirect_uri", redirectUri).Map(static _ => unit)),
                Rules.Check(prov.IsSome || conn.IsSome || org.IsSome, "provider", MissingSelector),
                Rules.Check(hint.IsNone || prov == Some(WorkOS.Functional.Provider.AuthKit), "screen_hint", ScreenHintNeedsAuthKit),
                Rules.OptionalNonNegative("max_age", maxAge),
                Rules.Check(queryParams.ForAll(static kv => !string.IsNullOrWhiteSpace(kv.Key)), "provider_query_params", "keys must not be blank"))
            .Apply((_, _, _, _, age, _) => new GetAuthorizationURLRequest(clientId!, redirectUri!, prov, conn, org, Rules.Optional(codeChallenge),
                Rules.Optional(codeChallengeMethod), Rules.Optional(loginHint), Rules.Optional(domainHint), Rules.Optional(state), hint,
                toSeq(providerScopes ?? []).Strict(), Optional(invitationToken).Map(Secret.Of), age, Optional(prompt),
                queryParams.OrderBy(static kv => kv.Key, StringComparer.Ordinal).ToSeq().Strict()))
            .ToRequest();
    }
}
