using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WorkOS.Functional;
using WorkOS.Functional.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="WorkOSClient"/>: over a named <see cref="HttpClient"/> from <c>IHttpClientFactory</c>
/// with the library's resilience pipeline, with <see cref="WorkOSOptions"/> validated when the host starts.
/// Each method returns the <see cref="IHttpClientBuilder"/> so you can add handlers. The client is transient
/// (cheap: it holds the key, the base URL and a factory-made <see cref="HttpClient"/>), so the factory's
/// handler rotation applies.
/// </summary>
public static class WorkOSServiceCollectionExtensions
{
    /// <summary>The <c>IHttpClientFactory</c> name of the unkeyed client; a keyed one is <c>WorkOS:{name}</c>.</summary>
    public const string HttpClientName = "WorkOS";

    /// <summary>
    /// Registers <see cref="WorkOSClient"/> configured from the <c>WorkOS</c> section of
    /// <paramref name="configuration"/> (<c>ApiKey</c>, <c>ClientId</c>, <c>BaseUrl</c>), falling back to the keys
    /// <c>WORKOS_API_KEY</c>, <c>WORKOS_CLIENT_ID</c>, <c>WORKOS_BASE_URL</c> of the same configuration (a host's
    /// configuration includes the environment variables).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The application's configuration root.</param>
    /// <param name="http">Retries, timeouts and limits; <see cref="WorkOSHttpOptions.Default"/> when null.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddWorkOS(this IServiceCollection services, IConfiguration configuration, WorkOSHttpOptions? http = null) =>
        services.AddWorkOS(o => Bind(o, configuration.GetSection(WorkOSOptions.SectionName), Some(configuration)), http);

    /// <summary>Registers <see cref="WorkOSClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <param name="http">Retries, timeouts and limits; <see cref="WorkOSHttpOptions.Default"/> when null.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddWorkOS(this IServiceCollection services, Action<WorkOSOptions> configure, WorkOSHttpOptions? http = null)
    {
        Register(services, Options.Options.DefaultName, configure, http);
        services.TryAddTransient(static sp => Build(sp, Options.Options.DefaultName));
        return Http(services.AddHttpClient(HttpClientName), http);
    }

    /// <summary>
    /// Registers a keyed <see cref="WorkOSClient"/> (resolve it with <c>[FromKeyedServices("staging")]</c> or
    /// <c>GetRequiredKeyedService</c>), one per environment, configured from <paramref name="section"/>
    /// (e.g. <c>configuration.GetSection("WorkOS:Staging")</c>) with the same keys as the <c>WorkOS</c> section.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The service key and options name.</param>
    /// <param name="section">The section holding <c>ApiKey</c>, <c>ClientId</c>, <c>BaseUrl</c>.</param>
    /// <param name="http">Retries, timeouts and limits; <see cref="WorkOSHttpOptions.Default"/> when null.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddWorkOS(this IServiceCollection services, string name, IConfiguration section, WorkOSHttpOptions? http = null) =>
        services.AddWorkOS(name, o => Bind(o, section, None), http);

    /// <summary>Registers a keyed <see cref="WorkOSClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The service key and options name (not empty).</param>
    /// <param name="configure">Sets the options.</param>
    /// <param name="http">Retries, timeouts and limits; <see cref="WorkOSHttpOptions.Default"/> when null.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddWorkOS(this IServiceCollection services, string name, Action<WorkOSOptions> configure, WorkOSHttpOptions? http = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Register(services, name, configure, http);
        services.TryAddKeyedTransient<WorkOSClient>(name, static (sp, key) => Build(sp, (string)key!));
        return Http(services.AddHttpClient(HttpName(name)), http);
    }

    /// <summary>The resilience pipeline, then (inside it, so it sees every attempt) the attempt counter.</summary>
    private static IHttpClientBuilder Http(IHttpClientBuilder builder, WorkOSHttpOptions? http) =>
        builder.AddWorkOSResilience(http)
            .AddHttpMessageHandler(static sp => new WorkOSAttemptHandler(sp.GetService<ILoggerFactory>()?.CreateLogger(WorkOSTelemetry.Name)));

    private static string HttpName(string name) => name == Options.Options.DefaultName ? HttpClientName : $"{HttpClientName}:{name}";

    private static void Register(IServiceCollection services, string name, Action<WorkOSOptions> configure, WorkOSHttpOptions? http)
    {
        services.AddOptions<WorkOSOptions>(name).Configure(configure).ValidateOnStart();
        services.AddSingleton(new HttpOptionsFor(name, http ?? WorkOSHttpOptions.Default));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkOSOptions>, WorkOSOptionsValidator>(static sp =>
        {
            var all = sp.GetServices<HttpOptionsFor>().ToList();
            return new WorkOSOptionsValidator(n => all.LastOrDefault(h => h.Name == n)?.Options ?? WorkOSHttpOptions.Default);
        }));
    }

    private static void Bind(WorkOSOptions options, IConfiguration section, Option<IConfiguration> variables)
    {
        options.ApiKey = First(section["ApiKey"], variables, "WORKOS_API_KEY");
        options.ClientId = First(section["ClientId"], variables, "WORKOS_CLIENT_ID");
        options.BaseUrl = First(section["BaseUrl"], variables, "WORKOS_BASE_URL");
    }

    private static string? First(string? value, Option<IConfiguration> variables, string variable) =>
        !string.IsNullOrWhiteSpace(value) ? value : variables.MatchUnsafe(Some: c => c[variable], None: () => null);

    private static WorkOSClient Build(IServiceProvider sp, string name)
    {
        var options = sp.GetRequiredService<IOptionsMonitor<WorkOSOptions>>().Get(name);
        var http = sp.GetServices<HttpOptionsFor>().LastOrDefault(h => h.Name == name)?.Options ?? WorkOSHttpOptions.Default;
        var client = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpName(name));
        return WorkOSClient.Create(options.ApiKey, http, options.BaseUrl, client)
            .Map(c => c.WithLogger(sp.GetService<ILoggerFactory>()?.CreateLogger(WorkOSTelemetry.Name) ?? NullLogger.Instance))
            .IfLeft(e => throw new OptionsValidationException(name, typeof(WorkOSOptions), [e.Message]));
    }

    /// <summary>The HTTP options a registration was made with, by options name.</summary>
    private sealed record HttpOptionsFor(string Name, WorkOSHttpOptions Options);
}
