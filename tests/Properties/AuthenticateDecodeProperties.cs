using System.Text.Json;

namespace WorkOS.Functional.Properties;

/// <summary>Decoding the authenticate answer (spec §3.10–§3.12): a round-trip, lenient like Go, total.</summary>
public sealed class AuthenticateDecodeProperties
{
    private static string? Opt(Option<string> o) => o.IfNoneUnsafe((string?)null);

    /// <summary>The wire form the server sends for <paramref name="a"/>, with unknown keys a newer server adds.</summary>
    public static string Wire(AuthenticateResponse a) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["user"] = new Dictionary<string, object?>
        {
            ["object"] = "user", ["id"] = a.User.Id, ["email"] = a.User.Email, ["email_verified"] = a.User.EmailVerified,
            ["first_name"] = null, ["created_at"] = a.User.CreatedAt, ["updated_at"] = a.User.UpdatedAt,
        },
        ["organization_id"] = Opt(a.OrganizationId),
        ["access_token"] = a.AccessToken.Reveal(),
        ["refresh_token"] = a.RefreshToken.Reveal(),
        ["authentication_method"] = Opt(a.AuthenticationMethod.Map(static m => m.Value)),
        ["impersonator"] = a.Impersonator.Map(static i => (object?)new Dictionary<string, object?> { ["email"] = i.Email, ["reason"] = Opt(i.Reason) }).IfNoneUnsafe((object?)null),
        ["oauth_tokens"] = a.OAuthTokens.Map(static t => (object?)new Dictionary<string, object?>
        {
            ["access_token"] = t.AccessToken.Reveal(), ["refresh_token"] = t.RefreshToken.Reveal(), ["scopes"] = t.Scopes.ToArray(),
            ["expires_at"] = t.ExpiresAt, ["provider"] = Opt(t.Provider),
        }).IfNoneUnsafe((object?)null),
        ["authkit_authorization_code"] = Opt(a.AuthkitAuthorizationCode.Map(static c => c.Reveal())),
        ["sealed_session"] = "future-field",
    });

    [Property]
    public Property AuthenticateResponse_round_trips_through_its_wire_form() =>
        Prop.ForAll(Gens.AuthResponse.ToArbitrary(), a => (Decode.AuthenticateResponse(T.Json(200, Wire(a))) == Right<Error, AuthenticateResponse>(a)).Label(Wire(a)));

    [Fact]
    public void The_full_spec_shape_decodes()
    {
        var r = T.Valid(Decode.AuthenticateResponse(T.Json(200, """
            {"user":{"object":"user","id":"user_01H","email":"ana@example.com","email_verified":true,"created_at":"c","updated_at":"u"},
             "organization_id":"org_01A","access_token":"eyJhbGciOi.at","refresh_token":"rt_1","authentication_method":"GoogleOAuth",
             "impersonator":{"email":"admin@workos.com","reason":"support ticket"},
             "oauth_tokens":{"access_token":"ya29.x","refresh_token":"1//y","scopes":["email","profile"],"expires_at":1735689600,"provider":"GoogleOAuth"},
             "authkit_authorization_code":"akc_1"}
            """)));
        Assert.Equal("user_01H", r.User.Id);
        Assert.Equal(Some("org_01A"), r.OrganizationId);
        Assert.Equal("eyJhbGciOi.at", r.AccessToken.Reveal());
        Assert.Equal("rt_1", r.RefreshToken.Reveal());
        Assert.Equal(Some(AuthenticationMethod.GoogleOAuth), r.AuthenticationMethod);
        Assert.Equal(Some(new Impersonator("admin@workos.com", Some("support ticket"))), r.Impersonator);
        Assert.Equal(Some(new OAuthTokens(Secret.Of("ya29.x"), Secret.Of("1//y"), Seq("email", "profile"), 1735689600L, Some("GoogleOAuth"))), r.OAuthTokens);
        Assert.Equal(Some(Secret.Of("akc_1")), r.AuthkitAuthorizationCode);
    }

    [Fact]
    public void Optional_parts_absent_or_null_decode_to_None()
    {
        var r = T.Valid(Decode.AuthenticateResponse(T.Json(200, WireSamples.Authenticate().With("organization_id", null).With("impersonator", null).Json())));
        Assert.Equal(Option<string>.None, r.OrganizationId);
        Assert.Equal(Option<AuthenticationMethod>.None, r.AuthenticationMethod);
        Assert.Equal(Option<Impersonator>.None, r.Impersonator);
        Assert.Equal(Option<OAuthTokens>.None, r.OAuthTokens);
        Assert.Equal(Option<Secret>.None, r.AuthkitAuthorizationCode);
    }

    [Property]
    public Property Unknown_authentication_methods_survive() =>
        Prop.ForAll(WorkOSValues.Token(3, 20).ToArbitrary(), m =>
            T.Valid(Decode.AuthenticateResponse(T.Json(200, WireSamples.Authenticate().With("authentication_method", m).Json())))
                .AuthenticationMethod == Some(new AuthenticationMethod(m)));

    [Fact]
    public void OAuth_tokens_with_a_huge_expiry_and_null_scopes_decode()
    {
        var t = T.Valid(Decode.AuthenticateResponse(T.Json(200, WireSamples.Authenticate().With("oauth_tokens",
            WireJson.Dict(("access_token", "a"), ("refresh_token", "r"), ("scopes", null), ("expires_at", 9999999999L))).Json()))).OAuthTokens;
        Assert.Equal(Some(new OAuthTokens(Secret.Of("a"), Secret.Of("r"), Seq<string>(), 9_999_999_999L, None)), t);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"access_token\":")]
    [InlineData("<html>oops</html>")]
    [InlineData("{\"access_token\":42}")]
    [InlineData("{\"oauth_tokens\":{\"expires_at\":\"soon\"}}")]
    public void Bad_bodies_are_DecodeErrors_naming_AuthenticateResponse(string body)
    {
        var error = Decode.AuthenticateResponse(T.Json(200, body)).Match(Right: static _ => (Error)Error.New("no"), Left: static e => e);
        Assert.Equal("AuthenticateResponse", Assert.IsType<DecodeError>(error).What);
    }

    [Property]
    public Property Decoding_arbitrary_bodies_never_throws() =>
        Prop.ForAll(WorkOSValues.AnyText.ToArbitrary(), body => Decode.AuthenticateResponse(T.Json(200, body)) is { IsLeft: true } or { IsRight: true });
}
