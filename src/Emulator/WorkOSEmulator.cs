using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkOS.Functional.Emulator.Internal;

namespace WorkOS.Functional.Emulator;

/// <summary>An in-process WorkOS User Management API emulator listening on 127.0.0.1.</summary>
public sealed class WorkOSEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private WorkOSEmulator(WebApplication app, Runtime runtime, Uri baseUrl)
    {
        _app = app;
        Runtime = runtime;
        BaseUrl = baseUrl;
    }

    internal Runtime Runtime { get; }

    /// <summary>Base URL without trailing slash, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The API key the emulator accepts.</summary>
    public string ApiKey => Runtime.Options.ApiKey;

    /// <summary>The client id the emulator accepts.</summary>
    public string ClientId => Runtime.Options.ClientId;

    /// <summary>Starts an emulator and returns once it is listening.</summary>
    public static Task<WorkOSEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken ct = default) =>
        StartCoreAsync(options, consoleLifetime: false, ct);

    internal static async Task<WorkOSEmulator> StartCoreAsync(EmulatorOptions? options, bool consoleLifetime, CancellationToken ct)
    {
        options ??= new EmulatorOptions();
        var runtime = new Runtime(options);
        try
        {
            return await StartAppAsync(options, runtime, consoleLifetime, ct).ConfigureAwait(false);
        }
        catch
        {
            runtime.Dispose();
            throw;
        }
    }

    private static async Task<WorkOSEmulator> StartAppAsync(EmulatorOptions options, Runtime runtime, bool consoleLifetime, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        if (consoleLifetime)
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
            builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        }
        else
        {
            builder.Services.AddSingleton<IHostLifetime, NoopLifetime>();
        }
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        Pipeline.Configure(app, runtime);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'));
        runtime.BaseUrl = baseUrl.GetLeftPart(UriPartial.Authority);
        return new WorkOSEmulator(app, runtime, baseUrl);
    }

    internal Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Stops the server and releases its resources.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            Runtime.Dispose();
        }
    }

    private sealed class NoopLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
