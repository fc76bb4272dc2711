using System.Text;

namespace WorkOS.Functional.Emulator.Internal;

/// <summary>Size limits of stored fields (422 <c>too_long</c> / <c>too_many</c> beyond them). Documented in README.md.</summary>
internal static class Limits
{
    public const int MinPassword = 8;
    public const int MaxPassword = 1024;
    public const int MaxEmail = 320;
    /// <summary>Names (first/last, organization) in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 1024;
    /// <summary>WorkOS: external identifiers are limited to 64 characters.</summary>
    public const int MaxExternalId = 64;
    /// <summary>WorkOS: up to 10 metadata pairs, keys ≤ 40 and values ≤ 600 ASCII characters.</summary>
    public const int MaxMetadataPairs = 10;
    public const int MaxMetadataKey = 40;
    public const int MaxMetadataValue = 600;
    public const int MaxDomains = 100;
    public const int MaxRoleSlugs = 32;
    public const int MaxSlug = 256;
    /// <summary>Short free-text fields: codes, tokens, ids, TOTP issuer/user, slugs.</summary>
    public const int MaxShort = 1024;

    public static bool TooLongName(string? s) => s is not null && Encoding.UTF8.GetByteCount(s) > MaxNameBytes;

    public static bool IsAscii(string s) => s.All(char.IsAscii);
}

/// <summary>Where <c>authorize</c> may send a code and <c>logout</c> may send the browser.</summary>
internal static class Redirects
{
    private static readonly string[] ForbiddenSchemes = ["javascript", "data", "vbscript", "file", "blob", "about"];
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Checks a configured URI at start-up; throws <see cref="InvalidOperationException"/> for unusable ones.</summary>
    public static void Validate(string configured)
    {
        if (Parse(configured) is null)
            throw new InvalidOperationException($"Redirect URI '{configured}' must be an absolute URI without fragment, not javascript:/data:/file:.");
    }

    private static Uri? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri)) return null;
        if (ForbiddenSchemes.Contains(uri.Scheme.ToLowerInvariant())) return null;
        if (uri.Fragment.Length > 0 || uri.UserInfo.Length > 0) return null;
        return uri;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.Scheme is "http" or "https" && LoopbackHosts.Contains(uri.Host.ToLowerInvariant());

    /// <summary>
    /// True when <paramref name="requested"/> matches a configured URI (scheme, host, port and path exactly; the query may
    /// differ), or — when none is configured — is a loopback <c>http(s)</c> URI on any port.
    /// </summary>
    public static bool Allowed(string? requested, IEnumerable<string> configured)
    {
        var uri = Parse(requested);
        if (uri is null) return false;
        var list = configured.ToList();
        if (list.Count == 0) return IsLoopback(uri);
        var key = uri.GetLeftPart(UriPartial.Path);
        return list.Select(Parse).Any(c => c is not null && c.GetLeftPart(UriPartial.Path) == key);
    }
}
