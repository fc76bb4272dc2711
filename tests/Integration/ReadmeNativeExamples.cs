using System.Text.RegularExpressions;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>
/// The README's examples of the .NET-native surface (paging, Task interop, DI, telemetry), compiled
/// here and run against the emulator; a test checks that the README shows each region verbatim.
/// </summary>
public static class ReadmeNativeExamples
{
    // <readme:paging>
    public static async Task<int> CountUsers(WorkOSClient client, CancellationToken ct)
    {
        var count = 0;
        await foreach (var user in client.ListAllUsers(ListUsersRequest.Default).WithCancellation(ct))
            count++;                                  // one request per 100 users, made as the loop needs them
        return count;
    }

    public static async Task<string?> Export(WorkOSClient client, string? checkpoint, Func<Seq<User>, Task> save)
    {
        await foreach (var page in client.ListAllUsers(ListUsersRequest.Default).AsPages(checkpoint))
        {
            await save(page.Items);
            checkpoint = page.ContinuationToken.MatchUnsafe(Some: c => c, None: () => null);
        }
        return checkpoint;                            // null once everything is exported
    }

    public static Aff<int> CountVerified(WorkOSClient client) =>
        client.ListAllUsers(ListUsersRequest.Default).Fold(0, (n, user) => user.EmailVerified ? n + 1 : n);
    // </readme:paging>
}

public sealed class ReadmeNativeExampleTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WorkOS.Functional.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Theory]
    [InlineData("paging")]
    public void The_README_shows_the_compiled_example_verbatim(string region)
    {
        var source = File.ReadAllText(Path.Combine(Root(), "tests", "Integration", "ReadmeNativeExamples.cs"));
        var match = Regex.Match(source, $@"// <readme:{region}>\r?\n(?<code>.*?)\r?\n\s*// </readme:{region}>", RegexOptions.Singleline);
        Assert.True(match.Success);
        var lines = match.Groups["code"].Value.Split('\n').Select(static l => l.TrimEnd('\r')).ToList();
        var indent = lines.Where(static l => l.Trim().Length > 0).Min(static l => l.Length - l.TrimStart().Length);
        var block = string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));
        var readme = File.ReadAllText(Path.Combine(Root(), "README.md")).Replace("\r\n", "\n");
        Assert.Contains(block, readme);
    }

    [Fact]
    public async Task The_paging_examples_run()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var all = (await Run.Succ(emu.Client.ListUsers(Run.Valid(ListUsersRequest.Create(limit: 100))))).Data;
        Assert.True(all.Count < 100); // the fixture's users fit one page, so the listing is the truth
        Assert.Equal(all.Count, await ReadmeNativeExamples.CountUsers(emu.Client, cts.Token));
        Assert.Equal(all.Count(u => u.EmailVerified), await Run.Succ(ReadmeNativeExamples.CountVerified(emu.Client)));

        var saved = new List<User>();
        var end = await ReadmeNativeExamples.Export(emu.Client, null, items => { saved.AddRange(items); return Task.CompletedTask; }).WaitAsync(cts.Token);
        Assert.Null(end);
        Assert.Equal(all.Map(u => u.Id), saved.Select(u => u.Id));
    }
}
