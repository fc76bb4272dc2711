using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Polly;

namespace WorkOS.Functional.Http;

/// <summary>
/// Runs every request through the library's Polly pipeline (<see cref="WorkOSResilience.Build"/>): the
/// <see cref="DelegatingHandler"/> that <see cref="WorkOSResilience.AddWorkOSResilience"/> and
/// <see cref="WorkOSResilience.CreateHttpClient(WorkOSHttpOptions?)"/> put in front of the connection pool.
/// </summary>
/// <remarks>
/// Microsoft's <c>ResilienceHandler</c> runs a pipeline the same way, but it also stores its context in the
/// request's <see cref="HttpRequestMessage.Options"/> (a dictionary made per request) and, when registered with
/// <c>AddResilienceHandler</c>, reports Polly's own telemetry on every call: together most of the pipeline's cost
/// on a call that succeeds at once (bench/README.md). This handler keeps only what the pipeline needs: a pooled
/// context carrying the request (for the retry rule), outcomes instead of thrown exceptions, and a static
/// callback with its state passed in and its state machine pooled. The library's
/// own spans and metrics (WorkOSTelemetry, WorkOSAttemptHandler) report attempts and retries instead.
/// </remarks>
internal sealed class WorkOSResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    /// <summary>The answer of the last attempt, or what it threw, after the pipeline's retries and timeouts.</summary>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.SetRequestMessage(request);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(Attempt, context, (Handler: this, Request: request)).ConfigureAwait(false);
            if (outcome.Exception is { } failure) ExceptionDispatchInfo.Throw(failure);
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
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
