using System.Text;
using System.Text.Json;
using WorkOS.Functional.Emulator;

namespace WorkOS.Functional.Benchmarks;

/// <summary>
/// The emulator under load (issue item 4): a page from the middle of a 20,000-user directory against the
/// same page served canned, and GetUser throughput against an ASP.NET Core hello world on the same machine.
/// Both sides use one plain <see cref="HttpClient"/>, so only the servers differ.
/// </summary>
public sealed class EmulatorBench : IAsyncDisposable
{
    public const int DirectorySize = 20_000;
    public const int Concurrency = 4;

    private readonly WorkOSEmulator emulator;
    private readonly LoopbackServer hello;
    private readonly LoopbackServer canned;
    private readonly HttpClient http = new();
    private readonly string userUrl;
    private readonly string pageUrl;
    private readonly string cannedPageUrl;
    private readonly string helloUrl;

    private EmulatorBench(WorkOSEmulator emulator, LoopbackServer hello, LoopbackServer canned)
    {
        (this.emulator, this.hello, this.canned) = (emulator, hello, canned);
        var query = $"?limit=100&order=desc&after={SeedId(DirectorySize / 2)}";
        userUrl = $"{emulator.BaseUrl.AbsoluteUri.TrimEnd('/')}/user_management/users/{SeedId(4242)}";
        pageUrl = $"{emulator.BaseUrl.AbsoluteUri.TrimEnd('/')}/user_management/users{query}";
        cannedPageUrl = $"{canned.BaseUrl.AbsoluteUri.TrimEnd('/')}/user_management/users{query}";
        helloUrl = hello.BaseUrl.AbsoluteUri;
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + emulator.ApiKey);
    }

    public static string SeedId(int n) => $"user_01HSEED{n:D19}";

    public static async Task<EmulatorBench> Start()
    {
        var emulator = await WorkOSEmulator.StartAsync(new EmulatorOptions { SeedJson = Seed() }).ConfigureAwait(false);
        return new EmulatorBench(emulator, await LoopbackServer.StartHelloWorld().ConfigureAwait(false), await LoopbackServer.StartCanned().ConfigureAwait(false));
    }

    /// <summary>A seed of <see cref="DirectorySize"/> users without passwords (nothing to hash).</summary>
    private static string Seed()
    {
        var sb = new StringBuilder("{\"users\":[");
        for (var i = 0; i < DirectorySize; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append($"{{\"id\":\"{SeedId(i)}\",\"email\":\"person.{i}@example.com\",\"first_name\":\"Person\",\"last_name\":\"{i}\",\"email_verified\":true}}");
        }
        return sb.Append("]}").ToString();
    }

    /// <summary>
    /// Every user of the directory through the client's auto-pagination (<c>ListAllUsers</c>, pages of 100),
    /// with the peak growth of the managed heap seen after each user.
    /// </summary>
    public async Task<(int Users, long PeakHeapGrowth)> ClientPageAll()
    {
        var client = WorkOSClient.Create(emulator.ApiKey, emulator.BaseUrl.AbsoluteUri).IfLeft(e => throw new InvalidOperationException(e.Message));
        var (start, peak, n) = (GC.GetTotalMemory(false), 0L, 0);
        await foreach (var _ in client.ListAllUsers(ListUsersRequest.Default))
        {
            n++;
            peak = Math.Max(peak, GC.GetTotalMemory(false) - start);
        }
        return (n, peak);
    }

    /// <summary>The same walk by hand: GET with the <c>after</c> cursor, <c>DeserializeAsync</c> each page into plain records.</summary>
    public async Task<(int Users, long PeakHeapGrowth)> BaselinePageAll()
    {
        var root = emulator.BaseUrl.AbsoluteUri.TrimEnd('/');
        var (start, peak, n) = (GC.GetTotalMemory(false), 0L, 0);
        string? after = null;
        for (var pages = 0; pages <= DirectorySize / 100; pages++)
        {
            using var response = await http.GetAsync($"{root}/user_management/users?limit=100&order=desc" + (after is null ? "" : $"&after={after}"), HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var page = await JsonSerializer.DeserializeAsync<PlainUserList>(body, BaselineClient.Json).ConfigureAwait(false)
                ?? throw new JsonException("null page");
            foreach (var _ in page.Data)
            {
                n++;
                peak = Math.Max(peak, GC.GetTotalMemory(false) - start);
            }
            after = page.ListMetadata.After;
            if (after is null) break;
        }
        return (n, peak);
    }

    public Task<byte[]> EmulatorPage() => Fetch(pageUrl);
    public Task<byte[]> CannedPage() => Fetch(cannedPageUrl);

    /// <summary><see cref="Concurrency"/> GetUser calls at once: one "op" of the throughput pair.</summary>
    public Task EmulatorGetUsers() => Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Fetch(userUrl)));
    public Task HelloWorlds() => Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Fetch(helloUrl)));

    private async Task<byte[]> Fetch(string url)
    {
        using var response = await http.GetAsync(url).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.IsSuccessStatusCode ? body : throw new HttpRequestException($"{(int)response.StatusCode} from {url}");
    }

    public async Task Check()
    {
        using var page = JsonDocument.Parse(await EmulatorPage());
        var data = page.RootElement.GetProperty("data");
        if (data.GetArrayLength() != 100 || data[0].GetProperty("id").GetString() != SeedId(DirectorySize / 2 - 1))
            throw new InvalidOperationException("the emulator's page is not the expected one");
        await EmulatorGetUsers();
        await HelloWorlds();
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await emulator.DisposeAsync().ConfigureAwait(false);
        await hello.DisposeAsync().ConfigureAwait(false);
        await canned.DisposeAsync().ConfigureAwait(false);
    }
}
