using static WorkOS.Functional.FsCheck.WorkOSValues;

namespace WorkOS.Functional.Properties;

public static partial class Gens
{
    /// <summary>A field value and whether the Authenticate rules should accept it.</summary>
    public static Gen<(string? Value, bool Ok)> Checked(Gen<string> good) =>
        Gen.OneOf(good.Select(static v => ((string?)v, true)), Blank.Select(static v => (v, false)));

    /// <summary>An email field: address-shaped (ok), not address-shaped or blank (rejected).</summary>
    public static Gen<(string? Value, bool Ok)> CheckedEmail =>
        Gen.OneOf(Email.Select(static e => ((string?)e, true)), BadEmail.Select(static e => ((string?)e, false)), Blank.Select(static e => (e, false)));

    /// <summary>A wrapped secret and whether it is non-blank.</summary>
    public static Gen<(Secret? Value, bool Ok)> CheckedSecret =>
        Gen.OneOf(SecretValue.Select(static s => ((Secret?)Secret.Of(s), true)),
            Gen.Elements<Secret?>(null, Secret.Of(""), Secret.Of(" "), Secret.Of("\t\n")).Select(static s => (s, false)));

    /// <summary>A user as an authenticate answer carries it.</summary>
    public static Gen<User> AuthUser =>
        from id in Id("user_")
        from email in Email
        from verified in Gen.Elements(true, false)
        select new User(id, email, None, None, verified, None, None, None, HashMap<string, string>(),
            "2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z", None, None, Some("user"));

    private static Gen<Option<A>> Maybe<A>(Gen<A> gen) => Gen.OneOf(Gen.Constant(Option<A>.None), gen.Select(static a => Some(a)));

    /// <summary>Any <see cref="AuthenticateResponse"/> whose secrets are distinctive generated values.</summary>
    public static Gen<AuthenticateResponse> AuthResponse =>
        from user in AuthUser
        from org in Maybe(Id("org_"))
        from access in SecretValue
        from refresh in SecretValue
        from method in Maybe(Gen.OneOf(Gen.Elements(AuthenticationMethod.Password, AuthenticationMethod.Sso, AuthenticationMethod.MagicAuth),
            Token(3, 12).Select(static t => new AuthenticationMethod(t))))
        from impersonator in Maybe(from e in Email from r in Maybe(AnyText) select new Impersonator(e, r))
        from oauth in Maybe(
            from a in SecretValue
            from r in SecretValue
            from scopes in Gen.ListOf(Token(1, 10))
            from expires in Gen.Choose(0, int.MaxValue)
            from provider in Maybe(Gen.Elements("GoogleOAuth", "GitHubOAuth", "MicrosoftOAuth"))
            select new OAuthTokens(Secret.Of(a), Secret.Of(r), toSeq(scopes).Strict(), expires * 1000L, provider))
        from authkit in Maybe(SecretValue.Select(Secret.Of))
        select new AuthenticateResponse(user, org, Secret.Of(access), Secret.Of(refresh), method, impersonator, oauth, authkit);
}
