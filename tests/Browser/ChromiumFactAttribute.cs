using Xunit;

namespace WorkOS.Functional.Browser.Tests;

/// <summary>
/// A fact that needs the Debian <c>chromium</c> package (Playwright's own browser download cannot be used here). Where
/// <see cref="Path"/> is absent the test is reported as SKIPPED with the command that installs it, never passed.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where the Debian package puts the browser.</summary>
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path)) Skip = $"Chromium not found at {Path}: apt-get install -y chromium";
    }
}
