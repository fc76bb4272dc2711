using System.Text;
using System.Text.Json;

namespace WorkOS.Functional.Sessions;

/// <summary>
/// What a session cookie holds, in the shape WorkOS's Node SDK seals (<c>sealSession</c>) and reads
/// (<c>loadSealedSession</c>): <c>{organizationId, user, accessToken, refreshToken, authenticationMethod, impersonator}</c>,
/// the user in the Node SDK's camelCase form. Tokens are <see cref="Secret"/>s: printing a session shows none.
/// </summary>
/// <param name="User">The signed-in user.</param>
/// <param name="AccessToken">The access token (a JWT).</param>
/// <param name="RefreshToken">The refresh token.</param>
/// <param name="OrganizationId">The organization the session is scoped to, if any.</param>
/// <param name="AuthenticationMethod">How the user signed in, when known.</param>
/// <param name="Impersonator">Who is impersonating the user, during impersonation only.</param>
public sealed record SessionData(
    User User,
    Secret AccessToken,
    Secret RefreshToken,
    Option<string> OrganizationId,
    Option<AuthenticationMethod> AuthenticationMethod,
    Option<Impersonator> Impersonator)
{
    /// <summary>The session an authentication answered, as the Node SDK seals it.</summary>
    /// <param name="response">A successful authentication (any grant, refresh included).</param>
    public static SessionData From(AuthenticateResponse response) =>
        new(response.User, response.AccessToken, response.RefreshToken,
            AccessTokens.ReadUnverified(response.AccessToken.Reveal()).ToOption().Bind(static c => c.OrganizationId) || response.OrganizationId,
            response.AuthenticationMethod, response.Impersonator);
}

/// <summary>A sealed session: the cookie value, and its size.</summary>
/// <param name="Value">The cookie value (<c>Fe26.2*…~2</c>). It is encrypted, yet it never prints.</param>
public sealed record SealedSession(string Value)
{
    /// <summary>The usual per-cookie limit of browsers (name, value and attributes together), in bytes.</summary>
    public const int BrowserCookieLimit = 4096;

    /// <summary>The value's size in bytes (it is ASCII).</summary>
    public int Size => Value.Length;

    /// <summary>True when the value leaves at least 200 bytes of <see cref="BrowserCookieLimit"/> for the cookie's name and attributes.</summary>
    public bool FitsInOneCookie => Size <= BrowserCookieLimit - 200;

    /// <summary>Shows the size only.</summary>
    public override string ToString() => $"SealedSession {{ Size = {Size} }}";
}

/// <summary>
/// Seals and unseals session cookies interoperably with WorkOS's Node SDK (<c>sealData</c>/<c>unsealData</c>):
/// an <see cref="Iron"/> <c>Fe26.2</c> seal of the session's JSON, followed by <c>~2</c>. The Node SDK seals with
/// password ID <c>1</c> and no expiry; cookies from iron-session (e.g. AuthKit for Next.js), with other IDs and an
/// expiry, open too.
/// </summary>
public static class SessionSeal
{
    /// <summary>The format version the Node SDK appends (<c>~2</c>).</summary>
    public const int Version = 2;

    /// <summary>Seals <paramref name="session"/> with the first password, fresh randomness, and no expiry unless given.</summary>
    /// <param name="session">The session.</param>
    /// <param name="passwords">The cookie passwords.</param>
    /// <param name="expiresAt">When the seal expires; default never (as the Node SDK).</param>
    public static SealedSession Seal(SessionData session, SealPasswords passwords, DateTimeOffset? expiresAt = null) =>
        Seal(session, passwords, Optional(expiresAt), Iron.Randomness.Fresh());

    /// <summary>The same with given randomness: deterministic, for fixed test vectors.</summary>
    internal static SealedSession Seal(SessionData session, SealPasswords passwords, Option<DateTimeOffset> expiresAt, Iron.Randomness random) =>
        new($"{Iron.Seal(ToJson(session), passwords, expiresAt, random)}~{Version}");

    /// <summary>
    /// Opens a cookie: the <see cref="Iron"/> seal (any <c>~version</c> suffix removed), then the session JSON.
    /// A seal of a version other than 2 that wraps its data in <c>persistent</c> is unwrapped, as the Node SDK does.
    /// Every failure is an <see cref="InvalidSealedSession"/>.
    /// </summary>
    /// <param name="cookie">The cookie value.</param>
    /// <param name="passwords">The cookie passwords.</param>
    /// <param name="now">The instant to judge a seal's expiry at.</param>
    public static Either<Error, SessionData> Unseal(string? cookie, SealPasswords passwords, DateTimeOffset now)
    {
        var text = cookie ?? "";
        var tilde = text.IndexOf('~');
        var (seal, version) = tilde < 0 ? (text, "") : (text[..tilde], text[(tilde + 1)..]);
        return
            from _ in version.Length == 0 || (version.All(char.IsAsciiDigit) && version.Length < 6)
                ? Right<Error, Unit>(unit)
                : Left<Error, Unit>(new InvalidSealedSession(SealProblem.Malformed, "the version suffix is not a number"))
            from json in Iron.Unseal(seal, passwords, now, Iron.DefaultSkew)
            from session in FromJson(json, version.Length > 0 && version != "2")
            select session;
    }

    // ------------------------------------------------------------------ JSON, in the Node SDK's shape and key order

    /// <summary>
    /// The session's JSON, keys in the Node SDK's order; absent optional members are left out, as <c>JSON.stringify</c>
    /// does. Only what JSON requires is escaped (the cookie is never embedded in HTML), which keeps it small.
    /// </summary>
    public static string ToJson(SessionData s)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            s.OrganizationId.IfSome(o => w.WriteString("organizationId", o));
            w.WritePropertyName("user");
            WriteUser(w, s.User);
            w.WriteString("accessToken", s.AccessToken.Reveal());
            w.WriteString("refreshToken", s.RefreshToken.Reveal());
            s.AuthenticationMethod.IfSome(m => w.WriteString("authenticationMethod", m.Value));
            s.Impersonator.IfSome(i =>
            {
                w.WriteStartObject("impersonator");
                w.WriteString("email", i.Email);
                i.Reason.Match(r => w.WriteString("reason", r), () => w.WriteNull("reason"));
                w.WriteEndObject();
            });
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The Node SDK's <c>deserializeUser</c> shape: <c>null</c> for absent optional fields, <c>name</c> only when known.</summary>
    private static void WriteUser(Utf8JsonWriter w, User u)
    {
        void Opt(string name, Option<string> value) => value.Match(v => w.WriteString(name, v), () => w.WriteNull(name));
        w.WriteStartObject();
        w.WriteString("object", "user");
        w.WriteString("id", u.Id);
        w.WriteString("email", u.Email);
        w.WriteBoolean("emailVerified", u.EmailVerified);
        Opt("firstName", u.FirstName);
        Opt("profilePictureUrl", u.ProfilePictureUrl);
        Opt("lastName", u.LastName);
        Opt("lastSignInAt", u.LastSignInAt);
        Opt("locale", u.Locale);
        w.WriteString("createdAt", u.CreatedAt);
        w.WriteString("updatedAt", u.UpdatedAt);
        Opt("externalId", u.ExternalId);
        w.WriteStartObject("metadata");
        foreach (var (k, v) in u.Metadata.OrderBy(static kv => kv.Key, StringComparer.Ordinal)) w.WriteString(k, v);
        w.WriteEndObject();
        u.Name.IfSome(n => w.WriteString("name", n));
        w.WriteEndObject();
    }

    private static Error Bad(string detail) => new InvalidSealedSession(SealProblem.BadContent, detail);

    /// <summary>Reads the session JSON: <c>accessToken</c>, <c>refreshToken</c> and <c>user</c> (with <c>id</c> and <c>email</c>) are required.</summary>
    internal static Either<Error, SessionData> FromJson(string json, bool unwrapPersistent) =>
        Try(() => JsonDocument.Parse(json).RootElement.Clone()).ToEither()
            .MapLeft(static _ => Bad("the content is not JSON"))
            .Bind(root => root.ValueKind == JsonValueKind.Object ? Right<Error, JsonElement>(root) : Bad("the content is not a JSON object"))
            .Map(root => unwrapPersistent && root.TryGetProperty("persistent", out var p) && p.ValueKind == JsonValueKind.Object ? p : root)
            .Bind(static root =>
                from access in Str(root, "accessToken").ToEither(Bad("no accessToken"))
                from refresh in Str(root, "refreshToken").ToEither(Bad("no refreshToken"))
                from user in Obj(root, "user").ToEither(Bad("no user")).Bind(ReadUser)
                select new SessionData(user, Secret.Of(access), Secret.Of(refresh), Str(root, "organizationId"),
                    Str(root, "authenticationMethod").Map(static m => new AuthenticationMethod(m)),
                    Obj(root, "impersonator").Bind(static i => Str(i, "email").Map(e => new Impersonator(e, Str(i, "reason"))))));

    private static Either<Error, User> ReadUser(JsonElement u) =>
        from id in Str(u, "id").ToEither(Bad("the user has no id"))
        from email in Str(u, "email").ToEither(Bad("the user has no email"))
        select new User(id, email, Str(u, "firstName"), Str(u, "lastName"),
            u.TryGetProperty("emailVerified", out var v) && v.ValueKind == JsonValueKind.True,
            Str(u, "profilePictureUrl"), Str(u, "lastSignInAt"), Str(u, "externalId"),
            Obj(u, "metadata").Map(static m => toHashMap(m.EnumerateObject().Where(static p => p.Value.ValueKind == JsonValueKind.String)
                .Select(static p => (p.Name, p.Value.GetString()!)))).IfNone(HashMap<string, string>()),
            Str(u, "createdAt").IfNone(""), Str(u, "updatedAt").IfNone(""), Str(u, "name"), Str(u, "locale"));

    private static Option<string> Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Some(v.GetString()!) : None;

    private static Option<JsonElement> Obj(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? Some(v) : None;
}
