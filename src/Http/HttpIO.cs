using System.Buffers;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace WorkOS.Functional.Http;

/// <summary>
/// The one capability the library needs: send a described request, get the whole answer back.
/// <see cref="LiveHttpIO"/> does it over an <see cref="HttpClient"/>; <see cref="FuncHttpIO"/> answers
/// from a function, for pure tests and simulations. Failures to get any answer are thrown as the
/// transport's exceptions; <see cref="Interpreter.Run"/> turns them into typed errors.
/// </summary>
public interface HttpIO
{
    /// <summary>Sends <paramref name="request"/> and reads the whole answer once.</summary>
    ValueTask<HttpResponseSpec> Send(HttpRequestSpec request, CancellationToken ct);
}

/// <summary>Answers every request with a function of it: the test interpreter.</summary>
/// <param name="respond">The answer to give for each request.</param>
public sealed class FuncHttpIO(Func<HttpRequestSpec, HttpResponseSpec> respond) : HttpIO
{
    /// <inheritdoc />
    public ValueTask<HttpResponseSpec> Send(HttpRequestSpec request, CancellationToken ct) =>
        ct.IsCancellationRequested ? ValueTask.FromCanceled<HttpResponseSpec>(ct) : ValueTask.FromResult(respond(request));
}

/// <summary>
/// The live interpreter: the only code that does I/O. It renders a <see cref="HttpRequestSpec"/> into an
/// <see cref="HttpRequestMessage"/> under the base URL, sends it with the supplied <see cref="HttpClient"/>
/// (whose handler pipeline is where resilience plugs in), and reads the answer once: as bytes, at most
/// <see cref="WorkOSHttpOptions.MaxBodyBytes"/> of them, decoded as UTF-8 whatever its <c>charset</c> says.
/// An answer whose final URI left the base URL's origin (a redirect the <see cref="HttpClient"/> followed)
/// is refused unread.
/// </summary>
public sealed class LiveHttpIO : HttpIO
{
    /// <summary>The <c>User-Agent</c> sent on every request: <c>workos-functional/&lt;version&gt;</c>.</summary>
    public static readonly string UserAgent = $"workos-functional/{Version()}";

    private readonly HttpClient client;
    private readonly WorkOSHttpOptions options;

    /// <summary>Creates the interpreter with <see cref="WorkOSHttpOptions.Default"/>.</summary>
    /// <param name="client">The client to send with; its handlers (retries, logging) apply.</param>
    /// <param name="baseUrl">The API base URL, without a trailing slash.</param>
    public LiveHttpIO(HttpClient client, Uri baseUrl) : this(client, baseUrl, WorkOSHttpOptions.Default) { }

    /// <summary>Creates the interpreter.</summary>
    /// <param name="client">The client to send with; its handlers (retries, logging) apply.</param>
    /// <param name="baseUrl">The API base URL, without a trailing slash.</param>
    /// <param name="options">The body size limit and, when <paramref name="client"/> has none, the time allowed to read a body.</param>
    public LiveHttpIO(HttpClient client, Uri baseUrl, WorkOSHttpOptions options) => (this.client, BaseUrl, this.options) = (client, baseUrl, options);

    /// <summary>The API base URL requests are sent under.</summary>
    public Uri BaseUrl { get; }

    /// <summary>
    /// The answer headers the decoders read (<c>Content-Type</c>, <c>X-Request-ID</c>, <c>Retry-After</c>, <c>Date</c>):
    /// the only ones copied into <see cref="HttpResponseSpec.Headers"/>, instead of every header of every answer.
    /// </summary>
    public static readonly IReadOnlyList<string> DecodedHeaders = ["content-type", "x-request-id", "retry-after", "date"];

    /// <inheritdoc />
    public async ValueTask<HttpResponseSpec> Send(HttpRequestSpec request, CancellationToken ct)
    {
        using var message = ToMessage(request, BaseUrl);
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        RefuseOtherOrigin(response);
        using var reading = ReadingTimeout(ct);
        var status = (int)response.StatusCode;
        var (body, _) = await ReadBody(response.Content, status, options.MaxBodyBytes, pooled: false, reading.Token).ConfigureAwait(false);
        return new HttpResponseSpec(status, response.ReasonPhrase ?? "", Headers(response), body);
    }

    /// <summary>
    /// Sends, decodes, and gives the body's buffer back: the operations of <c>WorkOSClient</c> run here. The body is
    /// read into a buffer rented from <see cref="ArrayPool{T}.Shared"/> instead of a new array (a 60 KB list page
    /// was the largest allocation of a call, and a hand-written client streams into pooled buffers too), so the
    /// answer handed to <paramref name="decode"/> is only valid until it returns: only decoders that copy what
    /// they keep may run here (this library's <c>Decode</c> functions: System.Text.Json copies every string it
    /// reads, and the raw body of an error is a string). After decoding the answer's body reads as empty, so a
    /// reference kept by mistake sees no bytes, never another call's. Never throws, as <see cref="Interpreter.Exchange"/>.
    /// </summary>
    /// <remarks>
    /// The exchange is spelled out here as in <see cref="Send"/> rather than shared through another async method:
    /// each asynchronous step that waits is a resumption on every call (bench/README.md). This method and
    /// <c>ReadBody</c> keep their suspended state in pooled boxes (<see cref="PoolingAsyncValueTaskMethodBuilder{TResult}"/>)
    /// instead of a new one each per call: their tasks are internal and awaited exactly once, as pooling requires.
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal async ValueTask<Fin<A>> ExchangeReusingBuffer<A>(HttpRequestSpec request, Func<HttpResponseSpec, Either<Error, A>> decode, CancellationToken ct)
    {
        HttpResponseSpec answer;
        byte[]? rented;
        try
        {
            using var message = ToMessage(request, BaseUrl);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            RefuseOtherOrigin(response);
            using var reading = ReadingTimeout(ct);
            var status = (int)response.StatusCode;
            var (body, buffer) = await ReadBody(response.Content, status, options.MaxBodyBytes, pooled: true, reading.Token).ConfigureAwait(false);
            (answer, rented) = (new HttpResponseSpec(status, response.ReasonPhrase ?? "", Headers(response), body), buffer);
        }
        catch (Exception ex)
        {
            return FinFail<A>(Interpreter.Classify(Error.New(ex), ct));
        }
        try
        {
            return Interpreter.Answer(answer, decode);
        }
        finally
        {
            answer.ForgetBody();
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Refuses, unread, an answer whose final URI left the base URL's origin (a redirect the client followed).</summary>
    private void RefuseOtherOrigin(HttpResponseMessage response)
    {
        if (response.RequestMessage?.RequestUri is { } final && !SameOrigin(final, BaseUrl))
            throw new AnswerRefused(new TransportFailure(
                $"the answer came from {final.GetLeftPart(UriPartial.Authority)}, not from the base URL's origin (a redirect was followed); it was not read"));
    }

    /// <summary>
    /// The time the body may take: <see cref="HttpClient.Timeout"/> stops at the headers here, so the body gets a limit
    /// of its own, the client's timeout or, when the client has none, the total timeout. A reused timeout source: a fresh
    /// linked one with its timer cost about 350 bytes on every call.
    /// </summary>
    private TimeoutSources.Lease ReadingTimeout(CancellationToken ct) =>
        TimeoutSources.Rent(client.Timeout == Timeout.InfiniteTimeSpan ? options.TotalTimeout : client.Timeout, ct);

    /// <summary>
    /// The body bytes, read once and abandoned as soon as they pass <paramref name="max"/> bytes, so an endless or
    /// huge answer is never buffered whole. A known <c>Content-Length</c> is read into one buffer of that size
    /// (HttpClient ends the stream there); an unknown one into a buffer that doubles. No string is made here (a
    /// 60 KB page as a string is 120 KB on the large-object heap): decoders read the bytes. When
    /// <paramref name="pooled"/>, the buffer is rented (and returned here on failure) and handed back as <c>Buffer</c>.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<(ReadOnlyMemory<byte> Body, byte[]? Buffer)> ReadBody(HttpContent content, int status, int max, bool pooled, CancellationToken ct)
    {
        Error TooLarge() => new DecodeError("the answer", status, $"the body is larger than the {max}-byte limit");
        var announced = content.Headers.ContentLength;
        if (announced > max) throw new AnswerRefused(TooLarge());
        if (announced == 0) return (ReadOnlyMemory<byte>.Empty, null);
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var size = announced is { } n ? (int)n : (int)Math.Min(16 * 1024, (long)max + 1);
        var buffer = pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
        try
        {
            var length = 0;
            int read;
            // A rented buffer may be longer than asked for: the reads stop at the size asked for, as with a new array.
            while ((read = await stream.ReadAsync(buffer.AsMemory(length, size - length), ct).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > max) throw new AnswerRefused(TooLarge());
                if (length < size) continue;
                if (announced is not null) break;
                size = (int)Math.Min(Math.Min((long)size * 2, (long)max + 1), System.Array.MaxLength);
                buffer = Grow(buffer, length, size, pooled);
            }
            return (buffer.AsMemory(0, length), pooled ? buffer : null);
        }
        catch when (pooled)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] buffer, int length, int size, bool pooled)
    {
        if (!pooled)
        {
            System.Array.Resize(ref buffer, size);
            return buffer;
        }
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>The <see cref="DecodedHeaders"/> present in the answer, values as sent (repeated ones joined with <c>,</c>).</summary>
    private static (string, string)[] Headers(HttpResponseMessage response)
    {
        Span<int> found = stackalloc int[DecodedHeaders.Count];
        var count = 0;
        for (var i = 0; i < DecodedHeaders.Count; i++)
            if (response.Headers.NonValidated.Contains(DecodedHeaders[i]) || response.Content.Headers.NonValidated.Contains(DecodedHeaders[i]))
                found[count++] = i;
        var headers = new (string, string)[count];
        for (var j = 0; j < count; j++)
        {
            var name = DecodedHeaders[found[j]];
            if (!response.Headers.NonValidated.TryGetValues(name, out var values)) response.Content.Headers.NonValidated.TryGetValues(name, out values);
            headers[j] = (name, values.Count == 1 ? values.ToString() : string.Join(",", values));
        }
        return headers;
    }

    /// <summary>
    /// The message for <paramref name="request"/>: pure apart from allocating it. A body is sent as the UTF-8
    /// bytes <see cref="JsonValue.RenderUtf8"/> wrote (no string in between); a write without a body sends
    /// <c>Content-Length: 0</c>; a GET or DELETE sends no content at all.
    /// </summary>
    public static HttpRequestMessage ToMessage(HttpRequestSpec request, Uri baseUrl)
    {
        var message = new HttpRequestMessage(request.Method, request.RenderUri(baseUrl));
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (request.Auth is Auth.Bearer bearer)
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer.ApiKey.Reveal());
        message.Content = request.Body.Case is JsonValue body ? Json(body.RenderUtf8())
            : request.Method == HttpMethod.Get || request.Method == HttpMethod.Delete ? null
            : new ByteArrayContent([]);
        return message;
    }

    private static HttpContent Json(ReadOnlyMemory<byte> utf8)
    {
        var content = new ReadOnlyMemoryContent(utf8);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return content;
    }

    private static string Version()
    {
        var info = typeof(LiveHttpIO).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = info.IndexOf('+');
        return plus < 0 ? info : info[..plus];
    }
}

/// <summary>An answer refused before decoding (too large, or from another origin): carries its typed error to <see cref="Interpreter.Classify"/>.</summary>
internal sealed class AnswerRefused(Error error) : Exception(error.Message)
{
    /// <summary>The typed error to report.</summary>
    public Error Error { get; } = error;
}
