using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace WorkOS.Functional.Emulator.Tests;

/// <summary>
/// Paging a directory seeded in scrambled order, with page sizes that do not divide it: every walk, forward
/// with <c>after</c> and backward with <c>before</c>, in both orders, yields exactly the ids in sorted order.
/// Guards the emulator's page selection (an ordered index of the directory, and a bounded heap for filtered lists).
/// </summary>
public class LargeDirectoryPaginationTests(LargeDirectoryPaginationTests.Directory directory) : IClassFixture<LargeDirectoryPaginationTests.Directory>
{
    /// <summary>One emulator with the scrambled directory, shared by the property's cases.</summary>
    public sealed class Directory : IAsyncLifetime
    {
        public Harness H { get; private set; } = null!;
        public async Task InitializeAsync() => H = await Harness.StartAsync(new EmulatorOptions { SeedJson = Seed() });
        public async Task DisposeAsync() => await H.DisposeAsync();
    }

    /// <summary>
    /// Any single page, against a model of the rules: ascending or descending by ID, the <c>limit</c> items just after
    /// an <c>after</c> cursor (or the first ones), or just before a <c>before</c> cursor; a cursor need not be an ID of
    /// the directory (between two, before all, after all); <c>before</c>/<c>after</c> name the page's first/last item
    /// when the directory holds items beyond it, and are null on an empty page.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property Any_page_is_the_model_s_page()
    {
        var sorted = Enumerable.Range(0, Users).Select(Id).Order(StringComparer.Ordinal).ToList();
        var cursors = Gen.OneOf(
            Gen.Elements(sorted.ToArray()),
            Gen.Elements(sorted.ToArray()).Select(static id => id + "0"), // between an ID and the next
            Gen.Elements("user_", "user_~", "a", "z"));                    // before or after every ID
        var cases = Gen.Elements("asc", "desc").SelectMany(_ => Gen.Choose(1, 100), (order, limit) => (order, limit))
            .SelectMany(_ => Gen.Elements("", "after", "before"), (t, kind) => (t.order, t.limit, kind))
            .SelectMany(_ => cursors, (t, cursor) => (t.order, t.limit, t.kind, cursor));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var inOrder = c.order == "asc" ? sorted : sorted.AsEnumerable().Reverse().ToList();
            bool Earlier(string a, string b) => c.order == "asc" ? string.CompareOrdinal(a, b) < 0 : string.CompareOrdinal(a, b) > 0;
            var expected = c.kind switch
            {
                "after" => inOrder.Where(id => Earlier(c.cursor, id)).Take(c.limit).ToList(),
                "before" => inOrder.Where(id => Earlier(id, c.cursor)).TakeLast(c.limit).ToList(),
                _ => inOrder.Take(c.limit).ToList(),
            };
            var query = $"/user_management/users?limit={c.limit}&order={c.order}" + (c.kind == "" ? "" : $"&{c.kind}={c.cursor}");
            var r = directory.H.Get(query).GetAwaiter().GetResult();
            var (before, after) = expected.Count == 0 ? (null, null)
                : (inOrder.IndexOf(expected[0]) > 0 ? expected[0] : null, inOrder.IndexOf(expected[^1]) < inOrder.Count - 1 ? expected[^1] : null);
            return (r.Code == 200 && Ids(r).SequenceEqual(expected) && Meta(r, "before") == before && Meta(r, "after") == after)
                .Label($"{query}: got {r.Code} [{string.Join(",", Ids(r).Take(3))}…] before {Meta(r, "before")} after {Meta(r, "after")}");
        });
    }

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
