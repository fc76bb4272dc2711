using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace WorkOS.Functional;

/// <summary>
/// The library's telemetry, all named <see cref="Name"/>: an <see cref="System.Diagnostics.ActivitySource"/> with one
/// client span per operation, a <see cref="System.Diagnostics.Metrics.Meter"/> with the operations' duration and count,
/// and <see cref="ILogger"/> messages (see <see cref="WorkOSClient.WithLogger"/>). What is reported is an allow-list:
/// operation, HTTP method, the path with secret segments (the invitation token) as <c>***</c>, server, status,
/// request id, attempt count and outcome; never a query string, header, body, key, token, code or password.
/// When nobody listens (no activity listener, no meter listener, no enabled logger) an operation runs as if
/// none of this existed.
/// </summary>
public static class WorkOSTelemetry
{
    /// <summary>The name of the activity source and the meter: <c>WorkOS.Functional</c>.</summary>
    public const string Name = "WorkOS.Functional";

    /// <summary>Spans: one per operation, named <c>WorkOS {Operation}</c>, kind client.</summary>
    public static readonly ActivitySource ActivitySource = new(Name, typeof(WorkOSTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Metrics: <c>workos.client.operation.duration</c> (s) and <c>workos.client.operations</c>.</summary>
    public static readonly Meter Meter = new(Name, typeof(WorkOSTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "workos.client.operation.duration", "s", "How long each WorkOS operation took, retries included.");

    private static readonly Counter<long> Operations = Meter.CreateCounter<long>(
        "workos.client.operations", "{operation}", "WorkOS operations run, by operation and outcome.");

    /// <summary>The custom property of the operation's span where <see cref="WorkOSAttemptHandler"/> counts attempts.</summary>
    internal const string AttemptsProperty = "workos.attempts";

    /// <summary>The custom property of the operation's span holding the client's logger, for <see cref="WorkOSAttemptHandler"/>.</summary>
    internal const string LoggerProperty = "workos.logger";

    private static readonly Action<ILogger, string, string, string, Exception?> LogRequest = LoggerMessage.Define<string, string, string>(
        LogLevel.Debug, new EventId(1, "WorkOSRequest"), "WorkOS {Operation}: {Method} {Path}");

    private static readonly Action<ILogger, string, int, string, double, Exception?> LogCompleted = LoggerMessage.Define<string, int, string, double>(
        LogLevel.Information, new EventId(2, "WorkOSCompleted"), "WorkOS {Operation} answered {Status} (request id {RequestId}) in {ElapsedMs:F1} ms");

    private static readonly Action<ILogger, string, string, int, string, double, Exception?> LogFailed = LoggerMessage.Define<string, string, int, string, double>(
        LogLevel.Warning, new EventId(3, "WorkOSFailed"), "WorkOS {Operation} failed with {ErrorType} (status {Status}, request id {RequestId}) in {ElapsedMs:F1} ms");

    private static bool Observed(ILogger logger) =>
        ActivitySource.HasListeners() || Duration.Enabled || Operations.Enabled || logger.IsEnabled(LogLevel.Debug) || logger.IsEnabled(LogLevel.Warning);

    /// <summary>
    /// Runs one operation: plainly when nobody listens, otherwise inside a span with metrics and logs.
    /// Decided on each run, so listeners attached later are seen.
    /// </summary>
    internal static Aff<A> Operation<A>(HttpIO http, Uri baseUrl, ILogger logger, string operation, HttpRequestSpec request,
        Func<HttpResponseSpec, Either<Error, A>> decode, CancellationToken ct) =>
        // No async lambda and no inner effect: unobserved, an operation is the bare exchange (one state machine fewer per call).
        AffMaybe<A>(() => Observed(logger)
            ? Observe(http, baseUrl, logger, operation, request, decode, ct)
            : Interpreter.Exchange(http, request, decode, ct));

    private static async ValueTask<Fin<A>> Observe<A>(HttpIO http, Uri baseUrl, ILogger logger, string operation, HttpRequestSpec request,
        Func<HttpResponseSpec, Either<Error, A>> decode, CancellationToken ct)
    {
        var method = request.Method.Method;
        var path = MaskedPath(request);
        using var activity = ActivitySource.StartActivity($"WorkOS {operation}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("workos.operation", operation);
            activity.SetTag("http.request.method", method);
            activity.SetTag("url.path", path);
            activity.SetTag("server.address", baseUrl.Host);
            activity.SetTag("server.port", baseUrl.Port);
        }
        activity?.SetCustomProperty(LoggerProperty, logger);
        LogRequest(logger, operation, method, path, null);

        var started = Stopwatch.GetTimestamp();
        HttpResponseSpec? answer = null;
        var fin = await Interpreter.Exchange(http, request, r => { answer = r; return decode(r); }, ct).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var error = fin.Match(Succ: static _ => (Error?)null, Fail: static e => e);
        var status = answer?.Status ?? error switch { WorkOSError w => w.Status, DecodeError d => d.Status, _ => 0 };
        var requestId = answer?.Header("x-request-id").IfNone("") ?? (error as WorkOSError)?.RequestId ?? "";
        var outcome = error is null ? "success" : error.GetType().Name;
        var attempts = activity?.GetCustomProperty(AttemptsProperty) as int?;

        if (activity is { IsAllDataRequested: true })
        {
            if (status != 0) activity.SetTag("http.response.status_code", status);
            if (requestId.Length > 0) activity.SetTag("workos.request_id", requestId);
            if (attempts is { } n)
            {
                activity.SetTag("workos.attempt_count", n);
                activity.SetTag("workos.retried", n > 1);
            }
            activity.SetTag("workos.outcome", outcome);
            if (error is not null)
            {
                activity.SetTag("error.type", outcome);
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
            }
        }

        var tags = new TagList { { "workos.operation", operation }, { "workos.outcome", outcome }, { "http.response.status_code", status } };
        Duration.Record(elapsed.TotalSeconds, tags);
        Operations.Add(1, tags);
        if (error is null) LogCompleted(logger, operation, status, requestId, elapsed.TotalMilliseconds, null);
        else LogFailed(logger, operation, outcome, status, requestId, elapsed.TotalMilliseconds, null);
        return fin;
    }

    /// <summary>The request's path as reported: secret segments (e.g. an invitation token) as <c>***</c>, no query.</summary>
    public static string MaskedPath(HttpRequestSpec request) =>
        "/" + string.Join("/", request.Path.Select((segment, i) => request.HiddenSegments.Contains(i) ? "***" : Uri.EscapeDataString(segment)));
}
