namespace WorkOS.Functional.Properties;

/// <summary>
/// The smallest complete wire form of each entity (every required key, no optional one), fresh on each call,
/// and helpers to change one key at a path such as <c>user.id</c> or <c>data[0].email</c>.
/// </summary>
public static class WireSamples
{
    public const string Ts = "2024-01-01T00:00:00.000Z";

    public static Dictionary<string, object?> User() => WireJson.Dict(
        ("id", "user_1"), ("email", "ana@example.com"), ("email_verified", false), ("created_at", Ts), ("updated_at", Ts));

    public static Dictionary<string, object?> Identity() => WireJson.Dict(("idp_id", "g-1"), ("type", "OAuth"), ("provider", "GoogleOAuth"));

    public static Dictionary<string, object?> Membership() => WireJson.Dict(
        ("id", "om_1"), ("user_id", "user_1"), ("organization_id", "org_1"), ("role", WireJson.Dict(("slug", "member"))),
        ("status", "active"), ("created_at", Ts), ("updated_at", Ts));

    public static Dictionary<string, object?> Invitation() => WireJson.Dict(
        ("id", "invitation_1"), ("email", "ana@example.com"), ("state", "pending"), ("token", "tok_1"),
        ("accept_invitation_url", "https://app.example/invite?invitation_token=tok_1"), ("expires_at", Ts), ("created_at", Ts), ("updated_at", Ts));

    public static Dictionary<string, object?> MagicAuth() => WireJson.Dict(
        ("id", "magic_auth_1"), ("user_id", "user_1"), ("email", "ana@example.com"), ("expires_at", Ts), ("code", "123456"),
        ("created_at", Ts), ("updated_at", Ts));

    public static Dictionary<string, object?> EmailVerification() => WireJson.Dict(
        ("id", "email_verification_1"), ("user_id", "user_1"), ("email", "ana@example.com"), ("expires_at", Ts), ("code", "123456"),
        ("created_at", Ts), ("updated_at", Ts));

    public static Dictionary<string, object?> PasswordReset() => WireJson.Dict(
        ("id", "password_reset_1"), ("user_id", "user_1"), ("email", "ana@example.com"), ("password_reset_token", "tok_1"),
        ("password_reset_url", "https://app.example/reset?token=tok_1"), ("expires_at", Ts), ("created_at", Ts));

    public static Dictionary<string, object?> Factor() => WireJson.Dict(
        ("id", "auth_factor_1"), ("created_at", Ts), ("updated_at", Ts), ("type", "totp"));

    public static Dictionary<string, object?> Challenge() => WireJson.Dict(
        ("id", "auth_challenge_1"), ("created_at", Ts), ("updated_at", Ts), ("authentication_factor_id", "auth_factor_1"));

    public static Dictionary<string, object?> Authenticate() => WireJson.Dict(
        ("user", User()), ("access_token", "at_1"), ("refresh_token", "rt_1"));

    public static Dictionary<string, object?> OAuthTokens() => WireJson.Dict(
        ("access_token", "oat_1"), ("refresh_token", "ort_1"), ("expires_at", 1_700_000_000L));

    public static Dictionary<string, object?> Page(params Dictionary<string, object?>[] items) => WireJson.Dict(
        ("data", items), ("list_metadata", WireJson.Dict(("before", null), ("after", null))));

    public static string Json(this Dictionary<string, object?> d) => System.Text.Json.JsonSerializer.Serialize(d);

    /// <summary>A copy with <paramref name="key"/> set (or added).</summary>
    public static Dictionary<string, object?> With(this Dictionary<string, object?> d, string key, object? value) =>
        new(d) { [key] = value };

    /// <summary>How a required value goes missing.</summary>
    public enum Gone { Absent, Null, Empty }

    /// <summary>
    /// Changes the key at <paramref name="path"/> (<c>a.b</c>, <c>data[0].c</c>) in place: removes it, nulls it or
    /// empties it. Nested objects are dictionaries, arrays <c>Dictionary[]</c>, as the samples build them.
    /// </summary>
    public static Dictionary<string, object?> Break(this Dictionary<string, object?> root, string path, Gone how)
    {
        var parts = path.Split('.');
        var at = root;
        foreach (var part in parts[..^1])
            at = Step(at, part);
        var last = parts[^1];
        if (how == Gone.Absent) at.Remove(last);
        else at[last] = how == Gone.Null ? null : "";
        return root;
    }

    private static Dictionary<string, object?> Step(Dictionary<string, object?> d, string part)
    {
        var bracket = part.IndexOf('[');
        return bracket < 0
            ? (Dictionary<string, object?>)d[part]!
            : ((Dictionary<string, object?>[])d[part[..bracket]]!)[int.Parse(part[(bracket + 1)..^1])];
    }
}
