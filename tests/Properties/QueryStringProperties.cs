using System.Text;

namespace WorkOS.Functional.Properties;

/// <summary>Query encoding is Go's <c>url.Values.Encode()</c> exactly (spec §1.5).</summary>
public sealed class QueryStringProperties
{
    private static string GoUnescape(string s)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '+') bytes.Add((byte)' ');
            else if (s[i] == '%') { bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16)); i += 2; }
            else bytes.Add((byte)s[i]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [Property]
    public Property Escape_keeps_only_unreserved_bytes_and_round_trips() =>
        Prop.ForAll(WorkOSValues.AnyText.ToArbitrary(), text =>
        {
            var escaped = QueryString.Escape(text);
            var onlyAllowed = escaped.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '%' or '+');
            var upperHex = !System.Text.RegularExpressions.Regex.IsMatch(escaped, "%[0-9A-F]?[a-f]");
            return (onlyAllowed && upperHex && GoUnescape(escaped) == text).Label(escaped);
        });

    [Theory]
    [InlineData(" ", "+")]
    [InlineData("@", "%40")]
    [InlineData(":", "%3A")]
    [InlineData("/", "%2F")]
    [InlineData(",", "%2C")]
    [InlineData("+", "%2B")]
    [InlineData("!", "%21")]
    [InlineData("*", "%2A")]
    [InlineData("(", "%28")]
    [InlineData(")", "%29")]
    [InlineData("~", "~")]
    [InlineData("é", "%C3%A9")]
    [InlineData("custom state", "custom+state")]
    public void Escape_matches_Go_QueryEscape(string input, string expected) => Assert.Equal(expected, QueryString.Escape(input));

    [Property]
    public Property Render_sorts_keys_ordinally_and_keeps_repeated_values_in_order() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements("user_id", "statuses", "after", "limit", "order", "email", "before", "organization_id")
                .Zip(WorkOSValues.Token(1, 5))).ToArbitrary(),
            pairs =>
            {
                var seq = toSeq(pairs.Select(static p => (p.Item1, p.Item2))).Strict();
                var rendered = QueryString.Render(seq);
                var parsed = rendered.Length == 0 ? [] : rendered.Split('&').Select(static kv => kv.Split('=')).Select(static kv => (kv[0], kv[1])).ToList();
                var keysSorted = parsed.Select(static p => p.Item1).SequenceEqual(parsed.Select(static p => p.Item1).OrderBy(static k => k, StringComparer.Ordinal));
                var perKeyOrderKept = seq.GroupBy(static p => p.Item1).All(g =>
                    g.Select(static p => p.Item2).SequenceEqual(parsed.Where(p => p.Item1 == g.Key).Select(static p => p.Item2)));
                return keysSorted && perKeyOrderKept && parsed.Count == seq.Count;
            });

    [Fact]
    public void Empty_query_renders_empty() => Assert.Equal("", QueryString.Render(Seq<(string, string)>()));
}
