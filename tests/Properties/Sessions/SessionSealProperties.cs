using WorkOS.Functional.Sessions;

namespace WorkOS.Functional.Properties.Sessions;

/// <summary>Sealing and unsealing session cookies: round trips, tampering, passwords, rotation, expiry, size.</summary>
public sealed class SessionSealProperties
{
    private const string PasswordA = "password-A-0123456789-0123456789-abc";
    private const string PasswordB = "password-B-0123456789-0123456789-xyz";
    private static readonly SealPasswords A = T.Valid(SealPasswords.Create(PasswordA));
    private static readonly DateTimeOffset Now = Tokens.Now;

    public static SessionData Session(string first = "Zoë", string access = "at.at.at", string refresh = "rt_1", Option<string>? org = null,
        Option<Impersonator>? impersonator = null) =>
        new(new User("user_01", "zoe@example.com", Some(first), None, true, None, Some("2026-01-01T00:00:00Z"), None,
                HashMap(("plan", "pro"), ("tier", "<&>\"'")), "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", None, Some("en-US")),
            Secret.Of(access), Secret.Of(refresh), org ?? Some("org_01"), Some(AuthenticationMethod.Password), impersonator ?? None);

    private static SealProblem Problem<A>(Either<Error, A> e) =>
        e.Match(Right: _ => throw new Xunit.Sdk.XunitException("unsealed"),
            Left: l => (l as InvalidSealedSession ?? throw new Xunit.Sdk.XunitException($"not InvalidSealedSession: {l.Message}")).Problem);

    [Property(MaxTest = 50)]
    public bool Any_session_round_trips(NonEmptyString first, NonEmptyString access, NonEmptyString refresh, bool withOrg, bool impersonated)
    {
        var s = Session(first.Get, access.Get, refresh.Get, withOrg ? Some("org_x") : None,
            impersonated ? Some(new Impersonator("admin@example.com", Some("ticket"))) : None);
        return SessionSeal.Unseal(SessionSeal.Seal(s, A).Value, A, Now) == Right<Error, SessionData>(s);
    }

    [Fact]
    public void A_seal_is_Fe26_2_with_the_password_id_no_expiry_and_the_version_suffix()
    {
        var parts = SessionSeal.Seal(Session(), A).Value.Split('*');
        Assert.Equal(8, parts.Length);
        Assert.Equal(("Fe26.2", "1", ""), (parts[0], parts[1], parts[5]));
        Assert.Matches("^[0-9a-f]{64}$", parts[2]);
        Assert.Matches("^[0-9a-f]{64}$", parts[6]);
        Assert.EndsWith("~2", parts[7]);
    }

    [Fact]
    public void Two_seals_of_one_session_differ_but_both_open() =>
        Assert.NotEqual(SessionSeal.Seal(Session(), A).Value, SessionSeal.Seal(Session(), A).Value);

    [Property(MaxTest = 100)]
    public bool Changing_any_one_character_is_a_typed_failure(PositiveInt at, char c)
    {
        var cookie = SessionSeal.Seal(Session(), A).Value;
        var i = at.Get % cookie.Length;
        if (cookie[i] == c) return true;
        var tampered = cookie[..i] + c + cookie[(i + 1)..];
        return SessionSeal.Unseal(tampered, A, Now).Match(
            Right: s => s == Session() && IsIgnoredVersionOrPadding(cookie, i),
            Left: static e => e is InvalidSealedSession);
    }

    /// <summary>Only the version digits (another version still opens) or spare base64 bits may change without failing.</summary>
    private static bool IsIgnoredVersionOrPadding(string cookie, int i) => i >= cookie.IndexOf('~') || cookie[i + 1] is '*' or '~';

    [Property(MaxTest = 100)]
    public bool Arbitrary_text_is_a_typed_failure(string? text) =>
        SessionSeal.Unseal(text, A, Now).Match(Right: _ => false, Left: static e => e is InvalidSealedSession);

    [Fact]
    public void Another_password_with_the_same_id_fails_the_integrity_check()
    {
        var b = T.Valid(SealPasswords.Create(PasswordB));
        Assert.Equal(SealProblem.BadMac, Problem(SessionSeal.Unseal(SessionSeal.Seal(Session(), A).Value, b, Now)));
    }

    [Fact]
    public void Rotation_seals_with_the_first_password_and_opens_with_any()
    {
        var rotated = T.Valid(SealPasswords.Create(("2", PasswordB), ("1", PasswordA)));
        var old = SessionSeal.Seal(Session(), A).Value;
        Assert.Equal(Session(), T.Valid(SessionSeal.Unseal(old, rotated, Now)));

        var fresh = SessionSeal.Seal(Session(), rotated).Value;
        Assert.Equal("2", fresh.Split('*')[1]);
        Assert.Equal(SealProblem.UnknownPasswordId, Problem(SessionSeal.Unseal(fresh, A, Now)));
    }

    [Fact]
    public void Passwords_are_validated_all_at_once()
    {
        Assert.True(T.SameSet(T.Fields(SealPasswords.Create(new string('x', 31))), "cookie_password"));
        Assert.True(SealPasswords.Create(new string('x', 32)).IsRight);
        Assert.True(T.SameSet(T.Fields(SealPasswords.Create(("a-b", PasswordA), ("a-b", "short"))), "cookie_password_id", "cookie_password"));
        Assert.True(T.SameSet(T.Fields(SealPasswords.Create(System.Array.Empty<(string?, string?)>())), "cookie_password"));
        Assert.DoesNotContain(PasswordA, A.ToString());
    }

    [Fact]
    public void An_expiry_is_honoured_with_iron_s_sixty_second_skew()
    {
        var cookie = SessionSeal.Seal(Session(), A, Now + TimeSpan.FromMinutes(10)).Value;
        Assert.Equal((Now + TimeSpan.FromMinutes(10)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), cookie.Split('*')[5]);
        Assert.True(SessionSeal.Unseal(cookie, A, Now + TimeSpan.FromMinutes(10)).IsRight);
        Assert.True(SessionSeal.Unseal(cookie, A, Now + TimeSpan.FromSeconds(659)).IsRight);
        Assert.Equal(SealProblem.Expired, Problem(SessionSeal.Unseal(cookie, A, Now + TimeSpan.FromSeconds(660))));
    }

    [Fact]
    public void The_mac_covers_the_expiry()
    {
        var parts = SessionSeal.Seal(Session(), A, Now + TimeSpan.FromMinutes(1)).Value.Split('*');
        parts[5] = (Now + TimeSpan.FromDays(365)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(SealProblem.BadMac, Problem(SessionSeal.Unseal(string.Join('*', parts), A, Now)));
    }

    [Fact]
    public void A_typical_session_fits_in_one_cookie_and_its_size_is_offered()
    {
        var sealedSession = SessionSeal.Seal(Session(access: new string('a', 900), refresh: new string('r', 40)), A);
        Assert.Equal(sealedSession.Value.Length, sealedSession.Size);
        Assert.True(sealedSession.FitsInOneCookie, $"{sealedSession.Size} bytes");
        Assert.InRange(sealedSession.Size, 1500, 2500);   // the README says "about 2 KB" for a session like this
        Assert.DoesNotContain(sealedSession.Value, sealedSession.ToString());
    }

    [Fact]
    public void Printing_a_session_shows_no_token()
    {
        var s = Session(access: "secret-access-token", refresh: "secret-refresh-token");
        Assert.DoesNotContain("secret-", s.ToString());
    }
}
