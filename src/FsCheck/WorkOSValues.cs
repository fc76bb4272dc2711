namespace WorkOS.Functional.FsCheck;

/// <summary>
/// Generators of request field values, good and bad, that the request generators of <see cref="WorkOSGen"/> are made
/// of. Every generator of a bounded input weights its boundaries in (the edges, one past them, 0, -1, the int
/// extremes; for emails and URLs the near misses), so a rule that is off by one or too lenient fails in every run,
/// not once in a while.
/// </summary>
public static class WorkOSValues
{
    private const string Alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary><paramref name="min"/> to <paramref name="max"/> ASCII letters and digits.</summary>
    /// <param name="min">The shortest length.</param>
    /// <param name="max">The longest length.</param>
    public static Gen<string> Token(int min = 1, int max = 20) =>
        from n in Gen.Choose(min, max)
        from cs in Gen.ArrayOf(Gen.Elements(Alnum.ToCharArray()), n)
        select new string(cs);

    /// <summary>An ID with a prefix, like the server's (e.g. <c>user_01H…</c>).</summary>
    /// <param name="prefix">The prefix, e.g. <c>user_</c>.</param>
    public static Gen<string> Id(string prefix) => Token(6, 26).Select(t => prefix + t);

    /// <summary>
    /// A distinctive secret value (<c>s3cr3t</c> and 12–32 letters and digits) that cannot appear by accident in other
    /// text: a property can assert that no <c>ToString</c>, log or error ever contains it.
    /// </summary>
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
    /// <param name="min">The smallest valid value.</param>
    /// <param name="max">The largest valid value.</param>
    public static Gen<int> Around(int min, int max) =>
        Gen.Frequency(
            (1, Gen.Elements(new[] { min - 1, min, min + 1, max - 1, max, max + 1, 0, 1, -1, int.MinValue, int.MaxValue }.Distinct().ToArray())),
            (1, Gen.Choose(min - 1000, max + 1000)));

    /// <summary>Integers inside [<paramref name="min"/>, <paramref name="max"/>], a third of them its edges or one inside them.</summary>
    /// <param name="min">The smallest value.</param>
    /// <param name="max">The largest value.</param>
    public static Gen<int> Within(int min, int max) =>
        Gen.Frequency((1, Gen.Elements(min, min + 1, max - 1, max)), (2, Gen.Choose(min, max)));

    /// <summary>Integers outside [<paramref name="min"/>, <paramref name="max"/>], weighted to one past each edge.</summary>
    /// <param name="min">The smallest valid value.</param>
    /// <param name="max">The largest valid value.</param>
    public static Gen<int> Outside(int min, int max) => Around(min, max).Where(n => n < min || n > max);

    /// <summary>Page sizes around the valid 1–100: 0, 1, 100, 101 and -1 come up in every run.</summary>
    public static Gen<int> Limit => Around(Rules.MinLimit, Rules.MaxLimit);

    /// <summary>Valid page sizes, unset (<c>null</c>: the default 10) or 1–100 weighted to 1, 2, 99 and 100.</summary>
    public static Gen<int?> ValidLimit => OrNull(Within(Rules.MinLimit, Rules.MaxLimit));

    /// <summary>Valid sort orders: unset (<c>null</c>: <c>desc</c>), <c>asc</c> or <c>desc</c>.</summary>
    public static Gen<Order?> ValidOrder => Gen.Elements<Order?>(null, Order.Asc, Order.Desc);

    /// <summary>Sort orders that are neither <c>asc</c> nor <c>desc</c>: other words, other case, empty, white space.</summary>
    public static Gen<Order> BadOrder =>
        Gen.OneOf(Gen.Elements(new Order("ASC"), new Order("Desc"), new Order(""), new Order(" "), new Order("ascending"), new Order("asc ")),
            Token(1, 8).Where(static t => t is not ("asc" or "desc")).Select(static t => new Order(t)));

    /// <summary>Blank inputs: missing, empty, white space.</summary>
    public static Gen<string?> Blank => Gen.Elements<string?>(null, "", " ", "\t", "  \n");

    /// <summary>White space only: not unset (<c>null</c> or <c>""</c>), yet blank.</summary>
    public static Gen<string> WhiteSpace => Gen.Elements(" ", "\t", "  \n", "\u00A0");

    /// <summary>Any text, including characters that need escaping (spaces, slashes, unicode).</summary>
    public static Gen<string> AnyText =>
        from n in Gen.Choose(1, 24)
        from cs in Gen.ArrayOf(Gen.Elements("aZ09-_.~ /?#%&=+@:,!*()'\"<>é漢😀".EnumerateRunes().Select(static r => r.ToString()).ToArray()), n)
        select string.Concat(cs);

    /// <summary>Any non-blank text: what a required field (a client ID, a session ID) accepts.</summary>
    public static Gen<string> Text => AnyText.Where(static s => !string.IsNullOrWhiteSpace(s));

    /// <summary>Any ID that may be sent as a path segment: any non-blank text but the dot segments <c>.</c> and <c>..</c>, which are refused locally.</summary>
    public static Gen<string> PathId => AnyText.Where(static s => !string.IsNullOrWhiteSpace(s) && s is not ("." or ".."));

    /// <summary>The dot segments <c>.</c> and <c>..</c>, which no path ID may be.</summary>
    public static Gen<string> DotSegment => Gen.Elements(".", "..");

    /// <summary>An optional value: unset (<c>null</c>), empty (both omitted on the wire) or any text.</summary>
    public static Gen<string?> MaybeText =>
        Gen.OneOf(Gen.Constant<string?>(null), Gen.Constant<string?>(""), AnyText.Select(static s => (string?)s));

    /// <summary>An optional ID: unset (<c>null</c> or <c>""</c>) or an ID with the prefix.</summary>
    /// <param name="prefix">The prefix, e.g. <c>org_</c>.</param>
    public static Gen<string?> MaybeId(string prefix) =>
        Gen.OneOf(Gen.Elements<string?>(null, ""), Id(prefix).Select(static s => (string?)s));

    /// <summary>An optional secret: unset (<c>null</c> or <c>""</c>) or a distinctive <see cref="SecretValue"/>.</summary>
    public static Gen<string?> MaybeSecret => Gen.OneOf(Gen.Elements<string?>(null, ""), SecretValue.Select(static s => (string?)s));

    /// <summary>The same value or <c>null</c>, each half the time.</summary>
    /// <param name="gen">The values.</param>
    public static Gen<string?> OrNull(Gen<string> gen) => Gen.OneOf(Gen.Constant<string?>(null), gen.Select(static s => (string?)s));

    /// <summary>The same value or <c>null</c>, each half the time.</summary>
    /// <param name="gen">The values.</param>
    public static Gen<int?> OrNull(Gen<int> gen) => Gen.OneOf(Gen.Constant<int?>(null), gen.Select(static s => (int?)s));

    /// <summary>Absolute <c>http</c> and <c>https</c> URLs, with and without a path, port and query.</summary>
    public static Gen<string> HttpUrl =>
        Gen.OneOf(
            from scheme in Gen.Elements("http", "https")
            from host in Token(1, 10)
            from path in Token(0, 10)
            select $"{scheme}://{host}.example.com/{path}",
            from port in Gen.Choose(1, 65535)
            from path in Token(1, 10)
            select $"http://localhost:{port}/{path}?next=%2F{path}");

    /// <summary>
    /// Non-blank strings that are no absolute http(s) URL: relative paths, other schemes, no scheme, white space
    /// inside, <c>javascript:</c>.
    /// </summary>
    public static Gen<string> BadHttpUrl =>
        Gen.OneOf(
            Token(1, 10).Select(static t => "/reset/" + t),
            Token(1, 10).Select(static t => "ftp://files.example.com/" + t),
            Token(1, 10).Select(static t => "example.com/" + t),
            Token(1, 10).Select(static t => "https://exa mple.com/" + t),
            Token(1, 10).Select(static t => "javascript:alert('" + t + "')"),
            Token(1, 10).Select(static t => "//" + t + ".example.com/"));

    /// <summary>E.164 phone numbers: <c>+</c>, then 2–15 digits, the first not 0; the shortest and longest come up often.</summary>
    public static Gen<string> PhoneNumber =>
        from first in Gen.Choose(1, 9)
        from more in Gen.Frequency((1, Gen.Elements(1, 14)), (2, Gen.Choose(1, 14)))
        from digits in Gen.ArrayOf(Gen.Choose(0, 9), more)
        select "+" + first + string.Concat(digits);

    /// <summary>Non-blank strings that are no E.164 number: no <c>+</c>, a leading 0, one digit, 16 digits, spaces, letters, two <c>+</c>.</summary>
    public static Gen<string> BadPhoneNumber =>
        Gen.OneOf(
            PhoneNumber.Select(static p => p[1..]),
            PhoneNumber.Select(static p => "+0" + p[1..]),
            Gen.Choose(1, 9).Select(static d => "+" + d),
            PhoneNumber.Select(static p => p + "1234567890123456"[..(17 - p.Length)]),
            PhoneNumber.Where(static p => p.Length > 4).Select(static p => p[..3] + " " + p[3..]),
            PhoneNumber.Select(static p => p + "x"),
            PhoneNumber.Select(static p => "+" + p));

    /// <summary>One of the membership statuses a list can filter by: active, inactive, pending.</summary>
    public static Gen<OrganizationMembershipStatus> MembershipStatus =>
        Gen.Elements(OrganizationMembershipStatus.Active, OrganizationMembershipStatus.Inactive, OrganizationMembershipStatus.Pending);
}
