using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Polly.Timeout;

namespace WorkOS.Functional.Http;

/// <summary>
/// The library's retry and timeout pipeline as one <see cref="DelegatingHandler"/>: the total timeout, the retry
/// (<see cref="WorkOSResilience.ShouldRetry"/>; the delay is the server's <c>Retry-After</c> when it gave one,
/// otherwise exponential backoff with jitter), and the per-attempt timeout, in that order from the outside in.
/// </summary>
/// <remarks>
/// Hand-written on purpose, as a plain loop. The Polly pipeline it replaces (a total timeout, a retry and an
/// attempt timeout strategy under <c>ResilienceHandler</c>) cost about 2 KB and a third of a GetUser's time per
/// call on loopback, even when nothing failed: an async state machine per strategy and per callback, a request
/// property dictionary, a boxed start time (see bench/README.md). Here a call that succeeds at once costs one
/// state machine and a reused timeout source (<see cref="TimeoutSources"/>). An attempt that runs out of time
/// throws Polly's <see cref="TimeoutRejectedException"/>, as before, so <see cref="WorkOSResilience.ShouldRetry"/>
/// and the error classification read the same exception.
/// </remarks>
internal sealed class WorkOSRetryHandler(WorkOSHttpOptions options) : DelegatingHandler
{
    /// <summary>The answer of the last attempt, or what it threw, after retrying as <see cref="WorkOSResilience.ShouldRetry"/> allows.</summary>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            // One source per attempt bounds it by the attempt timeout or by what is left of the total, whichever is sooner.
            var left = options.TotalTimeout - Stopwatch.GetElapsedTime(started);
            var bySum = left <= options.AttemptTimeout;
            var limit = bySum ? left : options.AttemptTimeout;
            if (limit <= TimeSpan.Zero) throw new TimeoutRejectedException("The operation ran out of its total time.", options.TotalTimeout);

            HttpResponseMessage? response = null;
            ExceptionDispatchInfo? failure = null;
            using (var timeout = TimeoutSources.Rent(limit, cancellationToken))
            {
                try
                {
                    response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (timeout.Fired && !cancellationToken.IsCancellationRequested)
                {
                    var timedOut = new TimeoutRejectedException(bySum ? "The operation ran out of its total time." : "The attempt timed out.", limit, ex);
                    if (bySum) throw timedOut; // the total timeout ends the operation; it is never retried
                    failure = ExceptionDispatchInfo.Capture(timedOut);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            }

            // Fast path: an answer that no rule retries (every 2xx, 4xx but 408/429, …) goes back as it is.
            if (response is not null && !WorkOSResilience.RetryableStatuses.Contains((int)response.StatusCode)) return response;
            var wait = attempt < options.MaxRetries ? Retry(request, response, failure?.SourceException, started, attempt) : null;
            if (wait is not { } delay)
            {
                failure?.Throw();
                return response!;
            }
            response?.Dispose();
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long to wait before retrying this outcome, or null when it is not retried.</summary>
    private TimeSpan? Retry(HttpRequestMessage request, HttpResponseMessage? response, Exception? exception, long started, int attempt)
    {
        if (request.RequestUri is not { } uri) return null;
        if (!WorkOSResilience.ShouldRetry(request.Method, uri.AbsolutePath, response is { } r ? (int)r.StatusCode : null, exception)) return null;
        var left = options.TotalTimeout - Stopwatch.GetElapsedTime(started);
        if (response is not null && WorkOSResilience.ServerDelay(response, TimeProvider.System) is { } server)
            // A Retry-After beyond the cap or beyond the time left is not waited for: the answer goes back at once.
            return server <= options.RetryAfterCap && server < left ? server : null;
        var backoff = Backoff(attempt);
        // A backoff that would outlast the total timeout would only end in a timeout: the outcome goes back now.
        return backoff < left ? backoff : null;
    }

    /// <summary>Exponential backoff from <see cref="WorkOSHttpOptions.BaseDelay"/> (doubling per retry), with ±25 % jitter.</summary>
    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks((long)Math.Min(options.BaseDelay.Ticks * Math.Pow(2, attempt) * (0.75 + Random.Shared.NextDouble() * 0.5), TimeSpan.MaxValue.Ticks / 2));
}
