using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOS.Functional.AspNetCore.Tests.Support;

namespace WorkOS.Functional.AspNetCore.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task A_short_cookie_password_stops_the_host_at_start_without_showing_it()
    {
        const string shortPassword = "too-short-secret-17";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddWorkOS(o => (o.ApiKey, o.ClientId, o.BaseUrl) = ("sk_test_x", "client_x", "http://127.0.0.1:9"));
        builder.Services.AddAuthentication().AddWorkOSSession(o => o.CookiePassword = shortPassword);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().WaitAsync(Bounded.Call));

        Assert.Contains("cookie password", error.Message);
        Assert.Contains("WORKOS_COOKIE_PASSWORD", error.Message);
        Assert.DoesNotContain(shortPassword, error.Message);
    }

    [Fact]
    public void Options_never_print_the_cookie_password()
    {
        var options = new WorkOSSessionOptions { CookiePassword = TestApp.CookiePassword, ClientId = "client_x" };

        Assert.DoesNotContain(TestApp.CookiePassword, options.ToString());
        Assert.Contains("***", options.ToString());
        Assert.Equal("/auth/sign-in", options.SignInPath);
        Assert.Equal("/auth/callback", new WorkOSSessionOptions { PathPrefix = "/auth/" }.CallbackPath);
    }
}
