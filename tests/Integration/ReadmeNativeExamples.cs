using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

    // <readme:tasks>
    public static async Task<string> EmailOf(WorkOSClient client, string userId)
    {
        User user = await client.GetUser(GetUserRequest.Create(userId).OrThrow()).RunOrThrow();  // throws WorkOSException
        return user.Email;
    }

    public static async Task<string> DescribeUser(WorkOSClient client, string userId)
    {
        var (user, error) = await client.GetUser(GetUserRequest.Create(userId).OrThrow()).RunResult();
        return error switch
        {
            null => $"{user!.Id} {user.Email}",
            ApiError { Status: 404 } => "no such user",
            _ => $"failed: {error.Message}",
        };
    }
    // </readme:tasks>
}

// <readme:di>
public static class Startup
{
    public static void AddUserDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkOS(configuration);                                        // WorkOS:ApiKey or WORKOS_API_KEY, …
        services.AddWorkOS("staging", configuration.GetSection("WorkOS:Staging"))  // a second environment, keyed
            .SetHandlerLifetime(TimeSpan.FromMinutes(5));                         // the IHttpClientBuilder: add handlers, …
        services.AddTransient<UserDirectory>();
    }
}

public sealed class UserDirectory(WorkOSClient production, [FromKeyedServices("staging")] WorkOSClient staging)
{
    public Task<User> Find(string userId, bool onStaging) =>
        (onStaging ? staging : production).GetUser(GetUserRequest.Create(userId).OrThrow()).RunOrThrow();
}
// </readme:di>

public sealed class ReadmeNativeExampleTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("paging")]
    [InlineData("tasks")]
    [InlineData("di")]
    public void The_README_shows_the_compiled_example_verbatim(string region)
        => Repository.AssertReadmeShows("ReadmeNativeExamples.cs", region);

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

    [Fact]
    public async Task The_Task_examples_run_and_throw_or_return_the_typed_error()
    {
        Assert.Equal("plain@example.com", await ReadmeNativeExamples.EmailOf(emu.Client, "user_plain"));
        var missing = await Assert.ThrowsAsync<WorkOSException>(() => ReadmeNativeExamples.EmailOf(emu.Client, "user_nobody"));
        Assert.Equal(404, Assert.IsType<ApiError>(missing.Error).Status);
        Assert.Equal(ErrorCodes.ApiError, missing.Code);

        Assert.Equal("user_plain plain@example.com", await ReadmeNativeExamples.DescribeUser(emu.Client, "user_plain"));
        Assert.Equal("no such user", await ReadmeNativeExamples.DescribeUser(emu.Client, "user_nobody"));

        var invalid = await Assert.ThrowsAsync<WorkOSException>(() => ReadmeNativeExamples.EmailOf(emu.Client, " "));
        Assert.Equal("user_id", Assert.Single(Assert.IsType<InvalidRequest>(invalid.Error).Problems).Field);
    }

    [Fact]
    public async Task RunResult_reports_success_and_failure_and_the_exception_never_prints_a_secret()
    {
        var ok = await emu.Client.GetUser(Run.Valid(GetUserRequest.Create("user_plain"))).RunResult();
        Assert.True(ok.IsSuccess);
        Assert.Null(ok.Error);
        Assert.Equal("user_plain", ok.Value!.Id);

        const string password = "Sup3r-Secret-Pw-9";
        var failed = await emu.Client
            .AuthenticateWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create(emu.ClientId, "plain@example.com", password)))
            .RunResult();
        Assert.False(failed.IsSuccess);
        Assert.IsType<ApiError>(failed.Error);
        var thrown = await Assert.ThrowsAsync<WorkOSException>(() => emu.Client
            .AuthenticateWithPassword(Run.Valid(AuthenticateWithPasswordRequest.Create(emu.ClientId, "plain@example.com", password))).RunOrThrow());
        Assert.DoesNotContain(password, thrown.ToString());
        Assert.DoesNotContain(password, failed.ToString());
        Assert.DoesNotContain(emu.Emulator.ApiKey, thrown.ToString());
    }

    [Fact]
    public async Task The_DI_example_resolves_both_environments()
    {
        var url = emu.Emulator.BaseUrl.ToString();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WorkOS:ApiKey"] = emu.Emulator.ApiKey, ["WorkOS:BaseUrl"] = url,
            ["WorkOS:Staging:ApiKey"] = emu.Emulator.ApiKey, ["WorkOS:Staging:BaseUrl"] = url,
        }).Build();
        var services = new ServiceCollection();
        services.AddUserDirectory(configuration);
        await using var sp = services.BuildServiceProvider();
        var directory = sp.GetRequiredService<UserDirectory>();
        Assert.Equal("user_plain", (await directory.Find("user_plain", onStaging: false).WaitAsync(TimeSpan.FromSeconds(30))).Id);
        Assert.Equal("user_plain", (await directory.Find("user_plain", onStaging: true).WaitAsync(TimeSpan.FromSeconds(30))).Id);
    }
}
