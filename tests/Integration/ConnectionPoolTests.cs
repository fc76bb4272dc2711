using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>
/// The client <c>WorkOSClient.Create(apiKey)</c> makes shares one bounded connection pool: 1000 concurrent operations
/// through one client all succeed over at most <see cref="WorkOSResilience.MaxConnectionsPerServer"/> connections, and
/// many clients do not each open their own pool. A Kestrel server on loopback counts the connections it accepts.
/// </summary>
public sealed class ConnectionPoolTests : IAsyncLifetime
{
    private WebApplication app = null!;
    private readonly ConcurrentDictionary<string, byte> connections = new();
    private int requests;

    private string BaseUrl => app.Urls.First();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Run(async context =>
        {
            connections.TryAdd(context.Connection.Id, 0);
            Interlocked.Increment(ref requests);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"object":"user","id":"user_1","email":"a@example.com","email_verified":true,"created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z"}""");
        });
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_thousand_concurrent_operations_through_one_client_succeed_over_a_bounded_pool()
    {
        var client = Run.Valid(WorkOSClient.Create("sk_test_pool", BaseUrl));
        var get = Run.Valid(GetUserRequest.Create("user_1"));
        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => client.GetUser(get).Run().AsTask()));
        Assert.All(results, static r => Assert.True(r.IsSucc, r.ToString()));
        Assert.Equal(1000, requests);
        Assert.InRange(connections.Count, 1, WorkOSResilience.MaxConnectionsPerServer);
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_hundred_clients_share_one_pool()
    {
        var get = Run.Valid(GetUserRequest.Create("user_1"));
        var results = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(_ => Run.Valid(WorkOSClient.Create("sk_test_pool", BaseUrl)).GetUser(get).Run().AsTask()));
        Assert.All(results, static r => Assert.True(r.IsSucc, r.ToString()));
        Assert.InRange(connections.Count, 1, WorkOSResilience.MaxConnectionsPerServer);
    }
}
