using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace WorkOS.Functional.Properties;

/// <summary>
/// Issue 8 item 7: over every public request type (found by reflection, made through its <c>Create</c>), its encoded
/// <see cref="HttpRequestSpec"/>, the responses and the errors, neither <c>ToString()</c>, nor an exception's
/// message, nor <c>System.Text.Json</c> shows any secret that went in.
/// </summary>
public sealed class SecretEdgeProperties
{
    private static readonly Assembly Domain = typeof(Secret).Assembly;
    private static readonly Assembly Http = typeof(HttpRequestSpec).Assembly;

    private static readonly MethodInfo[] Creates = Domain.GetExportedTypes()
        .SelectMany(static t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == "Create" && m.DeclaringType == t
            && m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Either<,>) && m.ReturnType.GetGenericArguments()[1] == t))
        .ToArray();

    private static readonly MethodInfo[] Encoders = Http.GetExportedTypes()
        .SelectMany(static t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
        .Where(static m => m.ReturnType == typeof(HttpRequestSpec) && m.GetParameters() is [_, { ParameterType: var k }] && k == typeof(Secret))
        .ToArray();

    /// <summary>Everything a value shows: <c>ToString()</c> and its JSON (a serializer failure shows its message).</summary>
    private static string Shown(object value)
    {
        string json;
        try { json = JsonSerializer.Serialize(value, value.GetType()); }
        catch (Exception e) { json = "JSON failed: " + e.Message; }
        return value + "\n" + json;
    }

    /// <summary>The revealed values of every <see cref="Secret"/> reachable from <paramref name="value"/> through public properties.</summary>
    private static IEnumerable<string> SecretsIn(object? value, int depth = 0)
    {
        if (value is null || depth > 6 || value is string || value.GetType().IsPrimitive) yield break;
        if (value is Secret s) { if (!s.IsEmpty) yield return s.Reveal(); yield break; }
        if (value is IEnumerable items)
        {
            foreach (var item in items)
                foreach (var x in SecretsIn(item, depth + 1)) yield return x;
            yield break;
        }
        if (value.GetType().Assembly != Domain && value.GetType().Assembly != Http) yield break;
        foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(static p => p.GetIndexParameters().Length == 0))
            foreach (var x in SecretsIn(p.GetValue(value), depth + 1)) yield return x;
    }

    /// <summary>A value for a <c>Create</c> parameter: emails and URLs shaped as such, password hashes left out (XOR password), other strings the marker.</summary>
    private static object? Arg(ParameterInfo p, string text, bool fillOptional)
    {
        if (p.HasDefaultValue && !fillOptional) return p.DefaultValue;
        if (p.ParameterType != typeof(string)) return p.HasDefaultValue ? p.DefaultValue : null;
        var name = p.Name!.ToLowerInvariant();
        return name.Contains("email") ? $"{text}@example.com"
            : name.Contains("url") || name.Contains("uri") || name == "returnto" ? "https://app.example/callback"
            : name.Contains("hash") ? null
            : text;
    }

    [Property(MaxTest = 25)]
    public Property No_request_or_its_description_prints_or_serializes_a_secret_input() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), seed =>
        {
            var made = new System.Collections.Generic.HashSet<Type>();
            var leaks = new List<string>();
            var apiKey = Secret.Of(seed + "apikey");
            foreach (var create in Creates)
                foreach (var fill in new[] { true, false })
                {
                    var parameters = create.GetParameters();
                    var args = parameters.Select((p, i) => p.ParameterType == typeof(Secret) ? Secret.Of($"{seed}q{i}z")
                        : Arg(p, $"{seed}q{i}z", fill)).ToArray();
                    if (parameters.Any(static p => p.ParameterType == typeof(Secret)) && args.Any(static a => a is null)) continue;
                    var result = create.Invoke(null, args)!;
                    if (result.GetType().GetProperty("Case")!.GetValue(result) is not { } request || request is Error) continue;
                    made.Add(request.GetType());
                    var secrets = SecretsIn(request).Append(apiKey.Reveal()).ToList();
                    var specs = Encoders.Where(e => e.GetParameters()[0].ParameterType == request.GetType())
                        .Select(e => (object)e.Invoke(null, [request, apiKey])!);
                    foreach (var shown in specs.Prepend(request).Select(Shown))
                        leaks.AddRange(secrets.Where(shown.Contains).Select(x => $"{request.GetType().Name}: {shown}"));
                }
            // Guard against a vacuous pass: most request types must actually have been made and checked.
            return (made.Count >= 40 && leaks.Count == 0).Label($"made {made.Count} of {Creates.Length}; leaks: {string.Join("; ", leaks.Take(3))}");
        });

    [Property]
    public Property Requests_with_secret_paths_serialize_masked() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), token =>
        {
            var spec = Encode.FindInvitationByToken(T.Valid(FindInvitationByTokenRequest.Create(token)), T.Key);
            var json = JsonSerializer.Serialize(spec);
            return !json.Contains(token) && json.Contains("/by_token/***");
        });

    public static Gen<(string Body, string ContentType, int Status)> SecretBodies(string s) => Gen.Elements(
        ($$"""{"code":"mfa_challenge","message":"m","pending_authentication_token":"{{s}}","user":{"id":"u","email":"a@b.co","email_verified":true,"created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z"},"authentication_factors":[]}""", "application/json", 403),
        ($$"""{"error":"sso_required","error_description":"d","connection_ids":[],"pending_authentication_token":"{{s}}"}""", "application/json", 403),
        ($$"""{"code":"x","message":"m","pending_authentication_token":"{{s}}","errors":[]}""", "application/json", 400),
        ($$"""{"message":"slow","access_token":"{{s}}"}""", "application/json", 429),
        ($$"""{"weird":true,"refresh_token":"{{s}}"}""", "application/json", 500),
        ($$"""{"client_secret": "{{s}}", "code": "{{s}}", "password":"{{s}}"}""", "text/plain", 502),
        ($$"""{"code": 9{{s.Length}}{{s.Length}}, "totp_secret": "{{s}}"}""", "application/json; charset=utf-8", 400),
        ($$"""<html>Authorization: Bearer {{s}}</html>""", "text/html", 502),
        ($$"""upstream said: sk_live_{{s}} and code={{s}}&x=1""", "text/plain", 503));

    [Property]
    public Property No_error_prints_serializes_or_throws_a_secret_from_the_answer() =>
        Prop.ForAll(WorkOSValues.SecretValue.SelectMany(s => SecretBodies(s).Select(b => (s, b))).ToArbitrary(), t =>
        {
            var (secret, (body, contentType, status)) = t;
            var answer = new HttpResponseSpec(status, "", toHashMap(Seq1(("content-type", contentType))), body);
            var error = Decode.Error(answer);
            var shown = Shown(error) + error.Message + error.ToException().Message + Shown(answer);
            return (!shown.Contains(secret)).Label(shown);
        });

    [Property]
    public Property Responses_never_print_or_serialize_their_tokens() =>
        Prop.ForAll(WorkOSValues.SecretValue.ToArbitrary(), s =>
        {
            var auth = T.Valid(Decode.AuthenticateResponse(T.Json(200, $$$"""
                {"user":{"id":"user_1","email":"a@b.co","email_verified":true,"created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z"},"access_token":"{{{s}}}a","refresh_token":"{{{s}}}r","authkit_authorization_code":"{{{s}}}k",
                 "oauth_tokens":{"access_token":"{{{s}}}oa","refresh_token":"{{{s}}}or","scopes":[],"expires_at":1}}
                """)));
            var shown = Shown(auth);
            return (!shown.Contains(s)).Label(shown);
        });
}
