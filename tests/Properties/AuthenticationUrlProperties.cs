namespace WorkOS.Functional.Properties;

/// <summary>The URL builders of spec §2.3: the conformance vectors verbatim, Go's validation order and texts, Go escaping.</summary>
public sealed class AuthenticationUrlProperties
{
    private const string Redirect = "https://example.com/sso/workos/callback";
    private const string EscapedRedirect = "https%3A%2F%2Fexample.com%2Fsso%2Fworkos%2Fcallback";

    /// <summary>A client whose interpreter fails the test if anything is sent: the builders make no request.</summary>
    private static readonly WorkOSClient Client =
        T.Valid(WorkOSClient.Create("sk_test", new FuncHttpIO(static _ => throw new InvalidOperationException("a URL builder sent a request")), "https://api.workos.com"));

    private static string Url(Either<Error, Uri> uri)
    {
        var u = T.Valid(uri);
        Assert.Equal(u.OriginalString, u.AbsoluteUri); // nothing re-escaped or unescaped by System.Uri
        return u.AbsoluteUri;
    }

    private static string Authorize(Either<Error, GetAuthorizationURLRequest> r) => Url(Client.GetAuthorizationURL(T.Valid(r)));

    [Fact]
    public void Vector_1_provider_and_state() =>
        Assert.Equal($"https://api.workos.com/user_management/authorize?client_id=client_123&provider=GoogleOAuth&redirect_uri={EscapedRedirect}&response_type=code&state=custom+state",
            Authorize(GetAuthorizationURLRequest.Create("client_123", Redirect, provider: Provider.GoogleOAuth, state: "custom state")));

    [Fact]
    public void Vector_2_authkit_with_screen_hint() =>
        Assert.Equal($"https://api.workos.com/user_management/authorize?client_id=client_123&provider=authkit&redirect_uri={EscapedRedirect}&response_type=code&screen_hint=sign-up",
            Authorize(GetAuthorizationURLRequest.Create("client_123", Redirect, provider: Provider.AuthKit, screenHint: ScreenHint.SignUp)));

    [Fact]
    public void Vector_3_connection_with_PKCE() =>
        Assert.Equal($"https://api.workos.com/user_management/authorize?client_id=client_123&code_challenge=code_verifier_value&code_challenge_method=S256&connection_id=connection_123&redirect_uri={EscapedRedirect}&response_type=code",
            Authorize(GetAuthorizationURLRequest.Create("client_123", Redirect, connectionId: "connection_123", codeChallenge: "code_verifier_value", codeChallengeMethod: "S256")));

    [Fact]
    public void Vector_4_connection_with_login_hint() =>
        Assert.Equal($"https://api.workos.com/user_management/authorize?client_id=client_123&connection_id=connection_123&login_hint=foo%40workos.com&redirect_uri={EscapedRedirect}&response_type=code&state=custom+state",
            Authorize(GetAuthorizationURLRequest.Create("client_123", Redirect, connectionId: "connection_123", state: "custom state", loginHint: "foo@workos.com")));

    [Fact]
    public void Vector_5_provider_scopes_as_one_comma_joined_parameter() =>
        Assert.Equal($"https://api.workos.com/user_management/authorize?client_id=client_123&provider=GoogleOAuth&provider_scopes=custom-scope-1%2Ccustom-scope-2&redirect_uri={EscapedRedirect}&response_type=code",
            Authorize(GetAuthorizationURLRequest.Create("client_123", Redirect, provider: Provider.GoogleOAuth, providerScopes: ["custom-scope-1", "custom-scope-2"])));

    [Fact]
    public void Vector_6_organization() =>
        Assert.Equal($"https://api.workos.com/user_management/authorize?client_id=client_123&organization_id=organization_123&redirect_uri={EscapedRedirect}&response_type=code&state=custom+state",
            Authorize(GetAuthorizationURLRequest.Create("client_123", Redirect, organizationId: "organization_123", state: "custom state")));

    [Fact]
    public void Vector_7_connection_with_domain_hint() =>
        Assert.Equal($"https://api.workos.com/user_management/authorize?client_id=client_123&connection_id=connection_123&domain_hint=foo.com&redirect_uri={EscapedRedirect}&response_type=code&state=custom+state",
            Authorize(GetAuthorizationURLRequest.Create("client_123", Redirect, connectionId: "connection_123", state: "custom state", domainHint: "foo.com")));

    [Fact]
    public void Logout_vector_without_return_to() =>
        Assert.Equal("https://api.workos.com/user_management/sessions/logout?session_id=session_123",
            Url(Client.GetLogoutURL(T.Valid(GetLogoutURLRequest.Create("session_123")))));

    [Fact]
    public void Logout_vector_with_return_to_first() =>
        Assert.Equal("https://api.workos.com/user_management/sessions/logout?return_to=https%3A%2F%2Fyour-app.com&session_id=session_123",
            Url(Client.GetLogoutURL(T.Valid(GetLogoutURLRequest.Create("session_123", "https://your-app.com")))));

    [Fact]
    public void JWKS_vector() =>
        Assert.Equal("https://api.workos.com/sso/jwks/client_123", Url(Client.GetJWKSURL("client_123")));

    [Fact]
    public void Several_selectors_are_all_sent_like_Go() =>
        Assert.Equal($"https://api.workos.com/user_management/authorize?client_id=client_123&connection_id=connection_123&organization_id=org_1&provider=GoogleOAuth&redirect_uri={EscapedRedirect}&response_type=code",
            Authorize(GetAuthorizationURLRequest.Create("client_123", Redirect, provider: Provider.GoogleOAuth, connectionId: "connection_123", organizationId: "org_1")));

    [Fact]
    public void Provider_scopes_are_not_filtered_an_empty_element_still_sends_the_parameter()
    {
        Assert.Contains("&provider_scopes=&", Authorize(GetAuthorizationURLRequest.Create("c", Redirect, provider: Provider.GoogleOAuth, providerScopes: [""])));
        Assert.Contains("provider_scopes=a%2C+b%2C", Authorize(GetAuthorizationURLRequest.Create("c", Redirect, provider: Provider.GoogleOAuth, providerScopes: ["a", " b", ""])));
        Assert.DoesNotContain("provider_scopes", Authorize(GetAuthorizationURLRequest.Create("c", Redirect, provider: Provider.GoogleOAuth, providerScopes: [])));
    }

    [Fact]
    public void An_unknown_provider_string_passes_through() =>
        Assert.Contains("provider=SlackOAuth&", Authorize(GetAuthorizationURLRequest.Create("c", Redirect, provider: new Provider("SlackOAuth"))));

    /// <summary>The inputs of one authorization-URL validation case.</summary>
    private sealed record Case(bool Client, bool Redirect, Option<Provider> Provider, bool Connection, bool Organization, Option<ScreenHint> Hint);

    private static Gen<Case> Cases =>
        from client in Gen.Elements(true, false)
        from redirect in Gen.Elements(true, false)
        from provider in Gen.Elements(Option<Provider>.None, Some(Provider.AuthKit), Some(Provider.GoogleOAuth), Some(new Provider("AuthKit")), Some(new Provider("")))
        from connection in Gen.Elements(true, false)
        from organization in Gen.Elements(true, false)
        from hint in Gen.Elements(Option<ScreenHint>.None, Some(ScreenHint.SignIn), Some(ScreenHint.SignUp), Some(new ScreenHint("whatever")), Some(new ScreenHint("")))
        select new Case(client, redirect, provider, connection, organization, hint);

    /// <summary>What Go checks, in its order: every failing rule, so the first one is Go's returned error.</summary>
    private static Seq<FieldProblem> GoProblems(Case c)
    {
        var provider = c.Provider.Map(static p => p.Value).IfNone("");
        var hint = c.Hint.Map(static h => h.Value).IfNone("");
        var problems = new List<FieldProblem>();
        if (!c.Client) problems.Add(new("client_id", "incomplete arguments: missing ClientID"));
        if (!c.Redirect) problems.Add(new("redirect_uri", "incomplete arguments: missing RedirectURI"));
        if (provider == "" && !c.Connection && !c.Organization) problems.Add(new("provider", "incomplete arguments: missing ConnectionID, OrganizationID, or Provider"));
        if (hint != "" && provider != "authkit") problems.Add(new("screen_hint", "provider must be 'authkit' to include a screen hint"));
        return toSeq(problems);
    }

    [Property]
    public Property Authorization_problems_are_Go_s_checks_in_Go_s_order_with_Go_s_texts() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var result = GetAuthorizationURLRequest.Create(c.Client ? "client_123" : "", c.Redirect ? Redirect : null,
                provider: c.Provider.IfNoneUnsafe((Provider?)null), connectionId: c.Connection ? "conn_1" : null,
                organizationId: c.Organization ? "org_1" : null, screenHint: c.Hint.IfNoneUnsafe((ScreenHint?)null));
            var expected = GoProblems(c);
            return result.Match(
                Right: _ => expected.IsEmpty,
                Left: e => e is InvalidRequest ir && ir.Problems == expected).Label($"{c} → {result}");
        });

    [Fact]
    public void All_four_problems_come_together_and_the_first_is_Go_s_error()
    {
        var error = GetAuthorizationURLRequest.Create(null, " ", screenHint: ScreenHint.SignUp).Match(Right: static _ => (Error)Error.New("no"), Left: static e => e);
        var invalid = Assert.IsType<InvalidRequest>(error);
        Assert.Equal(Seq(
            "client_id: incomplete arguments: missing ClientID",
            "redirect_uri: incomplete arguments: missing RedirectURI",
            "provider: incomplete arguments: missing ConnectionID, OrganizationID, or Provider",
            "screen_hint: provider must be 'authkit' to include a screen hint"), invalid.Problems.Map(static p => p.ToString()));
        Assert.Equal("incomplete arguments: missing ClientID", invalid.Problems.Head.Message);
    }

    [Fact]
    public void The_screen_hint_rule_is_case_sensitive()
    {
        var error = GetAuthorizationURLRequest.Create("c", Redirect, provider: new Provider("AuthKit"), screenHint: ScreenHint.SignIn)
            .Match(Right: static _ => (Error)Error.New("no"), Left: static e => e);
        Assert.Equal(Seq1(new FieldProblem("screen_hint", GetAuthorizationURLRequest.ScreenHintNeedsAuthKit)), Assert.IsType<InvalidRequest>(error).Problems);
    }

    [Fact]
    public void Logout_without_a_session_is_Go_s_error()
    {
        foreach (var blank in new[] { null, "", "  " })
        {
            var error = GetLogoutURLRequest.Create(blank, "https://your-app.com").Match(Right: static _ => (Error)Error.New("no"), Left: static e => e);
            Assert.Equal(Seq1(new FieldProblem("session_id", "incomplete arguments: missing SessionID")), Assert.IsType<InvalidRequest>(error).Problems);
        }
    }

    [Fact]
    public void JWKS_without_a_client_id_is_Go_s_error()
    {
        foreach (var blank in new[] { null, "", "\t" })
        {
            var error = Client.GetJWKSURL(blank).Match(Right: static _ => (Error)Error.New("no"), Left: static e => e);
            Assert.Equal(Seq1(new FieldProblem("client_id", "clientID must not be blank")), Assert.IsType<InvalidRequest>(error).Problems);
        }
    }

    [Property]
    public Property JWKS_escapes_the_client_id_as_one_path_segment() =>
        Prop.ForAll(Gen.OneOf(WorkOSValues.AnyText, Gen.Elements(".", "..", "...", "a.", "./..")).Where(static s => !string.IsNullOrWhiteSpace(s) && s is not ("." or "..")).ToArbitrary(), id =>
        {
            var uri = T.Valid(AuthenticationUrls.Jwks(new Uri("https://api.workos.com"), id));
            return uri.OriginalString == "https://api.workos.com/sso/jwks/" + Uri.EscapeDataString(id)
                && uri.AbsolutePath.Count(static c => c == '/') == 3
                && Uri.UnescapeDataString(uri.AbsolutePath["/sso/jwks/".Length..]) == id
                && uri.Query.Length == 0;
        });

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void JWKS_rejects_dot_segments_that_a_URI_would_swallow(string id)
    {
        var error = Client.GetJWKSURL(id).Match(Right: static _ => (Error)Error.New("no"), Left: static e => e);
        Assert.Equal(Seq1(new FieldProblem("client_id", AuthenticationUrls.DotSegmentJwksClientId)), Assert.IsType<InvalidRequest>(error).Problems);
    }

    /// <summary>Go's <c>QueryUnescape</c>: <c>+</c> is a space, <c>%XX</c> a byte.</summary>
    private static Dictionary<string, string> ParseQuery(Uri uri) =>
        uri.Query.TrimStart('?').Split('&').Select(static p => p.Split('=', 2))
            .ToDictionary(static kv => Uri.UnescapeDataString(kv[0].Replace('+', ' ')), static kv => Uri.UnescapeDataString(kv[1].Replace('+', ' ')));

    [Property]
    public Property Any_text_in_options_round_trips_through_the_Go_escaped_query() =>
        Prop.ForAll(WorkOSValues.AnyText.ToArbitrary(), WorkOSValues.AnyText.ToArbitrary(), WorkOSValues.AnyText.ToArbitrary(), (state, hint, text) =>
        {
            var redirect = AbsoluteUrlWith(text);
            var uri = T.Valid(Client.GetAuthorizationURL(T.Valid(GetAuthorizationURLRequest.Create("client_1", redirect, connectionId: "conn_1", state: state, loginHint: hint))));
            var q = ParseQuery(uri);
            var keys = q.Keys.ToArray();
            return (uri.OriginalString == uri.AbsoluteUri
                    && q["state"] == state && q["login_hint"] == hint && q["redirect_uri"] == redirect && q["response_type"] == "code"
                    && keys.SequenceEqual(keys.Order(StringComparer.Ordinal))
                    && uri.Query.All(static ch => char.IsAsciiLetterOrDigit(ch) || "-_.~%+=&?".Contains(ch)))
                .Label(uri.OriginalString);
        });

    [Property]
    public Property Logout_return_to_round_trips() =>
        Prop.ForAll(WorkOSValues.Id("session_").ToArbitrary(), WorkOSValues.AnyText.ToArbitrary(), (session, text) =>
        {
            var returnTo = AbsoluteUrlWith(text);
            var q = ParseQuery(T.Valid(Client.GetLogoutURL(T.Valid(GetLogoutURLRequest.Create(session, returnTo)))));
            return q["session_id"] == session && q["return_to"] == returnTo && q.Keys.First() == "return_to";
        });

    /// <summary>An absolute https URL that carries any text (escaped) in its query: URL options must be absolute http(s).</summary>
    private static string AbsoluteUrlWith(string text) => $"https://app.example/callback?next={Uri.EscapeDataString(text)}";

    [Theory]
    [InlineData("https://proxy.local/workos", "https://proxy.local/workos/user_management/sessions/logout?session_id=s")]
    [InlineData("https://proxy.local/workos/", "https://proxy.local/workos/user_management/sessions/logout?session_id=s")]
    [InlineData("http://127.0.0.1:4100", "http://127.0.0.1:4100/user_management/sessions/logout?session_id=s")]
    public void The_builders_use_the_client_s_base_url(string baseUrl, string expected)
    {
        var client = T.Valid(WorkOSClient.Create("sk_test", new FuncHttpIO(static _ => throw new InvalidOperationException()), baseUrl));
        Assert.Equal(expected, Url(client.GetLogoutURL(T.Valid(GetLogoutURLRequest.Create("s")))));
        Assert.StartsWith(expected[..expected.IndexOf("/user_management", StringComparison.Ordinal)] + "/user_management/authorize?",
            Url(client.GetAuthorizationURL(T.Valid(GetAuthorizationURLRequest.Create("c", Redirect, provider: Provider.AuthKit)))));
        Assert.Equal(expected[..expected.IndexOf("/user_management", StringComparison.Ordinal)] + "/sso/jwks/c", Url(client.GetJWKSURL("c")));
    }
}
