namespace WorkOS.Functional.Properties;

/// <summary>The authorization URL's newer parameters: invitation_token, max_age (0 included), prompt, provider_query_params[key].</summary>
public sealed class AuthorizationUrlNextProperties
{
    private static readonly Uri Base = new("https://api.workos.com");

    private static string Url(GetAuthorizationURLRequest r) =>
        AuthenticationUrls.Authorization(Base, r).Match(Right: static u => u.AbsoluteUri, Left: static e => throw new Exception(e.Message));

    [Fact]
    public void Spec_example_with_prompt_and_provider_query_params()
    {
        var r = T.Valid(GetAuthorizationURLRequest.Create("client_01HX", "https://app.example.com/cb", Provider.GoogleOAuth, prompt: "select_account",
            providerQueryParams: new Dictionary<string, string> { ["team"] = "acme", ["access"] = "full" }));
        Assert.Equal("https://api.workos.com/user_management/authorize?client_id=client_01HX&prompt=select_account&provider=GoogleOAuth"
            + "&provider_query_params%5Baccess%5D=full&provider_query_params%5Bteam%5D=acme&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&response_type=code", Url(r));
    }

    [Fact]
    public void Spec_example_with_invitation_token_and_max_age_zero()
    {
        var r = T.Valid(GetAuthorizationURLRequest.Create("client_01HX", "https://app.example.com/cb", Provider.AuthKit, invitationToken: "inv_tok_A1", maxAge: 0));
        Assert.Equal("https://api.workos.com/user_management/authorize?client_id=client_01HX&invitation_token=inv_tok_A1&max_age=0"
            + "&provider=authkit&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&response_type=code", Url(r));
        Assert.DoesNotContain("inv_tok_A1", r.ToString());
    }

    [Property]
    public Property Each_provider_param_is_one_escaped_key_sorted_between_provider_and_provider_scopes() =>
        Prop.ForAll(Gen.ListOf(WorkOSValues.Token(1, 8).Zip(WorkOSValues.AnyText)).ToArbitrary(), pairs =>
        {
            var map = pairs.GroupBy(static p => p.Item1).ToDictionary(static g => g.Key, static g => g.First().Item2);
            var r = T.Valid(GetAuthorizationURLRequest.Create("c", "https://a.example/cb", Provider.GoogleOAuth, providerScopes: ["email"], providerQueryParams: map));
            var query = QueryString.Render(AuthenticationUrls.AuthorizationQuery(r));
            // Go's url.Values sorts by the whole raw key, so "k7]" comes before "k]".
            var expected = string.Join("&", map.OrderBy(static kv => $"provider_query_params[{kv.Key}]", StringComparer.Ordinal)
                .Select(static kv => $"provider_query_params%5B{kv.Key}%5D={QueryString.Escape(kv.Value)}"));
            var between = query.Split("provider=GoogleOAuth&")[1].Split("&provider_scopes=")[0];
            return map.Count == 0 ? !query.Contains("provider_query_params") : between == expected;
        });

    [Property]
    public Property Unset_new_options_add_nothing_and_set_ones_are_sent_even_empty() =>
        Prop.ForAll(Gen.Elements<string?>(null, "", "login").ToArbitrary(), Gen.Elements<int?>(null, 0, 3600).ToArbitrary(), (prompt, age) =>
        {
            var query = QueryString.Render(AuthenticationUrls.AuthorizationQuery(
                T.Valid(GetAuthorizationURLRequest.Create("c", "https://a.example/cb", Provider.AuthKit, prompt: prompt, maxAge: age))));
            return query.Contains("prompt=") == (prompt is not null) && (prompt is null || query.Contains($"prompt={prompt}&"))
                && query.Contains("max_age=") == (age is not null) && (age is null || query.Contains($"max_age={age}&"));
        });
}
