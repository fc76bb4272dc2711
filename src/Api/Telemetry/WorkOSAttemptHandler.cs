using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WorkOS.Functional;

/// <summary>
/// Counts the HTTP attempts of each operation on its span (<c>workos.attempt_count</c>, <c>workos.retried</c>)
/// and logs every retry. It must sit inside the retry handler, as <c>AddWorkOS</c> and <c>WorkOSClient.Create</c>
/// (without an <see cref="HttpClient"/>) put it; add it yourself
/// (after <c>AddWorkOSResilience</c>) to a client you build by hand. It reads nothing of the request but its
/// method, so it reports no URL, header or body.
/// </summary>
/// <param name="logger">Where retries are logged; when null, the logger of the operation's client
/// (<see cref="WorkOSClient.WithLogger"/>), if any.</param>
public sealed class WorkOSAttemptHandler(ILogger? logger = null) : DelegatingHandler
{
    private static readonly Action<ILogger, string, int, Exception?> LogRetry = LoggerMessage.Define<string, int>(
        LogLevel.Information, new EventId(4, "WorkOSRetry"), "WorkOS {Operation}: retrying, attempt {Attempt}");

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var span = Operation(Activity.Current);
        if (span is not null)
        {
            var attempt = (span.GetCustomProperty(WorkOSTelemetry.AttemptsProperty) as int? ?? 0) + 1;
            span.SetCustomProperty(WorkOSTelemetry.AttemptsProperty, attempt);
            if (attempt > 1)
                LogRetry(logger ?? span.GetCustomProperty(WorkOSTelemetry.LoggerProperty) as ILogger ?? NullLogger.Instance,
                    span.GetTagItem("workos.operation") as string ?? "operation", attempt, null);
        }
        return base.SendAsync(request, cancellationToken);
    }

    private static Activity? Operation(Activity? activity)
    {
        for (var a = activity; a is not null; a = a.Parent)
            if (a.Source == WorkOSTelemetry.ActivitySource) return a;
        return null;
    }
}
