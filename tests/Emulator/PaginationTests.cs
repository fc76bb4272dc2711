namespace WorkOS.Functional.Emulator.Tests;

public class PaginationTests
{
    private static async Task<(Harness H, List<string> Ids)> Setup(int n)
    {
        var h = await Harness.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < n; i++) ids.Add((await h.CreateUser($"p{i:00}@example.com", password: null))["id"]!.GetValue<string>());
        return (h, ids);
    }

    private static List<string> Ids(Resp r) => r.J["data"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).ToList();
    private static string? Meta(Resp r, string k) => r.J["list_metadata"]![k]?.GetValue<string>();

    [Theory]
    [InlineData("desc")]
    [InlineData("asc")]
    public async Task Walk_forward_then_backward_without_skips_or_repeats(string order)
    {
        var (h, created) = await Setup(7);
        await using var _ = h;
        var expected = order == "asc" ? created : created.AsEnumerable().Reverse().ToList();

        var seen = new List<string>();
        string? after = null;
        var pages = new List<Resp>();
        do
        {
            // 7 users fill 3 pages of 3: a 4th request means the server ignores the cursor (fail, never spin).
            Assert.True(pages.Count < 3, $"more than 3 pages for 7 users (after={after})");
            var r = await h.Get($"/user_management/users?limit=3&order={order}" + (after is null ? "" : $"&after={after}"));
            Assert.Equal(200, r.Code);
            pages.Add(r);
            seen.AddRange(Ids(r));
            after = Meta(r, "after");
        } while (after is not null);
        Assert.Equal(expected, seen);
        Assert.Equal(3, pages.Count);
        Assert.Null(Meta(pages[0], "before"));
        Assert.Equal(seen[0 + 3], Meta(pages[1], "before"));

        // backward from the last page
        var back = new List<string>();
        string? before = Meta(pages[^1], "before");
        back.InsertRange(0, Ids(pages[^1]));
        for (var backPages = 1; before is not null; backPages++)
        {
            Assert.True(backPages < 3, $"more than 3 pages backward for 7 users (before={before})");
            var r = await h.Get($"/user_management/users?limit=3&order={order}&before={before}");
            back.InsertRange(0, Ids(r));
            before = Meta(r, "before");
        }
        Assert.Equal(expected, back);
    }

    [Fact]
    public async Task Default_is_limit_10_desc()
    {
        var (h, created) = await Setup(12);
        await using var _ = h;
        var r = await h.Get("/user_management/users");
        Assert.Equal(created.AsEnumerable().Reverse().Take(10), Ids(r));
        Assert.Equal(created[2], Meta(r, "after"));
        Assert.Null(Meta(r, "before"));
    }

    [Fact]
    public async Task Exact_fit_page_has_null_after()
    {
        var (h, _) = await Setup(3);
        await using var __ = h;
        var r = await h.Get("/user_management/users?limit=3");
        Assert.Equal(3, Ids(r).Count);
        Assert.Null(Meta(r, "after"));
        Assert.Null(Meta(r, "before"));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=abc")]
    [InlineData("limit=-1")]
    [InlineData("order=sideways")]
    public async Task Bad_limit_or_order_is_422(string query)
    {
        await using var h = await Harness.StartAsync();
        var r = await h.Get("/user_management/users?" + query);
        Assert.Equal(422, r.Code);
        Assert.Equal(query.Split('=')[0], r.J["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Limit_100_is_accepted()
    {
        await using var h = await Harness.StartAsync();
        Assert.Equal(200, (await h.Get("/user_management/users?limit=100&order=asc")).Code);
    }
}
