using System.Text.RegularExpressions;

namespace WorkOS.Functional.Integration.Support;

/// <summary>The repository the tests run from: its root, and the README check every example file shares.</summary>
public static class Repository
{
    /// <summary>The folder holding <c>WorkOS.Functional.sln</c>, found upwards from the test binaries.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WorkOS.Functional.sln"))) return dir.FullName;
        throw new Xunit.Sdk.XunitException("WorkOS.Functional.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Asserts that README.md shows the code between <c>// &lt;readme:region&gt;</c> and its closing marker in
    /// <paramref name="sourceFile"/> (under tests/Integration) verbatim, with the common indentation removed.
    /// </summary>
    public static void AssertReadmeShows(string sourceFile, string region)
    {
        var source = File.ReadAllText(Path.Combine(Root(), "tests", "Integration", sourceFile));
        var match = Regex.Match(source, $@"// <readme:{region}>\r?\n(?<code>.*?)\r?\n\s*// </readme:{region}>", RegexOptions.Singleline);
        Assert.True(match.Success);
        var lines = match.Groups["code"].Value.Split('\n').Select(static l => l.TrimEnd('\r')).ToList();
        var indent = lines.Where(static l => l.Trim().Length > 0).Min(static l => l.Length - l.TrimStart().Length);
        var block = string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));
        var readme = File.ReadAllText(Path.Combine(Root(), "README.md")).Replace("\r\n", "\n");
        Assert.Contains(block, readme);
    }
}
