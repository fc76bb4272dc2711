namespace WorkOS.Functional.AspNetCore;

/// <summary>The open-redirect guard: only a path of this site may be a <c>return_to</c>.</summary>
internal static class LocalUrl
{
    /// <summary>
    /// True for a local path: it starts with exactly one <c>/</c> followed by neither <c>/</c> nor <c>\</c>
    /// (<c>//evil</c> and <c>/\evil</c> are other hosts to a browser), holds no control character or backslash
    /// (browsers read <c>\</c> as <c>/</c> and drop tabs and newlines), and is no absolute URL.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(static c => c == '\\' || char.IsControl(c));

    /// <summary>The local <paramref name="url"/>, or None.</summary>
    public static Option<string> Local(string? url) => IsLocal(url) ? Some(url!) : None;
}
