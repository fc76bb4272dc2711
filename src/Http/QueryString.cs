using System.Text;

namespace WorkOS.Functional.Http;

/// <summary>
/// Query strings exactly as Go's <c>url.Values.Encode()</c> writes them (spec §1.5): pairs sorted by key
/// (ordinal; a repeated key keeps its values' order), key and value escaped with Go's <c>QueryEscape</c>.
/// </summary>
public static class QueryString
{
    /// <summary>A pair that is always sent.</summary>
    public static Seq<(string Key, string Value)> Always(string key, string value) => Seq1((key, value));

    /// <summary>A pair dropped when <c>None</c> or empty.</summary>
    public static Seq<(string Key, string Value)> NonEmpty(string key, Option<string> value) =>
        value.Filter(static v => v.Length > 0).Map(v => Seq1((key, v))).IfNone(Seq<(string, string)>());

    /// <summary>A pair sent whenever set, even empty (presence-based, for the newer options); dropped only when <c>None</c>.</summary>
    public static Seq<(string Key, string Value)> IfSet(string key, Option<string> value) =>
        value.Map(v => Seq1((key, v))).IfNone(Seq<(string, string)>());

    /// <summary>One pair per element, all with the same key (Go's repeated-key list form).</summary>
    public static Seq<(string Key, string Value)> Each(string key, Seq<string> values) => values.Map(v => (key, v));

    /// <summary>Renders the pairs: sorted by key (stable), escaped, joined with <c>&amp;</c>. Empty for no pairs.</summary>
    public static string Render(Seq<(string Key, string Value)> pairs) =>
        string.Join("&", pairs.OrderBy(static p => p.Key, StringComparer.Ordinal)
            .Select(static p => $"{Escape(p.Key)}={Escape(p.Value)}"));

    /// <summary>
    /// Go's <c>QueryEscape</c>: <c>A–Z a–z 0–9 - _ . ~</c> kept, space → <c>+</c>, every other UTF-8 byte →
    /// <c>%XX</c> in upper-case hex.
    /// </summary>
    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                sb.Append((char)b);
            else if (b == (byte)' ')
                sb.Append('+');
            else
                sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }
}
