using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace WorkOS.Functional.Benchmarks;

// The full BenchmarkDotNet suite: each category is one pair, the hand-written floor marked Baseline,
// so the Ratio and Alloc Ratio columns are client / floor within the same run.

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EndToEnd
{
    private Workbench bench = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        bench = await Workbench.Start();
        await bench.Check();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await bench.DisposeAsync();

    [Benchmark(Baseline = true), BenchmarkCategory("GetUser")]
    public Task<PlainUser> GetUserBaseline() => bench.BaselineGetUser();

    [Benchmark, BenchmarkCategory("GetUser")]
    public Task<User> GetUserClient() => bench.ClientGetUser();

    [Benchmark, BenchmarkCategory("GetUser")]
    public Task<User> GetUserClientWithoutResilienceHandlers() => bench.PlainClientGetUser();

    [Benchmark(Baseline = true), BenchmarkCategory("ListUsers100")]
    public Task<PlainUserList> ListUsersBaseline() => bench.BaselineListUsers();

    [Benchmark, BenchmarkCategory("ListUsers100")]
    public Task<ListUsersResponse> ListUsersClient() => bench.ClientListUsers();

    [Benchmark(Baseline = true), BenchmarkCategory("AuthenticateWithPassword")]
    public Task<PlainAuthenticateResponse> AuthenticateBaseline() => bench.BaselineAuthenticate();

    [Benchmark, BenchmarkCategory("AuthenticateWithPassword")]
    public Task<AuthenticateResponse> AuthenticateClient() => bench.ClientAuthenticate();
}

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Pure
{
    private Workbench bench = null!;

    [GlobalSetup]
    public async Task Setup() => bench = await Workbench.Start();

    [GlobalCleanup]
    public async Task Cleanup() => await bench.DisposeAsync();

    [Benchmark(Baseline = true), BenchmarkCategory("EncodeCreateUser")]
    public byte[] EncodeCreateUserBaseline() => Workbench.BaselineEncodeCreateUser();

    [Benchmark, BenchmarkCategory("EncodeCreateUser")]
    public ReadOnlyMemory<byte> EncodeCreateUserClient() => Workbench.ClientEncodeCreateUser();

    [Benchmark(Baseline = true), BenchmarkCategory("DecodeUser")]
    public PlainUser DecodeUserBaseline() => Workbench.BaselineDecodeUser();

    [Benchmark, BenchmarkCategory("DecodeUser")]
    public User DecodeUserClient() => bench.ClientDecodeUser();

    [Benchmark(Baseline = true), BenchmarkCategory("DecodeUsersPage")]
    public PlainUserList DecodePageBaseline() => Workbench.BaselineDecodePage();

    [Benchmark, BenchmarkCategory("DecodeUsersPage")]
    public ListUsersResponse DecodePageClient() => bench.ClientDecodePage();

    [Benchmark(Baseline = true), BenchmarkCategory("DecodeStepUp")]
    public PlainMfaChallenge DecodeStepUpBaseline() => Workbench.BaselineDecodeStepUp();

    [Benchmark, BenchmarkCategory("DecodeStepUp")]
    public Error DecodeStepUpClient() => bench.ClientDecodeStepUp();
}

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EmulatorServer
{
    private EmulatorBench bench = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        bench = await EmulatorBench.Start();
        await bench.Check();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await bench.DisposeAsync();

    [Benchmark(Baseline = true), BenchmarkCategory("Page at 20k users")]
    public Task<byte[]> CannedPage() => bench.CannedPage();

    [Benchmark, BenchmarkCategory("Page at 20k users")]
    public Task<byte[]> EmulatorPage() => bench.EmulatorPage();

    [Benchmark(Baseline = true), BenchmarkCategory("GetUser x4 concurrent")]
    public Task HelloWorld() => bench.HelloWorlds();

    [Benchmark, BenchmarkCategory("GetUser x4 concurrent")]
    public Task EmulatorGetUser() => bench.EmulatorGetUsers();
}
