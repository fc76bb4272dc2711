namespace WorkOS.Functional.Http;

/// <summary>How a request authenticates: a bearer header, or nothing (the authenticate grants carry <c>client_secret</c> in the body).</summary>
public abstract record Auth
{
    private Auth() { }

    /// <summary><c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    /// <param name="ApiKey">The API key.</param>
    public sealed record Bearer(Secret ApiKey) : Auth;

    /// <summary>No <c>Authorization</c> header.</summary>
    public sealed record NoHeader : Auth;

    /// <summary>The shared <see cref="NoHeader"/> value.</summary>
    public static Auth None { get; } = new NoHeader();
}

/// <summary>
/// A pure description of one HTTP request, compared by value: method, path segments (escaped one by
/// one when rendered), query pairs (rendered per spec §1.5), an optional JSON body, and auth.
/// Printing it never shows a secret, and neither does <c>System.Text.Json</c>, which writes the printed form.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path segments, unescaped (e.g. <c>["user_management", "users", id]</c>).</param>
/// <param name="Query">The query pairs, unsorted and unescaped.</param>
/// <param name="Body">The JSON body; <c>None</c> sends no body (Content-Length 0 for writes).</param>
/// <param name="Auth">How the request authenticates.</param>
[System.Text.Json.Serialization.JsonConverter(typeof(PrintedJsonConverter<HttpRequestSpec>))]
public sealed record HttpRequestSpec(HttpMethod Method, Seq<string> Path, Seq<(string Key, string Value)> Query, Option<JsonValue> Body, Auth Auth)
{
    /// <summary>
    /// The escaped path, starting with <c>/</c>. Each segment is escaped on its own, and the dot segments
    /// <c>.</c> and <c>..</c> are written as <c>%2E</c> so that an ID can never climb to another resource.
    /// </summary>
    public string RenderPath()
    {
        var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0);
        AppendPath(ref text);
        return text.ToStringAndClear();
    }

    // Rendering runs on every call: segments go into one pooled buffer by index (no iterator, no Join, no
    // intermediate strings but the escaped segments that need escaping), then one string is made.
    private void AppendPath(ref System.Runtime.CompilerServices.DefaultInterpolatedStringHandler text)
    {
        if (Path.IsEmpty) text.AppendLiteral("/");
        for (var i = 0; i < Path.Count; i++)
        {
            text.AppendLiteral("/");
            text.AppendFormatted(EscapeSegment(Path[i]));
        }
    }

    private static string EscapeSegment(string segment) =>
        segment is "." or ".." ? segment.Replace(".", "%2E") : Uri.EscapeDataString(segment);

    /// <summary>Path and query as sent: <c>/a/b?k=v</c>.</summary>
    public string RenderPathAndQuery() =>
        Query.IsEmpty ? RenderPath() : $"{RenderPath()}?{QueryString.Render(Query)}";

    /// <summary>The absolute URI under <paramref name="baseUrl"/> (concatenated, so a base path prefix is kept).</summary>
    /// <param name="baseUrl">The API base URL without a trailing slash.</param>
    /// <remarks>Canonicalization is off, so <see cref="Uri"/> does not turn an escaped <c>%2E%2E</c> back into <c>..</c> and drop a segment.</remarks>
    public Uri RenderUri(Uri baseUrl)
    {
        var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0);
        text.AppendFormatted(baseUrl.AbsoluteUri.AsSpan().TrimEnd('/'));
        AppendPath(ref text);
        if (!Query.IsEmpty)
        {
            text.AppendLiteral("?");
            text.AppendFormatted(QueryString.Render(Query));
        }
        return new(text.ToStringAndClear(), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    /// <summary>A GET with bearer auth.</summary>
    public static HttpRequestSpec Get(Secret apiKey, params string[] path) =>
        new(HttpMethod.Get, toSeq(path).Strict(), Seq<(string, string)>(), None, new Auth.Bearer(apiKey));

    /// <summary>A DELETE with bearer auth.</summary>
    public static HttpRequestSpec Delete(Secret apiKey, params string[] path) =>
        new(HttpMethod.Delete, toSeq(path).Strict(), Seq<(string, string)>(), None, new Auth.Bearer(apiKey));

    /// <summary>A POST with bearer auth and no body.</summary>
    public static HttpRequestSpec Post(Secret apiKey, params string[] path) =>
        new(HttpMethod.Post, toSeq(path).Strict(), Seq<(string, string)>(), None, new Auth.Bearer(apiKey));

    /// <summary>A PUT with bearer auth and no body.</summary>
    public static HttpRequestSpec Put(Secret apiKey, params string[] path) =>
        new(HttpMethod.Put, toSeq(path).Strict(), Seq<(string, string)>(), None, new Auth.Bearer(apiKey));

    /// <summary>This request with <paramref name="body"/>.</summary>
    public HttpRequestSpec WithBody(JsonValue body) => this with { Body = Some(body) };

    /// <summary>This request with <paramref name="query"/> appended.</summary>
    public HttpRequestSpec WithQuery(params Seq<(string Key, string Value)>[] query) =>
        this with { Query = Query.Concat(toSeq(query).Bind(static q => q)).Strict() };

    /// <summary>This request without an <c>Authorization</c> header.</summary>
    public HttpRequestSpec WithoutAuthHeader() => this with { Auth = Auth.None };

    /// <summary>Indexes of <see cref="Path"/> segments that are secrets (e.g. an invitation token): printed as <c>***</c>.</summary>
    public Set<int> HiddenSegments { get; init; } = Set<int>();

    /// <summary>This request with its last path segment marked secret, so <see cref="ToString"/> masks it.</summary>
    public HttpRequestSpec HidingLastSegment() => this with { HiddenSegments = HiddenSegments.AddOrUpdate(Path.Count - 1) };

    /// <summary>Method, path (secret segments as <c>***</c>), query, body (secrets as <c>***</c>) and auth scheme; never a secret.</summary>
    public override string ToString()
    {
        var path = "/" + string.Join("/", Path.Select((segment, i) => HiddenSegments.Contains(i) ? "***" : EscapeSegment(segment)));
        var query = Query.IsEmpty ? "" : "?" + QueryString.Render(Query);
        return $"{Method} {path}{query} body={Body.Map(static b => b.ToString()).IfNone("none")} auth={Auth.GetType().Name}";
    }
}

/// <summary>
/// A whole HTTP answer, read once, so that decoding is a pure function of it. The body is kept as the
/// UTF-8 bytes received (<see cref="Utf8"/>): decoders read them directly, and the text form
/// (<see cref="Body"/>) is only made when something asks for it (an error's raw body, a test).
/// Its body carries tokens, so neither printing it nor <c>System.Text.Json</c> (which writes the printed form) shows the body.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(PrintedJsonConverter<HttpResponseSpec>))]
public sealed record HttpResponseSpec
{
    private string? text;

    /// <summary>An answer whose body is text (tests, <see cref="FuncHttpIO"/>).</summary>
    /// <param name="Status">The status code.</param>
    /// <param name="Reason">The reason phrase; may be empty.</param>
    /// <param name="Headers">Header values by lower-cased name, repeated values joined with <c>,</c>.</param>
    /// <param name="Body">The body text; empty when none.</param>
    public HttpResponseSpec(int Status, string Reason, HashMap<string, string> Headers, string Body)
        : this(Status, Reason, Headers, new ReadOnlyMemory<byte>(System.Text.Encoding.UTF8.GetBytes(Body))) => text = Body;

    /// <summary>An answer whose body is the bytes received; a leading UTF-8 byte order mark is dropped.</summary>
    /// <param name="Status">The status code.</param>
    /// <param name="Reason">The reason phrase; may be empty.</param>
    /// <param name="Headers">Header values by lower-cased name, repeated values joined with <c>,</c>.</param>
    /// <param name="Utf8">The body bytes; empty when none.</param>
    public HttpResponseSpec(int Status, string Reason, HashMap<string, string> Headers, ReadOnlyMemory<byte> Utf8)
        : this(Status, Reason, Utf8) => headers = Headers;

    /// <summary>
    /// The live interpreter's answer: its few decoded headers (lower-cased names, at most four) kept as pairs, and
    /// <see cref="Headers"/> built from them only when asked for. Decoders read one header at most, and only on an
    /// error; a hash map per answer cost more than the headers themselves.
    /// </summary>
    internal HttpResponseSpec(int Status, string Reason, (string Name, string Value)[] Headers, ReadOnlyMemory<byte> Utf8)
        : this(Status, Reason, Utf8) => pairs = Headers;

    private HttpResponseSpec(int status, string reason, ReadOnlyMemory<byte> Utf8)
    {
        (this.Status, this.Reason) = (status, reason);
        utf8 = Utf8.Span.StartsWith(System.Text.Encoding.UTF8.Preamble) ? Utf8[System.Text.Encoding.UTF8.Preamble.Length..] : Utf8;
    }

    private ReadOnlyMemory<byte> utf8;

    /// <summary>Drops the body bytes (they live in a buffer about to be reused): see <c>LiveHttpIO.ExchangeReusingBuffer</c>.</summary>
    internal void ForgetBody() => utf8 = ReadOnlyMemory<byte>.Empty;

    /// <summary>The status code.</summary>
    public int Status { get; }

    /// <summary>The reason phrase; may be empty.</summary>
    public string Reason { get; }

    /// <summary>
    /// Header values by lower-cased name. The live interpreter keeps only those a decoder reads
    /// (<see cref="LiveHttpIO.DecodedHeaders"/>), not every header of the answer.
    /// </summary>
    public HashMap<string, string> Headers => headers ??= toHashMap(pairs ?? []);

    private HashMap<string, string>? headers;
    private readonly (string Name, string Value)[]? pairs;

    /// <summary>The body as the UTF-8 bytes received, without a byte order mark.</summary>
    public ReadOnlyMemory<byte> Utf8 => utf8;

    /// <summary>The body as text (invalid UTF-8 replaced), made on first use; empty when none.</summary>
    public string Body => text ??= System.Text.Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>True when the body is empty or only white space.</summary>
    public bool IsBlank => Utf8.Span.Trim(" \t\r\n"u8).IsEmpty;

    /// <summary>A header's value by case-insensitive name.</summary>
    public Option<string> Header(string name)
    {
        if (pairs is null) return Headers.Find(name.ToLowerInvariant());
        foreach (var (key, value) in pairs)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return None;
    }

    /// <summary>The <c>Content-Type</c>, empty when absent.</summary>
    public string ContentType => Header("content-type").IfNone("");

    /// <summary>True for 200–299.</summary>
    public bool IsSuccess => Status is >= 200 and <= 299;

    /// <summary>Equal when status, reason, headers and body bytes are.</summary>
    public bool Equals(HttpResponseSpec? other) =>
        other is not null && Status == other.Status && Reason == other.Reason && Headers.Equals(other.Headers) && Utf8.Span.SequenceEqual(other.Utf8.Span);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Status, Reason, Headers, Utf8.Length);

    /// <summary>The body is hidden: bodies carry tokens.</summary>
    public override string ToString() => $"HttpResponseSpec {{ Status = {Status}, ContentType = {ContentType}, Body = ({Utf8.Length} bytes) }}";
}

/// <summary>Writes a value as the JSON string of its <c>ToString()</c> (which never shows a secret); reading is refused.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class PrintedJsonConverter<T> : System.Text.Json.Serialization.JsonConverter<T> where T : class
{
    /// <summary>Always fails: the printed form cannot be read back.</summary>
    public override T Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        throw new System.Text.Json.JsonException($"A {typeof(T).Name} is never read from JSON.");

    /// <summary>Writes <c>ToString()</c> as a JSON string.</summary>
    public override void Write(System.Text.Json.Utf8JsonWriter writer, T value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
