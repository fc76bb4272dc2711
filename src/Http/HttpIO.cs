using System.Net.Http.Headers;
using System.Reflection;
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
/// (whose handler pipeline is where resilience plugs in), and reads the answer once.
/// </summary>
public sealed class LiveHttpIO : HttpIO
{
    /// <summary>The <c>User-Agent</c> sent on every request: <c>workos-functional/&lt;version&gt;</c>.</summary>
    public static readonly string UserAgent = $"workos-functional/{Version()}";

    private readonly HttpClient client;

    /// <summary>Creates the interpreter.</summary>
    /// <param name="client">The client to send with; its handlers (retries, logging) apply.</param>
    /// <param name="baseUrl">The API base URL, without a trailing slash.</param>
    public LiveHttpIO(HttpClient client, Uri baseUrl) => (this.client, BaseUrl) = (client, baseUrl);

    /// <summary>The API base URL requests are sent under.</summary>
    public Uri BaseUrl { get; }

    /// <inheritdoc />
    public async ValueTask<HttpResponseSpec> Send(HttpRequestSpec request, CancellationToken ct)
    {
        using var message = ToMessage(request, BaseUrl);
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var headers = toHashMap(response.Headers.Concat(response.Content.Headers)
            .GroupBy(static h => h.Key.ToLowerInvariant())
            .Select(static g => (g.Key, string.Join(",", g.SelectMany(static h => h.Value)))));
        return new HttpResponseSpec((int)response.StatusCode, response.ReasonPhrase ?? "", headers, body);
    }

    /// <summary>The message for <paramref name="request"/>: pure apart from allocating it.</summary>
    public static HttpRequestMessage ToMessage(HttpRequestSpec request, Uri baseUrl)
    {
        var message = new HttpRequestMessage(request.Method, request.RenderUri(baseUrl));
        message.Headers.UserAgent.ParseAdd(UserAgent);
        if (request.Auth is Auth.Bearer bearer)
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer.ApiKey.Reveal());
        message.Content = request.Body.Match(
            static body => (HttpContent)new StringContent(body.Render(), Encoding.UTF8, "application/json"),
            static () => new ByteArrayContent([]));
        return message;
    }

    private static string Version()
    {
        var info = typeof(LiveHttpIO).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = info.IndexOf('+');
        return plus < 0 ? info : info[..plus];
    }
}
