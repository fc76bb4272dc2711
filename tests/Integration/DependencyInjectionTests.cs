using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WorkOS.Functional.DependencyInjection;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary><c>services.AddWorkOS(...)</c> against the emulator: configuration, validation at start, keyed clients, the pipeline.</summary>
public sealed class DependencyInjectionTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly WorkOSHttpOptions FastRetries = WorkOSHttpOptions.Default with { BaseDelay = TimeSpan.FromMilliseconds(10) };

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static Task<User> GetPlain(WorkOSClient client) =>
        client.GetUser(GetUserRequest.Create("user_plain").OrThrow()).RunOrThrow().WaitAsync(Limit);

    /// <summary>Counts the requests of the client it is added to.</summary>
    private sealed class Counter : DelegatingHandler
    {
        public int Count;
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Interlocked.Increment(ref Count);
            return base.SendAsync(request, ct);
        }
    }

    [Fact]
    public async Task AddWorkOS_configuration_binds_the_section_and_the_variables_and_returns_the_client_builder()
    {
        var counter = new Counter();
        var services = new ServiceCollection();
        services.AddWorkOS(Config(("WorkOS:BaseUrl", emu.Emulator.BaseUrl.ToString()), ("WorkOS:ClientId", "client_cfg"), ("WORKOS_API_KEY", emu.Emulator.ApiKey),
                ("WORKOS_CLIENT_ID", "client_env_ignored")))
            .AddHttpMessageHandler(() => counter);
        await using var sp = services.BuildServiceProvider();

        var user = await GetPlain(sp.GetRequiredService<WorkOSClient>());
        Assert.Equal("plain@example.com", user.Email);
        Assert.Equal(1, counter.Count);
        var options = sp.GetRequiredService<IOptions<WorkOSOptions>>().Value;
        Assert.Equal("client_cfg", options.ClientId);
        Assert.DoesNotContain(emu.Emulator.ApiKey, options.ToString());
        Assert.DoesNotContain(emu.Emulator.ApiKey, sp.GetRequiredService<WorkOSClient>().ToString());
    }

    [Fact]
    public async Task The_registered_client_sends_through_the_resilience_pipeline()
    {
        var services = new ServiceCollection();
        services.AddWorkOS(o => (o.ApiKey, o.BaseUrl) = (emu.Emulator.ApiKey, emu.Emulator.BaseUrl.ToString()), FastRetries);
        await using var sp = services.BuildServiceProvider();
        using var http = new HttpClient();
        var hook = await http.PostAsJsonAsync(new Uri(emu.Emulator.BaseUrl, "/_emulate/hooks"),
            new { method = "GET", path = "/user_management/users/user_plain", status = 503, count = 1 });
        hook.EnsureSuccessStatusCode();

        Assert.Equal("user_plain", (await GetPlain(sp.GetRequiredService<WorkOSClient>())).Id); // the 503 was retried
    }

    [Fact]
    public async Task The_host_refuses_to_start_without_a_key_or_with_a_malformed_URL_and_says_which()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddWorkOS(Config(("WorkOS:BaseUrl", "not a url")));
        using var host = builder.Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().WaitAsync(Limit));
        Assert.Contains(ex.Failures, f => f.Contains("API key is missing") && f.Contains("WORKOS_API_KEY"));
        Assert.Contains(ex.Failures, f => f.Contains("base URL") && f.Contains("absolute"));

        var keyed = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        keyed.Services.AddWorkOS("staging", o => (o.ApiKey, o.BaseUrl) = ("sk_test_staging_secret", "http://example.com/?x=1"));
        using var keyedHost = keyed.Build();
        var kex = await Assert.ThrowsAsync<OptionsValidationException>(() => keyedHost.StartAsync().WaitAsync(Limit));
        Assert.Contains(kex.Failures, f => f.Contains("'staging'") && f.Contains("base URL"));
        Assert.DoesNotContain("sk_test_staging_secret", kex.Message);
    }

    [Fact]
    public async Task A_valid_configuration_starts_the_host()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddWorkOS(o => (o.ApiKey, o.BaseUrl) = (emu.Emulator.ApiKey, emu.Emulator.BaseUrl.ToString()));
        using var host = builder.Build();
        await host.StartAsync().WaitAsync(Limit);
        Assert.Equal("user_plain", (await GetPlain(host.Services.GetRequiredService<WorkOSClient>())).Id);
        await host.StopAsync().WaitAsync(Limit);
    }

    public sealed class TwoEnvironments([FromKeyedServices("staging")] WorkOSClient staging, [FromKeyedServices("production")] WorkOSClient production)
    {
        public WorkOSClient Staging => staging;
        public WorkOSClient Production => production;
    }

    [Fact]
    public async Task Keyed_registrations_give_each_environment_its_own_settings()
    {
        var services = new ServiceCollection();
        services.AddWorkOS("staging", Config(("ApiKey", emu.Emulator.ApiKey), ("BaseUrl", emu.Emulator.BaseUrl.ToString())));
        services.AddWorkOS("production", o => (o.ApiKey, o.BaseUrl) = ("sk_test_wrong_key", emu.Emulator.BaseUrl.ToString()));
        services.AddTransient<TwoEnvironments>();
        await using var sp = services.BuildServiceProvider();
        var envs = sp.GetRequiredService<TwoEnvironments>();

        Assert.Equal("user_plain", (await GetPlain(envs.Staging)).Id);
        var ex = await Assert.ThrowsAsync<WorkOSException>(() => GetPlain(envs.Production));
        Assert.Equal(401, Assert.IsType<ApiError>(ex.Error).Status);
        Assert.Null(sp.GetService<WorkOSClient>()); // no unkeyed client was registered
    }
}
