using System.Text.Json;
using static WorkOS.Functional.FsCheck.WorkOSValues;

namespace WorkOS.Functional.Properties;

/// <summary>Generators and wire builders shared by the email verification, password reset, Magic Auth and auth factor tests.</summary>
public static partial class Gens
{
    /// <summary>An ID with <paramref name="prefix"/>, or a blank input, paired with whether it is valid.</summary>
    public static Gen<(string? Value, bool Ok)> IdOrBlank(string prefix) =>
        Gen.OneOf(Id(prefix).Select(static s => ((string?)s, true)), Blank.Select(static s => (s, false)));

    /// <summary>A secret value or a blank input, paired with whether it is valid.</summary>
    public static Gen<(string? Value, bool Ok)> SecretOrBlank =>
        Gen.OneOf(SecretValue.Select(static s => ((string?)s, true)), Blank.Select(static s => (s, false)));

    /// <summary>An email, a malformed one, or a blank input, paired with whether it is valid.</summary>
    public static Gen<(string? Value, bool Ok)> EmailOrBad =>
        Gen.OneOf(Email.Select(static e => ((string?)e, true)), BadEmail.Select(static e => ((string?)e, false)), Blank.Select(static e => (e, false)));

    /// <summary>Absolute http(s) URLs, paired with true, and non-URLs, relative paths, other schemes and blanks, paired with false.</summary>
    public static Gen<(string? Value, bool Ok)> ResetUrlOrBad =>
        Gen.OneOf(HttpUrl.Select(static u => ((string?)u, true)),
            Gen.OneOf(BadHttpUrl.Select(static u => (string?)u), Blank).Select(static u => (u, false)));
}

/// <summary>Builds wire JSON objects in the given key order.</summary>
public static class WireJson
{
    public static string Obj(params (string Key, object? Value)[] members) =>
        JsonSerializer.Serialize(members.ToDictionary(static m => m.Key, static m => m.Value));

    public static Dictionary<string, object?> Dict(params (string Key, object? Value)[] members) =>
        members.ToDictionary(static m => m.Key, static m => m.Value);

    /// <summary>The <c>{"user": …}</c> body around a minimal user.</summary>
    public static string UserResponse(string id, string email) =>
        Obj(("user", Dict(("object", "user"), ("id", id), ("email", email), ("email_verified", true),
            ("created_at", "2024-01-01T00:00:00.000Z"), ("updated_at", "2024-01-02T00:00:00.000Z"))));

    public static Error LeftOf<A>(Either<Error, A> e) => e.Match(Right: static _ => Error.New("expected Left"), Left: static l => l);
}
