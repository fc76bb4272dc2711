using System.Text;

namespace WorkOS.Functional.Emulator.Tests;

/// <summary>
/// Paging a directory seeded in scrambled order, with page sizes that do not divide it: every walk, forward
/// with <c>after</c> and backward with <c>before</c>, in both orders, yields exactly the ids in sorted order.
/// Guards the emulator's page selection (a bounded heap per request instead of sorting every user).
/// </summary>
public class LargeDirectoryPaginationTests
{
    private const int Users = 301;

    private static string Id(int n) => $"user_{n * 7919 % 100_003:D6}"; // distinct, seeded out of order

    private static string Seed()
    {
        var sb = new StringBuilder("{\"users\":[");
        for (var i = 0; i < Users; i++)
            sb.Append(i == 0 ? "" : ",").Append($"{{\"id\":\"{Id(i)}\",\"email\":\"big{i}@example.com\"}}");
        return sb.Append("]}").ToString();
    }

    private static List<string> Ids(Resp r) => r.J["data"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).ToList();
    private static string? Meta(Resp r, string k) => r.J["list_metadata"]![k]?.GetValue<string>();

    [Theory]
    [InlineData("asc", 7)]
    [InlineData("desc", 7)]
    [InlineData("asc", 100)]
    [InlineData("desc", 100)]
    public async Task Every_walk_yields_the_sorted_ids_once(string order, int limit)
    {
        await using var h = await Harness.StartAsync(new EmulatorOptions { SeedJson = Seed() });
        var all = Enumerable.Range(0, Users).Select(Id).Order(StringComparer.Ordinal).ToList();
        var expected = order == "asc" ? all : all.AsEnumerable().Reverse().ToList();
        var maxPages = Users / limit + 1;

        var forward = new List<string>();
        string? after = null;
        Resp last;
        var pages = 0;
        do
        {
            Assert.True(++pages <= maxPages, "more pages than the directory can fill");
            last = await h.Get($"/user_management/users?limit={limit}&order={order}" + (after is null ? "" : $"&after={after}"));
            Assert.Equal(200, last.Code);
            var ids = Ids(last);
            Assert.Equal(pages == 1 ? null : ids[0], Meta(last, "before"));
            forward.AddRange(ids);
            after = Meta(last, "after");
        } while (after is not null);
        Assert.Equal(expected, forward);

        var backward = Ids(last);
        var before = Meta(last, "before");
        for (pages = 1; before is not null; pages++)
        {
            Assert.True(pages <= maxPages, "more pages backward than the directory can fill");
            var r = await h.Get($"/user_management/users?limit={limit}&order={order}&before={before}");
            var ids = Ids(r);
            Assert.Equal(limit, ids.Count);
            Assert.Equal(ids[^1], Meta(r, "after"));
            backward.InsertRange(0, ids);
            before = Meta(r, "before");
        }
        Assert.Equal(expected, backward);
    }
}
