namespace WorkOS.Functional;

/// <summary>
/// The WorkOS User Management client: an immutable value holding the API key, the base URL and the
/// <see cref="HttpIO"/> that sends. Every operation keeps its Go name and returns a lazy
/// <c>Aff&lt;A&gt;</c>: nothing is sent until it is run, and running it again sends again.
/// Failures are values of the closed error set (<see cref="ErrorCodes"/>), never exceptions.
/// There is no global state: make as many clients as you need.
/// </summary>
public sealed partial class WorkOSClient
{
    /// <summary>The production API.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.workos.com");

    /// <summary>The timeout of the <see cref="HttpClient"/> the client makes when none is supplied (Go's default).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Secret apiKey;
    private readonly HttpIO http;

    private WorkOSClient(Secret apiKey, Uri baseUrl, HttpIO http) => (this.apiKey, BaseUrl, this.http) = (apiKey, baseUrl, http);

    /// <summary>The API base URL, without a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>
    /// Makes a client. The API key must be non-blank; the base URL defaults to
    /// <c>https://api.workos.com</c>, must be absolute http(s), and loses one trailing <c>/</c>.
    /// Without <paramref name="httpClient"/> a new one with a 10-second timeout is made.
    /// </summary>
    /// <param name="apiKey">The API key (<c>sk_…</c>).</param>
    /// <param name="baseUrl">The API base URL, e.g. an emulator's.</param>
    /// <param name="httpClient">The client to send with (e.g. from <c>IHttpClientFactory</c>, with resilience handlers).</param>
    /// <returns>The client, or an <see cref="InvalidRequest"/> naming <c>api_key</c> and/or <c>base_url</c>.</returns>
    public static Either<Error, WorkOSClient> Create(string? apiKey, string? baseUrl = null, HttpClient? httpClient = null) =>
        (Rules.RequiredSecret("api_key", apiKey), ParseBaseUrl(baseUrl))
            .Apply((key, url) => (key, url))
            .ToRequest()
            .Map(t => new WorkOSClient(t.key, t.url, new LiveHttpIO(httpClient ?? new HttpClient { Timeout = DefaultTimeout }, t.url)));

    /// <summary>
    /// Makes a client that sends through <paramref name="http"/>: a <see cref="FuncHttpIO"/> for pure
    /// tests, or any other interpreter.
    /// </summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="http">The interpreter.</param>
    /// <param name="baseUrl">The base URL the URL builders use.</param>
    public static Either<Error, WorkOSClient> Create(string? apiKey, HttpIO http, string? baseUrl = null) =>
        (Rules.RequiredSecret("api_key", apiKey), ParseBaseUrl(baseUrl))
            .Apply((key, url) => new WorkOSClient(key, url, http))
            .ToRequest();

    /// <summary>The base URL without one trailing slash; only absolute http or https.</summary>
    private static Validation<FieldProblem, Uri> ParseBaseUrl(string? baseUrl) =>
        string.IsNullOrWhiteSpace(baseUrl) ? Success<FieldProblem, Uri>(DefaultBaseUrl)
        : Rules.AbsoluteHttpUrl("base_url", baseUrl.EndsWith('/') ? baseUrl[..^1] : baseUrl);

    /// <summary>Shows the base URL only; the API key never prints.</summary>
    public override string ToString() => $"WorkOSClient {{ BaseUrl = {BaseUrl} }}";

    private Aff<A> Call<A>(HttpRequestSpec request, Func<HttpResponseSpec, Either<Error, A>> decode, CancellationToken ct) =>
        http.Call(request, decode, ct);
}
