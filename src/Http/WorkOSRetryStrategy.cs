using System.Runtime.CompilerServices;
using Polly;

namespace WorkOS.Functional.Http;

/// <summary>
/// The library's retry, the outer of the two Polly strategies <see cref="WorkOSResilience.Configure"/> adds: it sets
/// each attempt's time limit (the attempt timeout or what is left of the total, whichever is sooner) for the timeout
/// strategy inside it (<see cref="AttemptTimeout"/>); an outcome that
/// <see cref="WorkOSResilience.ShouldRetry"/> allows is retried after the server's <c>Retry-After</c> or an
/// exponential backoff with jitter, unless that wait would outlast the total (or the <c>Retry-After</c> its cap),
/// in which case the outcome goes back at once.
/// </summary>
/// <remarks>
/// Instead of Polly's retry strategy, which is general (events, callbacks, and here a property bag to pass the wait
/// the predicate chose to the delay generator) and cost three async state machines and about 670 bytes on every call,
/// retries included or not (bench/README.md). Here the attempt loop is one async method whose state machine is
/// pooled, and the start of the operation is a local, so nothing is carried from one call to the next in a pooled
/// context. It is still a Polly strategy: it composes with the caller's own strategies in a pipeline, and Microsoft's
/// <c>ResilienceHandler</c> can run it, as it reads the request through <c>GetRequestMessage</c>. (The attempt timeout
/// stays Polly's: only Polly's own strategies may hand the callback another cancellation token.) The library's own
/// handler makes a call's first attempt itself and hands only a call to retry to the pipeline (<see cref="Resumed"/>);
/// the rules both follow are here (<see cref="Limit(WorkOSHttpOptions, TimeSpan)"/>, <see cref="Wait"/>).
/// </remarks>
internal sealed class WorkOSRetryStrategy(WorkOSHttpOptions options, TimeProvider time) : ResilienceStrategy<HttpResponseMessage>
{
    /// <summary>
    /// The time limit of the current attempt, for the timeout strategy that <see cref="WorkOSResilience.Configure"/>
    /// adds inside this one (<see cref="AttemptTimeout"/>): the attempt timeout or what is left of the total.
    /// </summary>
    private static readonly ResiliencePropertyKey<TimeSpan> AttemptLimit = new("workos.attempt-limit");

    /// <summary>The limit the retry set for the attempt being made; the attempt timeout when run without it.</summary>
    public static TimeSpan AttemptTimeout(ResilienceContext context, WorkOSHttpOptions options) =>
        context.Properties.TryGetValue(AttemptLimit, out var limit) ? limit : Limit(options, options.TotalTimeout);

    /// <summary>The longest wait a timer takes (about 49.7 days); a longer limit is as good as none.</summary>
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <inheritdoc />
    protected override ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state) =>
        Attempts(callback, context, state);

    /// <summary>
    /// A call whose first attempt <see cref="WorkOSResilienceHandler"/> made itself and whose outcome is to be retried:
    /// when the call started, and the wait before the next attempt.
    /// </summary>
    internal readonly record struct Resumption(long Started, TimeSpan Wait);

    /// <summary>Set on the context by the handler when it hands over a call after its first attempt.</summary>
    internal static readonly ResiliencePropertyKey<Resumption> Resumed = new("workos.resumed");

    /// <summary>
    /// The attempts, one after the other, until one is not to be retried; the operation's start is a local (or the
    /// handler's, for a call it hands over after the first attempt, which then begins with that attempt's wait).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> Attempts<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var caller = context.CancellationToken;
        var resumed = context.Properties.TryGetValue(Resumed, out var resumption);
        var started = resumed ? resumption.Started : time.GetTimestamp();
        var next = resumption.Wait; // the wait before the next attempt (a resumed call begins with its first attempt's)
        for (var attempt = resumed ? 1 : 0; ; attempt++)
        {
            if (attempt > 0)
            {
                try
                {
                    await Task.Delay(next, time, caller).ConfigureAwait(context.ContinueOnCapturedContext);
                }
                catch (OperationCanceledException cancelled)
                {
                    return Outcome.FromException<HttpResponseMessage>(cancelled);
                }
            }
            Outcome<HttpResponseMessage> outcome;
            try
            {
                context.Properties.Set(AttemptLimit, Limit(options, options.TotalTimeout - time.GetElapsedTime(started)));
                outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch (Exception ex)
            {
                outcome = Outcome.FromException<HttpResponseMessage>(ex);
            }
            if (attempt >= options.MaxRetries
                || Wait(outcome, context.GetRequestMessage(), caller, attempt, options.TotalTimeout - time.GetElapsedTime(started), options, time) is not { } wait)
                return outcome;
            outcome.Result?.Dispose(); // the answer not taken: its connection goes back to the pool
            next = wait;
        }
    }

    /// <summary>An attempt's limit: the attempt timeout or what is <paramref name="left"/> of the total, whichever is sooner (at least a tick).</summary>
    internal static TimeSpan Limit(WorkOSHttpOptions options, TimeSpan left)
    {
        var limit = left < options.AttemptTimeout ? (left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1)) : options.AttemptTimeout;
        return limit > MaxTimer ? Timeout.InfiniteTimeSpan : limit;
    }

    /// <summary>
    /// How long to wait before retrying <paramref name="outcome"/> of attempt <paramref name="attempt"/> (0 for the
    /// first), or null not to retry it: by <see cref="WorkOSResilience.ShouldRetry"/>, the server's <c>Retry-After</c>
    /// (within its cap) or a backoff, and only when the wait ends before the total timeout does (<paramref name="left"/>).
    /// </summary>
    internal static TimeSpan? Wait(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? sent, CancellationToken caller, int attempt, TimeSpan left,
        WorkOSHttpOptions options, TimeProvider time)
    {
        // The common case first, with no lookups: an answer whose status no rule retries (every 2xx, most 4xx).
        if (outcome.Result is { } answer && !WorkOSResilience.RetryableStatuses.Contains((int)answer.StatusCode)) return null;
        if (caller.IsCancellationRequested) return null;
        var request = outcome.Result?.RequestMessage ?? sent;
        if (request?.RequestUri is not { } uri) return null;
        if (!WorkOSResilience.ShouldRetry(request.Method, uri.AbsolutePath, outcome.Result is { } r ? (int)r.StatusCode : null, outcome.Exception)) return null;
        var server = outcome.Result is { } response ? ServerDelay(response, time) : null;
        if (server > options.RetryAfterCap) return null;
        var wait = server ?? Backoff(options.BaseDelay, attempt);
        return wait < left ? wait : null;
    }

    /// <summary>Exponential backoff from <paramref name="baseDelay"/>, doubling per retry, with ±25 % jitter.</summary>
    private static TimeSpan Backoff(TimeSpan baseDelay, int attempt) =>
        TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * Math.Pow(2, attempt) * (0.75 + Random.Shared.NextDouble() * 0.5), TimeSpan.MaxValue.Ticks / 2.0));

    /// <summary>The server's <c>Retry-After</c>, relative to its <c>Date</c> (or now, without one).</summary>
    private static TimeSpan? ServerDelay(HttpResponseMessage response, TimeProvider time) =>
        response.Headers.NonValidated.TryGetValues("Retry-After", out var values)
            ? Decode.RetryAfter(string.Join(",", values), Some(response.Headers.Date ?? time.GetUtcNow()))
                .Match(static d => (TimeSpan?)d, static () => null)
            : null;
}
