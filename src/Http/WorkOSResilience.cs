using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Timeout;

namespace WorkOS.Functional.Http;

/// <summary>
/// The one place where the client's HTTP resilience is configured: which failures are retried
/// (<see cref="ShouldRetry"/>), how long to wait (exponential backoff with jitter, or the server's
/// <c>Retry-After</c> within <see cref="WorkOSHttpOptions.RetryAfterCap"/>), and the per-attempt and total
/// timeouts. <see cref="AddWorkOSResilience"/> puts it on an <c>IHttpClientFactory</c> client;
/// <see cref="CreateHttpClient(WorkOSHttpOptions?)"/> is what <c>WorkOSClient.Create</c> uses when given no <see cref="HttpClient"/>.
/// </summary>
public static class WorkOSResilience
{
    /// <summary>The name of the resilience pipeline this library builds.</summary>
    public const string PipelineName = "workos";

    /// <summary>The statuses an idempotent request (GET, HEAD, PUT, DELETE, OPTIONS) is retried on.</summary>
    public static readonly IReadOnlySet<int> RetryableStatuses = new System.Collections.Generic.HashSet<int> { 408, 429, 500, 502, 503, 504 };

    /// <summary>The one process-wide connection pool of the clients <see cref="CreateHttpClient(WorkOSHttpOptions?)"/> makes.</summary>
    private static readonly Lazy<SocketsHttpHandler> SharedHandler = new(NewHandler);

    /// <summary>
    /// The connection handler of every client this library sets up, shared or from <c>IHttpClientFactory</c>:
    /// connections are recycled every 2 minutes (so DNS changes are seen), at most 32 per server, and
    /// redirects are never followed (a redirect would re-send the API key, a password or a code to another host).
    /// </summary>
    private static SocketsHttpHandler NewHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
        MaxConnectionsPerServer = MaxConnectionsPerServer,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.All,
    };

    /// <summary>How many connections to one server the shared pool opens at most; further requests queue.</summary>
    public const int MaxConnectionsPerServer = 32;

    /// <summary>
    /// The retry rule, whole. Never retried: <c>POST /user_management/authenticate</c> (its codes and refresh
    /// tokens are single-use, and it is rate-limited per email), and a request the caller cancelled.
    /// A POST (or any other non-idempotent method) is retried only where the server cannot have acted on it:
    /// a 429, or a connection that could not be established (<see cref="HttpRequestError.ConnectionError"/>).
    /// GET, HEAD, PUT, DELETE and OPTIONS are retried on 408, 429, 500, 502, 503, 504, any transport failure
    /// and an attempt that timed out. (WorkOS honours <c>Idempotency-Key</c> only on audit-log events, so no
    /// key makes a user-management POST safe to replay.)
    /// </summary>
    /// <param name="method">The request's method.</param>
    /// <param name="path">The request's absolute path.</param>
    /// <param name="status">The answer's status, when there was one.</param>
    /// <param name="exception">What the attempt threw, when there was no answer.</param>
    public static bool ShouldRetry(HttpMethod method, string path, int? status, Exception? exception)
    {
        if (path.TrimEnd('/').EndsWith("/user_management/authenticate", StringComparison.OrdinalIgnoreCase)) return false;
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options;
        return (status, exception) switch
        {
            (429, _) => true,
            ({ } s, _) => idempotent && RetryableStatuses.Contains(s),
            (null, HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }) => true,
            (null, HttpRequestException or TimeoutRejectedException) => idempotent,
            _ => false,
        };
    }

    /// <summary>
    /// Adds this library's retry and timeout handler (the retry and the per-attempt timeout, bounded by the total;
    /// see the class summary) to an <c>IHttpClientFactory</c> client, makes its primary handler refuse
    /// redirects, and leaves timing to the handler (<see cref="HttpClient.Timeout"/> infinite). Handlers added
    /// after it sit inside it and see every attempt.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="options">The options; <see cref="WorkOSHttpOptions.Default"/> when <c>null</c>.</param>
    /// <returns>The same builder, to chain.</returns>
    public static IHttpClientBuilder AddWorkOSResilience(this IHttpClientBuilder builder, WorkOSHttpOptions? options = null)
    {
        var o = options ?? WorkOSHttpOptions.Default;
        builder.ConfigurePrimaryHttpMessageHandler(NewHandler);
        builder.ConfigureHttpClient(static c => c.Timeout = Timeout.InfiniteTimeSpan);
        var pipeline = Build(o); // built once per registration; a pipeline is immutable and safe to share
        builder.AddHttpMessageHandler(() => new WorkOSResilienceHandler(o, pipeline));
        return builder;
    }

    /// <summary>
    /// A new <see cref="HttpClient"/> over the one shared connection pool with this library's pipeline:
    /// what <c>WorkOSClient.Create</c> uses when it is given no client. Cheap: make as many as you like.
    /// </summary>
    /// <param name="options">The options; <see cref="WorkOSHttpOptions.Default"/> when <c>null</c>.</param>
    public static HttpClient CreateHttpClient(WorkOSHttpOptions? options = null) => CreateHttpClient(options, null);

    /// <summary>
    /// As <see cref="CreateHttpClient(WorkOSHttpOptions?)"/>, with <paramref name="eachAttempt"/> between the
    /// pipeline and the shared pool, so it sees every attempt (retries included): <c>WorkOSClient.Create</c>
    /// puts its attempt counter there. The handler must be new (its inner handler is set here) and is not disposed
    /// with the client.
    /// </summary>
    /// <param name="options">The options; <see cref="WorkOSHttpOptions.Default"/> when <c>null</c>.</param>
    /// <param name="eachAttempt">A new handler to run inside the retries, or <c>null</c> for none.</param>
    public static HttpClient CreateHttpClient(WorkOSHttpOptions? options, DelegatingHandler? eachAttempt)
    {
        HttpMessageHandler pool = SharedHandler.Value;
        if (eachAttempt is not null)
        {
            eachAttempt.InnerHandler = pool;
            pool = eachAttempt;
        }
        // disposeHandler: false, so disposing the client never disposes the shared pool.
        var pipeline = options is null || ReferenceEquals(options, WorkOSHttpOptions.Default) ? DefaultPipeline.Value : Build(options);
        return new(new WorkOSResilienceHandler(options ?? WorkOSHttpOptions.Default, pipeline) { InnerHandler = pool }, disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The pipeline of <see cref="WorkOSHttpOptions.Default"/>, built once: clients made with the defaults share it.</summary>
    private static readonly Lazy<ResiliencePipeline<HttpResponseMessage>> DefaultPipeline = new(static () => Build(WorkOSHttpOptions.Default));

    /// <summary>
    /// The pipeline alone, as a value: the policy <see cref="AddWorkOSResilience"/> and <see cref="CreateHttpClient(WorkOSHttpOptions?)"/>
    /// apply (their handler makes a call's first attempt itself, by the same limit and rule, and hands a call to retry to this pipeline).
    /// </summary>
    /// <param name="options">The options.</param>
    public static ResiliencePipeline<HttpResponseMessage> Build(WorkOSHttpOptions options) =>
        Configure(new ResiliencePipelineBuilder<HttpResponseMessage>(), options).Build();

    /// <summary>
    /// Adds this library's two strategies to <paramref name="pipeline"/>, the retry (<c>workos-retry</c>) and inside it
    /// the attempt timeout (<c>workos-attempt</c>): every attempt runs under
    /// <see cref="WorkOSHttpOptions.AttemptTimeout"/> or what is left of <see cref="WorkOSHttpOptions.TotalTimeout"/>,
    /// whichever is sooner (an attempt that runs out ends in Polly's <see cref="TimeoutRejectedException"/>); an outcome
    /// <see cref="ShouldRetry"/> allows is retried, at most <see cref="WorkOSHttpOptions.MaxRetries"/> times, after the
    /// server's <c>Retry-After</c> when it gave one, otherwise an exponential backoff with jitter. A <c>Retry-After</c>
    /// beyond <see cref="WorkOSHttpOptions.RetryAfterCap"/>, or any wait beyond what is left of the total, is not waited
    /// for: the last answer goes back to the caller at once (a 429 decodes to <see cref="RateLimited"/> with the
    /// server's value). Strategies added before it run around all its attempts, ones added after it around each attempt.
    /// The strategy reads the request from the context (<c>HttpResilienceContextExtensions.GetRequestMessage</c>), as
    /// Microsoft's <c>ResilienceHandler</c> and this library's handler set it, and waits by the builder's
    /// <see cref="ResiliencePipelineBuilderBase.TimeProvider"/>.
    /// </summary>
    /// <param name="pipeline">The builder to add to.</param>
    /// <param name="options">The options.</param>
    /// <returns>The same builder.</returns>
    public static ResiliencePipelineBuilder<HttpResponseMessage> Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, WorkOSHttpOptions options) =>
        pipeline
            .AddStrategy(context => new WorkOSRetryStrategy(options, context.TimeProvider), new StrategyOptions())
            // Generated, not fixed: Polly validates a fixed timeout against 10 ms–24 h, and WorkOSHttpOptions allows any positive value.
            .AddTimeout(new TimeoutStrategyOptions
            {
                Name = "workos-attempt",
                TimeoutGenerator = args => ValueTask.FromResult(WorkOSRetryStrategy.AttemptTimeout(args.Context, options)),
            });

    /// <summary>The name under which Polly knows the library's strategy.</summary>
    private sealed class StrategyOptions : ResilienceStrategyOptions
    {
        public StrategyOptions() => Name = "workos-retry";
    }
}
