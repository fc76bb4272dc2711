using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Polly;
using Polly.Timeout;

namespace WorkOS.Functional.Http;

/// <summary>
/// Runs every request under the library's retry and timeouts (<see cref="WorkOSResilience.Build"/>): the
/// <see cref="DelegatingHandler"/> that <see cref="WorkOSResilience.AddWorkOSResilience"/> and
/// <see cref="WorkOSResilience.CreateHttpClient(WorkOSHttpOptions?)"/> put in front of the connection pool.
/// </summary>
/// <remarks>
/// <para>
/// A call's first attempt is made here, under the same limit the pipeline would give it (the attempt timeout or the
/// total, whichever is sooner, ending in Polly's <see cref="TimeoutRejectedException"/>) and judged by the same rule
/// (<see cref="WorkOSRetryStrategy.Wait"/>). Only a call whose first outcome is to be retried goes to the Polly pipeline,
/// which waits and makes the retries, counting from the first attempt's start (<see cref="WorkOSRetryStrategy.Resumed"/>).
/// Running every call through the pipeline cost five more asynchronous steps than a plain <see cref="HttpClient"/> on a
/// call that succeeds at once, about a tenth of a loopback call (bench/README.md); the behaviour is the same either way.
/// </para>
/// <para>
/// Microsoft's <c>ResilienceHandler</c> runs a pipeline too, but it also stores its context in the request's
/// <see cref="HttpRequestMessage.Options"/> (a dictionary made per request) and reports Polly's own telemetry on every
/// call. This handler runs the pipeline with a pooled context carrying the request (for the retry rule), outcomes
/// instead of thrown exceptions, and a static callback with its state; the library's own spans and metrics
/// (WorkOSTelemetry, WorkOSAttemptHandler) report attempts and retries instead.
/// </para>
/// </remarks>
internal sealed class WorkOSResilienceHandler(WorkOSHttpOptions options, ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    /// <summary>The first attempt's limit: the attempt timeout or the whole total, whichever is sooner (the same for every call).</summary>
    private readonly TimeSpan limit = WorkOSRetryStrategy.Limit(options, options.TotalTimeout);

    /// <summary>The answer of the last attempt, or what it threw, after the retries and timeouts.</summary>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        Outcome<HttpResponseMessage> first;
        using (var timeout = TimeoutSources.Rent(limit, cancellationToken))
        {
            try
            {
                first = Outcome.FromResult(await base.SendAsync(request, timeout.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (timeout.Fired && !cancellationToken.IsCancellationRequested)
            {
                first = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException($"The attempt did not finish within {limit}.", limit));
            }
            catch (Exception ex)
            {
                first = Outcome.FromException<HttpResponseMessage>(ex);
            }
        }
        var wait = options.MaxRetries == 0 ? null
            : WorkOSRetryStrategy.Wait(first, request, cancellationToken, 0, options.TotalTimeout - TimeProvider.System.GetElapsedTime(started), options, TimeProvider.System);
        if (wait is not { } next) return Result(first);
        first.Result?.Dispose(); // the answer not taken: its connection goes back to the pool
        return await Retries(request, new WorkOSRetryStrategy.Resumption(started, next), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rest of a call, through the pipeline: it waits, then makes the retries.</summary>
    private async Task<HttpResponseMessage> Retries(HttpRequestMessage request, WorkOSRetryStrategy.Resumption resumption, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.SetRequestMessage(request);
        context.Properties.Set(WorkOSRetryStrategy.Resumed, resumption);
        try
        {
            return Result(await pipeline.ExecuteOutcomeAsync(Attempt, context, (Handler: this, Request: request)).ConfigureAwait(false));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static HttpResponseMessage Result(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } failure) ExceptionDispatchInfo.Throw(failure);
        return outcome.Result!;
    }

    /// <summary>One attempt: the inner handlers' answer, or what they threw, as an outcome; its state machine is pooled.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Outcome<HttpResponseMessage>> Attempt(ResilienceContext context, (WorkOSResilienceHandler Handler, HttpRequestMessage Request) state)
    {
        try
        {
            return Outcome.FromResult(await state.Handler.Forward(state.Request, context.CancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    private Task<HttpResponseMessage> Forward(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
