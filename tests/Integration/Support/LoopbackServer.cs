using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WorkOS.Functional.Integration.Support;

/// <summary>One request exactly as it arrived on the socket.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}

/// <summary>A scripted answer.</summary>
public sealed record Reply(int Status, string Body = "", string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static Reply Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, "application/json", headers.ToDictionary(static h => h.Name, static h => h.Value));
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a random port. It records every request verbatim and answers
/// with the function set by <see cref="Respond"/>. Tests check the exact wire request and the client's
/// decoding of real HTTP answers; nothing inside HttpClient is mocked.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private Func<RecordedRequest, Reply> respond = static _ => new Reply(500, "no reply scripted", "text/plain");

    private LoopbackServer(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1");

    public IReadOnlyList<RecordedRequest> Requests => requests.ToList();

    public RecordedRequest Last => requests.Last();

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.Handle);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>Scripts the answer to every following request and forgets earlier requests.</summary>
    public void Respond(Func<RecordedRequest, Reply> reply)
    {
        respond = reply;
        requests.Clear();
    }

    /// <summary>Scripts one fixed answer.</summary>
    public void Respond(Reply reply) => Respond(_ => reply);

    /// <summary>A client for this server with the given key.</summary>
    public WorkOSClient Client(string apiKey = "sk_test_loopback") =>
        WorkOSClient.Create(apiKey, BaseUrl.ToString(), Bounded.Http()).IfLeft(e => throw new InvalidOperationException(e.Message));

    private async Task Handle(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(static h => h.Key.ToLowerInvariant(), static h => h.Value.ToString());
        // The raw request target, exactly as the client escaped it (Request.Path would be decoded).
        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget
            ?? context.Request.Path + context.Request.QueryString;
        var recorded = new RecordedRequest(context.Request.Method, target, headers, body);
        requests.Enqueue(recorded);
        var reply = respond(recorded);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        if (reply.Body.Length > 0)
        {
            context.Response.ContentType = reply.ContentType;
            await context.Response.WriteAsync(reply.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One server per test class.</summary>
public sealed class LoopbackFixture : IAsyncLifetime
{
    public LoopbackServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Helpers to run effects in tests.</summary>
public static class Run
{
    /// <summary>The longest a whole effect (a pipeline of calls) may run in a test before it fails as hung.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Runs the effect, failing the test with a <see cref="TimeoutException"/> after <see cref="Limit"/>.</summary>
    public static async Task<Fin<A>> Bounded<A>(Aff<A> aff) => await aff.Run().AsTask().WaitAsync(Limit);

    public static async Task<A> Succ<A>(Aff<A> aff)
    {
        var fin = await Bounded(aff);
        return fin.Match(Succ: static a => a, Fail: static e => throw new Xunit.Sdk.XunitException($"expected success, got {e.GetType().Name}: {e}"));
    }

    public static async Task<Error> Fail<A>(Aff<A> aff)
    {
        var fin = await Bounded(aff);
        return fin.Match(Succ: static a => throw new Xunit.Sdk.XunitException($"expected failure, got {a}"), Fail: static e => e);
    }

    public static T Valid<T>(Either<Error, T> either) =>
        either.Match(Right: static r => r, Left: static e => throw new Xunit.Sdk.XunitException($"expected a valid request: {e}"));
}
