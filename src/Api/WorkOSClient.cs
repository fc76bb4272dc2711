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

    private readonly Secret apiKey;
    private readonly HttpIO http;

    private WorkOSClient(Secret apiKey, Uri baseUrl, HttpIO http) => (this.apiKey, BaseUrl, this.http) = (apiKey, baseUrl, http);

    /// <summary>The API base URL, without a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>
    /// Makes a client with <see cref="WorkOSHttpOptions.Default"/>. The API key must be non-blank and free of
    /// control characters; the base URL defaults to <c>https://api.workos.com</c>, must be absolute https (http
    /// only on a loopback host), without query, fragment or user info, and loses one trailing <c>/</c>.
    /// Without <paramref name="httpClient"/> the client sends through <see cref="WorkOSResilience.CreateHttpClient(WorkOSHttpOptions?, DelegatingHandler?)"/>:
    /// the library's retries and timeouts over one shared connection pool that never follows redirects, with a
    /// <see cref="WorkOSAttemptHandler"/> inside the retries (so its spans count attempts, as <c>AddWorkOS</c>'s do).
    /// A supplied <paramref name="httpClient"/> is used as given (add <see cref="WorkOSResilience.AddWorkOSResilience"/> to it).
    /// </summary>
    /// <param name="apiKey">The API key (<c>sk_…</c>).</param>
    /// <param name="baseUrl">The API base URL, e.g. an emulator's.</param>
    /// <param name="httpClient">The client to send with (e.g. from <c>IHttpClientFactory</c>, with resilience handlers).</param>
    /// <returns>The client, or an <see cref="InvalidRequest"/> naming <c>api_key</c> and/or <c>base_url</c>.</returns>
    public static Either<Error, WorkOSClient> Create(string? apiKey, string? baseUrl = null, HttpClient? httpClient = null) =>
        Create(apiKey, WorkOSHttpOptions.Default, baseUrl, httpClient);

    /// <summary>
    /// Makes a client with the given HTTP <paramref name="options"/>: retries, timeouts and <c>Retry-After</c> cap
    /// of the default pipeline (when no <paramref name="httpClient"/> is given), the body size limit, and whether
    /// a plain-http base URL off loopback is allowed. Otherwise as <see cref="Create(string?, string?, HttpClient?)"/>.
    /// </summary>
    /// <param name="apiKey">The API key (<c>sk_…</c>).</param>
    /// <param name="options">The HTTP options.</param>
    /// <param name="baseUrl">The API base URL.</param>
    /// <param name="httpClient">The client to send with, used as given.</param>
    public static Either<Error, WorkOSClient> Create(string? apiKey, WorkOSHttpOptions options, string? baseUrl = null, HttpClient? httpClient = null) =>
        (Rules.ApiKey("api_key", apiKey), ParseBaseUrl(baseUrl, options.AllowInsecureHttp))
            .Apply((key, url) => (key, url))
            .ToRequest()
            .Map(t => new WorkOSClient(t.key, t.url, new LiveHttpIO(httpClient ?? WorkOSResilience.CreateHttpClient(options, new WorkOSAttemptHandler()), t.url, options)));

    /// <summary>
    /// Makes a client that sends through <paramref name="http"/>: a <see cref="FuncHttpIO"/> for pure
    /// tests, or any other interpreter.
    /// </summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="http">The interpreter.</param>
    /// <param name="baseUrl">The base URL the URL builders use.</param>
    public static Either<Error, WorkOSClient> Create(string? apiKey, HttpIO http, string? baseUrl = null) =>
        (Rules.ApiKey("api_key", apiKey), ParseBaseUrl(baseUrl, allowInsecureHttp: false))
            .Apply((key, url) => new WorkOSClient(key, url, http))
            .ToRequest();

    /// <summary>The base URL without one trailing slash, per <see cref="Rules.BaseUrl"/>.</summary>
    private static Validation<FieldProblem, Uri> ParseBaseUrl(string? baseUrl, bool allowInsecureHttp) =>
        string.IsNullOrWhiteSpace(baseUrl) ? Success<FieldProblem, Uri>(DefaultBaseUrl)
        : Rules.BaseUrl("base_url", baseUrl.EndsWith('/') ? baseUrl[..^1] : baseUrl, allowInsecureHttp);

    /// <summary>Shows the base URL only; the API key never prints.</summary>
    public override string ToString() => $"WorkOSClient {{ BaseUrl = {BaseUrl} }}";
}
