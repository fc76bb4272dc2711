namespace WorkOS.Functional.Properties;

/// <summary>Shared generators. Requests are built only through their validating <c>Create</c>.</summary>
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

    /// <summary>An address-shaped email.</summary>
    public static Gen<string> Email =>
        from local in Token(1, 12)
        from domain in Token(1, 12)
        from tld in Gen.Elements("com", "io", "co", "example")
        select $"{local}@{domain}.{tld}";

    /// <summary>Strings that are not address-shaped emails (and not blank).</summary>
    public static Gen<string> BadEmail =>
        Gen.OneOf(Token(1, 10), Token(1, 8).Select(static t => t + "@"), Token(1, 8).Select(static t => "@" + t + ".com"),
            Token(1, 8).Select(static t => t + "@nodot"), Token(1, 8).Select(static t => t + " x@y.com"), Token(1, 5).Select(static t => $"{t}@@{t}.com"));

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
