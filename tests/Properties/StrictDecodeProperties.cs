using static WorkOS.Functional.Properties.WireSamples;
using W = WorkOS.Functional.Properties.WireSamples;

namespace WorkOS.Functional.Properties;

/// <summary>
/// Strict decoding, audited against the wire reference for every entity: a 2xx object lacking a required field
/// (absent, null or "") is a <see cref="DecodeError"/> naming that field, never an entity with an empty ID;
/// optional fields may be absent; unknown fields still decode.
/// </summary>
public sealed class StrictDecodeProperties
{
    /// <summary>One decoder, its smallest complete body, the required paths and the optional keys of that body.</summary>
    public sealed record Case(string What, Func<Dictionary<string, object?>> Sample, Func<string, Either<Error, object>> Decode,
        string[] Required, string[] Optional)
    {
        public override string ToString() => What;
    }

    private static Func<string, Either<Error, object>> D<A>(Func<HttpResponseSpec, Either<Error, A>> decode) where A : notnull =>
        body => decode(T.Json(200, body)).Map(static a => (object)a);

    private static readonly string[] UserRequired = ["id", "email", "email_verified", "created_at", "updated_at"];

    private static readonly string[] UserOptional =
        ["first_name", "last_name", "profile_picture_url", "last_sign_in_at", "external_id", "metadata", "name", "locale", "object"];

    private static string[] Under(string at, string[] paths) => paths.Select(p => $"{at}.{p}").ToArray();

    public static readonly Case[] Cases =
    [
        new("User", W.User, D(Decode.User), UserRequired, UserOptional),
        new("ListUsersResponse", () => W.Page(W.User(), W.User().With("id", "user_2")), D(Decode.ListUsers),
            ["data", "list_metadata", .. Under("data[1]", UserRequired)], []),
        new("UserResponse", () => WireJson.Dict(("user", W.User())), D(Decode.UserResponse), ["user", .. Under("user", UserRequired)], []),
        new("OrganizationMembership", W.Membership, D(Decode.OrganizationMembership),
            ["id", "user_id", "organization_id", "role", "role.slug", "status", "created_at", "updated_at"],
            ["organization_name", "roles", "directory_managed", "object"]),
        new("ListOrganizationMembershipsResponse", () => W.Page(W.Membership()), D(Decode.ListOrganizationMemberships),
            ["data", "list_metadata", "data[0].id", "data[0].organization_id", "data[0].role.slug"], []),
        new("Invitation", W.Invitation, D(Decode.Invitation),
            ["id", "email", "state", "token", "accept_invitation_url", "expires_at", "created_at", "updated_at"],
            ["accepted_at", "revoked_at", "organization_id", "inviter_user_id", "accepted_user_id", "role_slug", "object"]),
        new("ListInvitationsResponse", () => W.Page(W.Invitation()), D(Decode.ListInvitations), ["data", "data[0].token", "data[0].state"], []),
        new("MagicAuth", W.MagicAuth, D(Decode.MagicAuth), ["id", "user_id", "email", "expires_at", "code", "created_at", "updated_at"], ["object"]),
        new("EmailVerification", W.EmailVerification, D(Decode.EmailVerification),
            ["id", "user_id", "email", "expires_at", "code", "created_at", "updated_at"], ["object"]),
        new("PasswordReset", W.PasswordReset, D(Decode.PasswordReset),
            ["id", "user_id", "email", "password_reset_token", "password_reset_url", "expires_at", "created_at"], ["object"]),
        new("Challenge", W.Challenge, D(Decode.Challenge), ["id", "created_at", "updated_at", "authentication_factor_id"],
            ["object", "expires_at", "code"]),
        new("ListAuthFactorsResponse", () => W.Page(W.Factor().With("sms", WireJson.Dict(("phone_number", "+15555550100")))), D(Decode.ListAuthFactors),
            ["data", "data[0].id", "data[0].type", "data[0].created_at", "data[0].updated_at", "data[0].sms.phone_number"],
            []),
        new("EnrollAuthFactorResponse", () => WireJson.Dict(("authentication_factor", W.Factor()), ("authentication_challenge", W.Challenge())),
            D(Decode.EnrollAuthFactor),
            ["authentication_factor", "authentication_challenge", "authentication_factor.id", "authentication_challenge.id",
                "authentication_challenge.authentication_factor_id"], []),
        new("AuthenticateResponse",
            () => W.Authenticate().With("impersonator", WireJson.Dict(("email", "admin@example.com"))).With("oauth_tokens", W.OAuthTokens()),
            D(Decode.AuthenticateResponse),
            ["user", "access_token", "refresh_token", .. Under("user", UserRequired), "impersonator.email",
                "oauth_tokens.access_token", "oauth_tokens.refresh_token", "oauth_tokens.expires_at"],
            ["organization_id", "authentication_method", "impersonator", "oauth_tokens", "authkit_authorization_code"]),
    ];

    private static Gen<Case> AnyCase => Gen.Elements(Cases);

    [Fact]
    public void Every_smallest_complete_body_decodes() =>
        Assert.All(Cases, c => Assert.True(c.Decode(c.Sample().Json()).IsRight, $"{c.What}: {WireJson.LeftOf(c.Decode(c.Sample().Json())).Message}"));

    [Property]
    public Property A_missing_null_or_empty_required_field_is_a_DecodeError_naming_it() =>
        Prop.ForAll(AnyCase.SelectMany(static c => Gen.Elements(c.Required).Select(p => (c, p))).ToArbitrary(),
            Gen.Elements(Gone.Absent, Gone.Null, Gone.Empty).ToArbitrary(), (cp, how) =>
            {
                var (c, path) = cp;
                var error = c.Decode(c.Sample().Break(path, how).Json());
                return error.Match(
                    Right: static _ => false,
                    Left: e => e is DecodeError d && d.What == c.What && d.Reason.Contains(path))
                    .Label($"{c.What} without {path} ({how}): {error}");
            });

    [Property]
    public Property Optional_fields_may_be_absent_or_null() =>
        Prop.ForAll(AnyCase.Where(static c => c.Optional.Length > 0).SelectMany(static c => Gen.Elements(c.Optional).Select(k => (c, k))).ToArbitrary(),
            Gen.Elements(Gone.Absent, Gone.Null).ToArbitrary(), (ck, how) =>
            {
                var (c, key) = ck;
                return c.Decode(c.Sample().With(key, "placeholder").Break(key, how).Json()).IsRight.Label($"{c.What} without {key} ({how})");
            });

    [Property]
    public Property Unknown_fields_still_decode() =>
        Prop.ForAll(AnyCase.ToArbitrary(), WorkOSValues.Token(3, 12).ToArbitrary(), (c, key) =>
            c.Decode(c.Sample().With("zz_" + key, new object?[] { 1, "two", null, WireJson.Dict(("x", true)) }).Json()).IsRight);

    [Fact]
    public void Every_missing_field_is_named_at_once()
    {
        var error = Assert.IsType<DecodeError>(WireJson.LeftOf(Decode.User(T.Json(200, "{}"))));
        Assert.Equal("missing required fields id, email, email_verified, created_at, updated_at", error.Reason);
    }

    [Fact]
    public void An_empty_organization_name_is_None_and_a_null_role_in_roles_is_named()
    {
        var m = T.Valid(Decode.OrganizationMembership(T.Json(200, W.Membership().With("organization_name", "").Json())));
        Assert.Equal(Option<string>.None, m.OrganizationName);
        Assert.True(m.Roles.IsEmpty);
        var error = WireJson.LeftOf(Decode.OrganizationMembership(T.Json(200,
            W.Membership().With("roles", new[] { WireJson.Dict(("slug", "a")), null }).Json())));
        Assert.Contains("roles[1]", Assert.IsType<DecodeError>(error).Reason);
    }

    [Fact]
    public void The_challenge_keeps_its_object_tag()
    {
        var enrolled = T.Valid(Decode.EnrollAuthFactor(T.Json(201, WireJson.Obj(("authentication_factor", W.Factor()),
            ("authentication_challenge", W.Challenge().With("object", "authentication_challenge"))))));
        Assert.Equal(Some("authentication_challenge"), enrolled.Challenge.Object);
    }
}
