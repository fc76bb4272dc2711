namespace WorkOS.Functional.Properties;

/// <summary>
/// Shared generators. Requests are built only through their validating <c>Create</c>. Every generator of a bounded
/// input weights its boundaries in (the edges, one past them, 0, -1, the int extremes; for emails the near misses),
/// so a rule that is off by one or too lenient fails in every run, not once in a while. A failing property prints
/// FsCheck's <c>Replay</c> seed: put it in <c>[Property(Replay = "(seed,gamma)")]</c> to run the same cases again.
/// </summary>
public static partial class Gens
{
    private const string Alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>1–20 alphanumeric characters.</summary>
    public static Gen<string> Token(int min = 1, int max = 20) =>
        from n in Gen.Choose(min, max)
        from cs in Gen.ArrayOf(Gen.Elements(Alnum.ToCharArray()), n)
        select new string(cs);

    /// <summary>An ID with a prefix, like the server's.</summary>
    public static Gen<string> Id(string prefix) => Token(6, 26).Select(t => prefix + t);

    /// <summary>A distinctive secret value that cannot appear by accident in other text.</summary>
    public static Gen<string> SecretValue => Token(12, 32).Select(static t => "s3cr3t" + t);

    /// <summary>An address-shaped email, often at the edges of the shape: one-character parts, dots in the local part, subdomains, tags.</summary>
    public static Gen<string> Email =>
        from local in Gen.Frequency((3, Token(1, 12)), (1, Token(1, 1)), (1, Token(1, 5).Select(static t => t + "." + t)), (1, Token(1, 5).Select(static t => t + "+tag")))
        from domain in Gen.Frequency((3, Token(1, 12)), (1, Token(1, 1)), (1, Token(1, 5).Select(static t => "mail." + t)))
        from tld in Gen.Elements("com", "io", "co", "example", "x")
        select $"{local}@{domain}.{tld}";

    /// <summary>
    /// Strings that are not address-shaped emails (and not blank), mostly near misses: a dot but no <c>@</c>, a trailing
    /// dot, nothing between <c>@</c> and the dot, no local part, no dot after <c>@</c>, two <c>@</c>, white space.
    /// </summary>
    public static Gen<string> BadEmail =>
        Gen.OneOf(Token(1, 10), Token(1, 8).Select(static t => t + "@"), Token(1, 8).Select(static t => "@" + t + ".com"),
            Token(1, 8).Select(static t => t + "@nodot"), Token(1, 8).Select(static t => t + " x@y.com"), Token(1, 5).Select(static t => $"{t}@@{t}.com"),
            Token(1, 8).Select(static t => $"{t}.example.com"), Token(1, 8).Select(static t => $"{t}@{t}.com."), Token(1, 8).Select(static t => $"{t}@{t}."),
            Token(1, 8).Select(static t => $"{t}@.com"), Token(1, 8).Select(static t => $" {t}@{t}.com"), Token(1, 8).Select(static t => $"{t}@{t}.com "),
            Token(1, 8).Select(static t => $"{t}.{t}@{t}"), Token(1, 8).Select(static t => $"{t}@{t}@{t}.com"));

    /// <summary>
    /// Integers around the range [<paramref name="min"/>, <paramref name="max"/>], half of them boundaries: each edge,
    /// one inside and one outside it, 0, 1, -1 and the int extremes; the rest drawn from a wide span around the range.
    /// </summary>
    public static Gen<int> Around(int min, int max) =>
        Gen.Frequency(
            (1, Gen.Elements(new[] { min - 1, min, min + 1, max - 1, max, max + 1, 0, 1, -1, int.MinValue, int.MaxValue }.Distinct().ToArray())),
            (1, Gen.Choose(min - 1000, max + 1000)));

    /// <summary>Integers inside [<paramref name="min"/>, <paramref name="max"/>], a third of them its edges or one inside them.</summary>
    public static Gen<int> Within(int min, int max) =>
        Gen.Frequency((1, Gen.Elements(min, min + 1, max - 1, max)), (2, Gen.Choose(min, max)));

    /// <summary>Integers outside [<paramref name="min"/>, <paramref name="max"/>], weighted to one past each edge.</summary>
    public static Gen<int> Outside(int min, int max) => Around(min, max).Where(n => n < min || n > max);

    /// <summary>Page sizes around the valid 1–100: 0, 1, 100, 101 and -1 come up in every run.</summary>
    public static Gen<int> Limit => Around(1, 100);

    /// <summary>Blank inputs: missing, empty, white space.</summary>
    public static Gen<string?> Blank => Gen.Elements<string?>(null, "", " ", "\t", "  \n");

    /// <summary>Any text, including characters that need escaping (spaces, slashes, unicode).</summary>
    public static Gen<string> AnyText =>
        from n in Gen.Choose(1, 24)
        from cs in Gen.ArrayOf(Gen.Elements("aZ09-_.~ /?#%&=+@:,!*()'\"<>é漢😀".EnumerateRunes().Select(static r => r.ToString()).ToArray()), n)
        select string.Concat(cs);

    /// <summary>Any ID that may be sent as a path segment: any non-blank text but the dot segments <c>.</c> and <c>..</c>, which are refused locally.</summary>
    public static Gen<string> PathId => AnyText.Where(static s => !string.IsNullOrWhiteSpace(s) && s is not ("." or ".."));

    /// <summary>Arbitrary HTTP status codes that are errors.</summary>
    public static Gen<int> ErrorStatus => Gen.OneOf(Gen.Choose(300, 599), Gen.Elements(400, 401, 403, 404, 409, 422, 429, 500, 502, 503));
}
