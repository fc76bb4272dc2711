using System.Text.Json;

namespace WorkOS.Functional.Properties;

public static class T
{
    public static A Valid<A>(Either<Error, A> e) => e.Match(Right: static r => r, Left: static l => throw new Exception($"expected valid: {l.Message}"));

    public static Seq<string> Fields<A>(Either<Error, A> e) =>
        e.Match(Right: static _ => Seq<string>(), Left: static l => l is InvalidRequest ir ? ir.Fields : Seq1("<not InvalidRequest>"));

    public static bool SameSet(Seq<string> a, params string[] b) =>
        a.Distinct().OrderBy(static x => x).SequenceEqual(b.Distinct().OrderBy(static x => x));

    public static HttpResponseSpec Json(int status, string body, params (string, string)[] headers) =>
        new(status, "", toHashMap(headers.Select(static h => (h.Item1.ToLowerInvariant(), h.Item2)).Append(("content-type", "application/json; charset=utf-8"))), body);

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static string Body(HttpRequestSpec spec) => spec.Body.Map(static b => b.Render()).IfNone("");

    public static Seq<string> Keys(HttpRequestSpec spec) =>
        spec.Body.Map(static b => ((JsonValue.Obj)b).Keys).IfNone(Seq<string>());

    public static readonly Secret Key = Secret.Of("sk_test_props");

    /// <summary>The model of one escaped path segment: RFC 3986 escaping, and dot segments as %2E so they cannot climb.</summary>
    public static string Seg(string segment) =>
        segment is "." or ".." ? segment.Replace(".", "%2E") : Uri.EscapeDataString(segment);
}
