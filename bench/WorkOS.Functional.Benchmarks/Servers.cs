using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WorkOS.Functional.Benchmarks;

/// <summary>
/// An in-process Kestrel server on 127.0.0.1 (a free port). The canned one answers fixed bytes by path,
/// so both sides of a pair pay exactly the same server cost; the hello-world one is the reference
/// the emulator's throughput is compared with.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    /// <summary>Under this base path prefix the authenticate endpoint answers the 403 <c>mfa_challenge</c>.</summary>
    public const string MfaPrefix = "/mfa";

    private readonly WebApplication app;

    private LoopbackServer(WebApplication app, Uri baseUrl) => (this.app, BaseUrl) = (app, baseUrl);

    /// <summary>e.g. <c>http://127.0.0.1:41234</c>, no trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Canned answers: the user, the 100-user page, the authenticate answer, and the step-up.</summary>
    public static Task<LoopbackServer> StartCanned() => Start(app => app.Run(Answer));

    /// <summary>The ASP.NET Core hello world: <c>MapGet("/", () =&gt; "Hello World!")</c>.</summary>
    public static Task<LoopbackServer> StartHelloWorld() => Start(app => app.MapGet("/", () => "Hello World!"));

    private static Task Answer(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        var (status, body) = path switch
        {
            "/user_management/users/" + Fixtures.UserId => (200, Fixtures.User),
            "/user_management/users" => (200, Fixtures.UsersPage),
            "/user_management/authenticate" => (200, Fixtures.Authenticate),
            MfaPrefix + "/user_management/authenticate" => (403, Fixtures.MfaChallenge),
            _ => (404, System.Array.Empty<byte>()),
        };
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = body.Length;
        ctx.Response.Headers["X-Request-ID"] = "req_01HBENCHREQUEST0000000000001";
        return ctx.Response.Body.WriteAsync(body, 0, body.Length);
    }

    private static async Task<LoopbackServer> Start(Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        configure(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/')));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
