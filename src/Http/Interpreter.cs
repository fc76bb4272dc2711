namespace WorkOS.Functional.Http;

/// <summary>
/// Turns a described request into an effect: send (lazily, so a retry re-sends), then decode a 2xx
/// with the operation's decoder or any other status with <see cref="Decode.Error"/>. Transport
/// exceptions become <see cref="TransportFailure"/>, <see cref="RequestTimedOut"/> or
/// <see cref="RequestCancelled"/>: nothing escapes <c>Run</c> as an exception.
/// </summary>
public static class Interpreter
{
    /// <summary>The answer to <paramref name="request"/>, whatever its status.</summary>
    public static Aff<HttpResponseSpec> Run(this HttpIO io, HttpRequestSpec request, CancellationToken ct) =>
        Aff(async () => await io.Send(request, ct).ConfigureAwait(false)).MapFail(e => Classify(e, ct));

    /// <summary>Sends <paramref name="request"/> and decodes the answer.</summary>
    /// <remarks>
    /// One effect per call: sending, classifying a transport failure and decoding happen in one lazy step
    /// (<see cref="Exchange"/>) instead of a chain of small effects (send, MapFail, Bind, ToAff, Select), each
    /// allocating on every call. Still lazy: nothing is sent until the effect runs, and each run (a retry) sends again.
    /// </remarks>
    public static Aff<A> Call<A>(this HttpIO io, HttpRequestSpec request, Func<HttpResponseSpec, Either<Error, A>> decode, CancellationToken ct) =>
        AffMaybe<A>(() => Exchange(io, request, decode, ct));

    /// <summary>
    /// The exchange <see cref="Call"/> runs, as a plain task: sends <paramref name="request"/> once, then decodes a
    /// 2xx with <paramref name="decode"/> and any other status with <see cref="Decode.Error"/>. Never throws:
    /// what the transport throws becomes a typed error (<see cref="Classify"/>). For code that already runs
    /// inside an effect and would otherwise wrap a <see cref="Call"/> in another one.
    /// </summary>
    /// <param name="io">The interpreter to send with.</param>
    /// <param name="request">The request.</param>
    /// <param name="decode">The decoder of a 2xx answer.</param>
    /// <param name="ct">Cancels the exchange.</param>
    public static async ValueTask<Fin<A>> Exchange<A>(HttpIO io, HttpRequestSpec request, Func<HttpResponseSpec, Either<Error, A>> decode, CancellationToken ct)
    {
        HttpResponseSpec response;
        try
        {
            response = await io.Send(request, ct).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return FinFail<A>(Classify(Error.New(ex), ct));
        }
        return Answer(response, decode);
    }

    /// <summary>An answer as the operation's result: a 2xx decoded by <paramref name="decode"/>, anything else a typed error.</summary>
    internal static Fin<A> Answer<A>(HttpResponseSpec response, Func<HttpResponseSpec, Either<Error, A>> decode)
    {
        var value = response.IsSuccess ? decode(response) : Left<Error, A>(Decode.Error(response));
        return value.IsRight ? FinSucc((A)value) : FinFail<A>((Error)value);
    }

    /// <summary>Maps what the transport threw to the closed error set; typed errors pass through.</summary>
    public static Error Classify(Error error, CancellationToken ct) =>
        error.Exception.Match(
            ex => ex switch
            {
                AnswerRefused refused => refused.Error,
                OperationCanceledException when ct.IsCancellationRequested => new RequestCancelled(),
                OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException => new RequestTimedOut(),
                _ => (Error)new TransportFailure($"{ex.GetType().Name}: {ex.Message}"),
            },
            () => error);
}
