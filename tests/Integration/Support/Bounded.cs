namespace WorkOS.Functional.Integration.Support;

/// <summary>
/// Limits that keep a broken server or client from hanging a test: every HTTP client the tests make
/// gives up on one call after <see cref="Call"/>, and every walk over pages stops with a failure
/// when a cursor comes back again or the pages outnumber what the data can fill.
/// </summary>
public static class Bounded
{
    /// <summary>The longest any one HTTP call of a test may take (the emulator answers in milliseconds).</summary>
    public static readonly TimeSpan Call = TimeSpan.FromSeconds(30);

    /// <summary>An <see cref="HttpClient"/> whose calls time out after <see cref="Call"/>.</summary>
    public static HttpClient Http(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler()) { Timeout = Call };

    /// <summary>A browser that does not follow redirects, so a test can read the <c>Location</c>; bounded like <see cref="Http"/>.</summary>
    public static HttpClient Browser() => Http(new SocketsHttpHandler { AllowAutoRedirect = false });

    /// <summary>
    /// Walks the pages from <paramref name="first"/> while the page names an <c>after</c> cursor. Fails when a cursor
    /// repeats (a server that ignores <c>after</c>) or more than <paramref name="maxPages"/> pages would be needed.
    /// </summary>
    public static async Task<List<TPage>> Pages<TRequest, TPage>(TRequest first, Func<TRequest, Task<TPage>> fetch,
        Func<TPage, Option<string>> after, Func<TRequest, string, TRequest> next, int maxPages)
    {
        var pages = new List<TPage>();
        var cursors = new System.Collections.Generic.HashSet<string>();
        var request = first;
        while (pages.Count < maxPages)
        {
            var page = await fetch(request);
            pages.Add(page);
            var cursor = after(page);
            if (cursor.IsNone) return pages;
            var value = cursor.IfNone("");
            Assert.True(cursors.Add(value), $"the cursor {value} came back on page {pages.Count}: paging would never end");
            request = next(request, value);
        }
        Assert.Fail($"more than {maxPages} pages: paging would not end");
        return pages;
    }
}
