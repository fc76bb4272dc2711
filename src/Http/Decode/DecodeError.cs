using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WorkOS.Functional.Http;

public static partial class Decode
{
    private const int MaxMessageFromRawBody = 300;
    private const int MaxMessage = 1000;

    /// <summary>
    /// The error of a non-2xx answer, following spec §4.3 and §4.4 in order: a JSON body is first tried
    /// as a step-up (by its <c>code</c>/<c>error</c>, never by status); then 429 becomes
    /// <see cref="RateLimited"/>; everything else is an <see cref="ApiError"/>. Total: any status and
    /// any body give an error value, never an exception.
    /// </summary>
    /// <param name="r">The whole answer.</param>
    public static Error Error(HttpResponseSpec r) =>
        IsJson(r) && TypedStepUp(r) is { } stepUp ? stepUp : ErrorFromTree(r);

    private static bool IsJson(HttpResponseSpec r) => r.ContentType.Contains("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary><see cref="Error"/> without the typed shortcut (<see cref="TypedStepUp"/>): the body read as a JSON tree.</summary>
    internal static Error ErrorFromTree(HttpResponseSpec r)
    {
        var json = IsJson(r) ? ParseObject(r.Utf8) : None;
        return json.Bind(o => StepUp(r, o)).IfNone(() =>
        {
            var generic = Generic(r, json);
            return r.Status == 429 ? new RateLimited(generic.Context, RetryAfter(r)) : generic;
        });
    }

    /// <summary>One parse of the bytes into an element that owns its data (no pooled document to clone from).</summary>
    private static Option<JsonElement> ParseObject(ReadOnlyMemory<byte> body) =>
        Try(() => JsonSerializer.Deserialize<JsonElement>(body.Span)).ToOption().Filter(static e => e.ValueKind == JsonValueKind.Object);

    private static Option<Error> StepUp(HttpResponseSpec r, JsonElement o)
    {
        var code = Str(o, "code");
        var token = Secret.Of(Str(o, "pending_authentication_token"));
        var context = Context(r, code, Str(o, "message"));
        Option<Error> stageA = code switch
        {
            "email_verification_required" => new EmailVerificationRequired(context, token, Str(o, "email"), Str(o, "email_verification_id")),
            "mfa_enrollment" => UserOf(o).Map(u => (Error)new MfaEnrollmentRequired(context, token, u)),
            "mfa_challenge" => UserOf(o).Map(u => (Error)new MfaChallengeRequired(context, token, u,
                Objects(o, "authentication_factors").Map(static f => new AuthenticationFactorRef(Str(f, "id"), new FactorType(Str(f, "type")))))),
            "organization_selection_required" => UserOf(o).Map(u => (Error)new OrganizationSelectionRequired(context, token, u,
                Objects(o, "organizations").Map(static x => new OrganizationRef(Str(x, "id"), Str(x, "name"))))),
            _ => None,
        };
        if (stageA.IsSome || code is "mfa_enrollment" or "mfa_challenge" or "organization_selection_required")
            return stageA; // Go gives up on the step-up path when those lack a user: generic error.

        var error = Str(o, "error");
        var contextB = Context(r, error, $"{error} {Str(o, "error_description")}".Trim());
        Option<Error> stageB = error switch
        {
            "sso_required" => new SsoRequired(contextB, token, Str(o, "email"), Strings(o, "connection_ids")),
            "organization_authentication_methods_required" => new OrganizationAuthenticationMethodsRequired(contextB, token,
                Str(o, "email"), Strings(o, "sso_connection_ids"), Booleans(o, "auth_methods")),
            _ => None,
        };
        if (stageB.IsSome) return stageB;

        // Not a step-up Go knows; a pending token next to a code still marks one this library does not know yet.
        return token.IsEmpty ? None
            : code.Length > 0 ? new UnknownStepUp(context, token)
            : error.Length > 0 ? new UnknownStepUp(contextB, token)
            : None;
    }

    /// <summary>
    /// The common step-ups (a pending token next to one of the codes that carry a user or an email verification),
    /// read in one typed pass like a hand-written client would, instead of a <see cref="JsonElement"/> tree from which
    /// the user is serialized again to be read (bench/README.md: the step-up decode was 2–3× the floor).
    /// </summary>
    /// <remarks>
    /// A shortcut only, never a second meaning: it answers exactly what <see cref="StepUp"/> answers for such a body,
    /// and gives up (null) whenever anything is unusual — no pending token in the bytes, a field of another JSON type
    /// (which <see cref="Str"/> would read as ""), a user lacking a required field, an unknown code, malformed JSON —
    /// so that the general path, unchanged, decides those.
    /// </remarks>
    private static Error? TypedStepUp(HttpResponseSpec r)
    {
        if (r.Utf8.Span.IndexOf("\"pending_authentication_token\""u8) < 0) return null;
        StepUpDto? o;
        try
        {
            o = JsonSerializer.Deserialize<StepUpDto>(r.Utf8.Span, Options);
        }
        catch (Exception)
        {
            return null;
        }
        if (o is null) return null;
        var token = Secret.Of(o.PendingAuthenticationToken);
        var code = o.Code ?? "";
        if (code == "email_verification_required")
            return new EmailVerificationRequired(Context(r, code, o.Message ?? ""), token, o.Email ?? "", o.EmailVerificationId ?? "");
        if (code is not ("mfa_enrollment" or "mfa_challenge" or "organization_selection_required")
            || o.User is not { IsComplete: true } wire)
            return null;
        var context = Context(r, code, o.Message ?? "");
        var user = wire.User;
        return code switch
        {
            "mfa_enrollment" => new MfaEnrollmentRequired(context, token, user),
            "mfa_challenge" => new MfaChallengeRequired(context, token, user,
                Wire.Map(o.AuthenticationFactors, static f => new AuthenticationFactorRef(f.Id ?? "", new FactorType(f.Type ?? "")))),
            _ => new OrganizationSelectionRequired(context, token, user,
                Wire.Map(o.Organizations, static x => new OrganizationRef(x.Id ?? "", x.Name ?? ""))),
        };
    }

    /// <summary>The fields of the step-ups <see cref="TypedStepUp"/> reads; anything of another JSON type makes it give up.</summary>
    private sealed class StepUpDto
    {
        public string? Code { get; set; }
        public string? Message { get; set; }
        public string? PendingAuthenticationToken { get; set; }
        public string? Email { get; set; }
        public string? EmailVerificationId { get; set; }
        public WireUser? User { get; set; }
        public List<RefDto?>? AuthenticationFactors { get; set; }
        public List<RefDto?>? Organizations { get; set; }
    }

    private sealed class RefDto
    {
        public string? Id { get; set; }
        public string? Type { get; set; }
        public string? Name { get; set; }
    }

    private static ApiError Generic(HttpResponseSpec r, Option<JsonElement> json)
    {
        var fallback = new ApiError(Context(r, "", RawMessage(r)), Seq<FieldError>(), Seq<string>(), None, None);
        return json.Bind(o => r.Status == 422 ? Unprocessable(r, o) : Other(r, o)).IfNone(fallback);
    }

    private static Option<ApiError> Unprocessable(HttpResponseSpec r, JsonElement o) =>
        FieldErrors(o).Map(fields => new ApiError(Context(r, Str(o, "code"), Str(o, "message")), fields, Seq<string>(),
            Wire.OptSecret(Str(o, "pending_authentication_token")), Wire.Opt(Str(o, "email_verification_id"))));

    private static Option<ApiError> Other(HttpResponseSpec r, JsonElement o) =>
        StringErrors(o).Bind(errors =>
        {
            var (message, error, description, code) = (Str(o, "message"), Str(o, "error"), Str(o, "error_description"), Str(o, "code"));
            var token = Wire.OptSecret(Str(o, "pending_authentication_token"));
            var verification = Wire.Opt(Str(o, "email_verification_id"));
            return error.Length > 0 && description.Length > 0
                ? Some(new ApiError(Context(r, error, $"{error} {description}"), Seq<FieldError>(), Seq<string>(), token, verification))
                : message.Length > 0
                    ? Some(new ApiError(Context(r, code, message), Seq<FieldError>(), errors, token, verification))
                    : None;
        });

    /// <summary><c>errors</c> as <c>[{field, code}]</c>; absent or null is empty; any other shape fails.</summary>
    private static Option<Seq<FieldError>> FieldErrors(JsonElement o) =>
        !o.TryGetProperty("errors", out var e) || e.ValueKind == JsonValueKind.Null ? Some(Seq<FieldError>())
        : e.ValueKind != JsonValueKind.Array || e.EnumerateArray().Any(static x => x.ValueKind != JsonValueKind.Object) ? None
        : Some(toSeq(e.EnumerateArray().Select(static x => new FieldError(Str(x, "field"), Str(x, "code")))).Strict());

    /// <summary><c>errors</c> as strings or <c>[{message}]</c>; absent or null is empty; any other shape fails.</summary>
    private static Option<Seq<string>> StringErrors(JsonElement o) =>
        !o.TryGetProperty("errors", out var e) || e.ValueKind == JsonValueKind.Null ? Some(Seq<string>())
        : e.ValueKind != JsonValueKind.Array ? None
        : e.EnumerateArray().All(static x => x.ValueKind == JsonValueKind.String)
            ? Some(toSeq(e.EnumerateArray().Select(static x => x.GetString() ?? "")).Strict())
        : e.EnumerateArray().All(static x => x.ValueKind == JsonValueKind.Object)
            ? Some(toSeq(e.EnumerateArray().Select(static x => Str(x, "message"))).Strict())
        : None;

    private static HttpErrorContext Context(HttpResponseSpec r, string errorCode, string message) =>
        new(r.Status, r.Reason, r.Header("x-request-id").IfNone(""), Cut(errorCode, 200), Cut(MaskSecrets(message), MaxMessage), Secret.Of(r.Body));

    /// <summary>Go puts the raw body in the message; here it is masked (<see cref="MaskSecrets"/>) and cut short, so a proxy's page does not flood logs.</summary>
    private static string RawMessage(HttpResponseSpec r) => Cut(MaskSecrets(r.Body.Length > 64 * 1024 ? r.Body[..(64 * 1024)] : r.Body), MaxMessageFromRawBody);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    // Generous: the patterns are bounded, so only a starved thread (a loaded machine) comes near it, and running out
    // masks the whole text, which must not happen to an ordinary message because the machine was busy.
    private static readonly TimeSpan MaskTimeout = TimeSpan.FromSeconds(2);

    /// <summary>JSON members (<c>"…token…": value</c>) and form fields (<c>code=value</c>) whose key names a secret.</summary>
    private static readonly Regex SecretMember = new(
        """(?<key>"[^"\\]{0,100}(?:token|code|secret|password|api_key|apikey|authorization|cookie)[^"\\]{0,100}"\s*:\s*)(?:"(?:[^"\\]|\\.)*"?|[^,}\]\s]+)"""
        + """|(?<key>\b[\w-]{0,100}(?:token|code|secret|password|api_key|apikey)[\w-]{0,100}=)[^&\s"'<>]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled, MaskTimeout);

    /// <summary>Credentials that stand on their own: <c>Bearer …</c>, <c>Basic …</c> and WorkOS API keys (<c>sk_…</c>).</summary>
    private static readonly Regex SecretToken = new(
        """(?<key>\b(?:Bearer|Basic)\s+)[^\s"',;<>]+|(?<key>)\bsk_[A-Za-z0-9_]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled, MaskTimeout);

    /// <summary>
    /// <paramref name="text"/> with secret-shaped values replaced by <c>***</c>: JSON values and form fields whose key
    /// names a token, code, secret, password, API key, authorization or cookie; <c>Bearer</c>/<c>Basic</c> credentials;
    /// and <c>sk_…</c> API keys. Total: a pattern that runs too long masks the whole text.
    /// </summary>
    /// <param name="text">Raw text from an answer.</param>
    public static string MaskSecrets(string text) =>
        !MayHoldSecret(text) ? text
        : Try(() => SecretToken.Replace(SecretMember.Replace(text, MaskMember), static m => m.Groups["key"].Value + "***"))
            .IfFail(static _ => "***");

    /// <summary>
    /// Every match of the two patterns contains one of these words (ignoring case), so a text without any of them has
    /// nothing to mask: checked with one vectorized scan instead of two regular expressions, which were most of the
    /// time of decoding a step-up (bench/README.md). Only for ASCII text: the patterns ignore case with Unicode case
    /// equivalences (the Kelvin sign matches <c>k</c>), which an ordinal comparison does not, so any other text goes
    /// to the patterns.
    /// </summary>
    private static readonly System.Buffers.SearchValues<string> SecretWords = System.Buffers.SearchValues.Create(
        ["token", "code", "secret", "password", "api_key", "apikey", "authorization", "cookie", "bearer", "basic", "sk_"],
        StringComparison.OrdinalIgnoreCase);

    private static bool MayHoldSecret(string text) =>
        !System.Text.Ascii.IsValid(text) || text.AsSpan().ContainsAny(SecretWords);

    /// <summary>Masks a member's value, except an error code (<c>"code": "entity_not_found"</c>): a snake_case word is never a secret.</summary>
    private static string MaskMember(Match m)
    {
        var key = m.Groups["key"].Value;
        var value = m.Value[key.Length..];
        var name = key.TrimStart('"').Split('"')[0];
        return name is "code" or "error_code" && ErrorCodeValue.IsMatch(value) ? m.Value : key + "***";
    }

    private static readonly Regex ErrorCodeValue = new("""^"[a-z]+(?:_[a-z]+)*"$""", RegexOptions.CultureInvariant | RegexOptions.Compiled, MaskTimeout);

    /// <summary><c>Retry-After</c> as delta-seconds, or as an HTTP date relative to the answer's <c>Date</c> header.</summary>
    internal static Option<TimeSpan> RetryAfter(HttpResponseSpec r) =>
        r.Header("retry-after").Bind(v => RetryAfter(v, r.Header("date").Bind(HttpDate)));

    /// <summary>
    /// A <c>Retry-After</c> value: delta-seconds, or an HTTP date taken relative to <paramref name="now"/> (the
    /// answer's <c>Date</c>). Total: a date earlier than <paramref name="now"/> is zero, never negative; seconds too
    /// large for a <see cref="TimeSpan"/> are <see cref="TimeSpan.MaxValue"/>, never an overflow; anything else
    /// (negative, fractional, garbage, a date with no <paramref name="now"/>) is <c>None</c>.
    /// </summary>
    /// <param name="value">The header's value.</param>
    /// <param name="now">The moment an HTTP date is relative to.</param>
    public static Option<TimeSpan> RetryAfter(string value, Option<DateTimeOffset> now)
    {
        var v = value.Trim();
        return v.Length > 0 && v.All(char.IsAsciiDigit)
            ? Some(Seconds(v))
            : from at in HttpDate(v)
              from n in now
              select at > n ? at - n : TimeSpan.Zero;
    }

    private static TimeSpan Seconds(string digits)
    {
        var significant = digits.TrimStart('0');
        return significant.Length == 0 ? TimeSpan.Zero
            : significant.Length <= 12 && long.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture) is var seconds
              && seconds < (long)TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.MaxValue;
    }

    private static readonly string[] HttpDateFormats = ["r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy", "ddd MMM dd HH:mm:ss yyyy"];

    /// <summary>An HTTP date (RFC 9110 §5.6.7: IMF-fixdate, or the obsolete RFC 850 and asctime forms), in UTC.</summary>
    private static Option<DateTimeOffset> HttpDate(string value) =>
        DateTimeOffset.TryParseExact(value.Trim(), HttpDateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? Some(at) : None;

    private static Option<User> UserOf(JsonElement o) =>
        o.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object
            ? Try(() => u.Deserialize<WireUser>(Options)).ToOption().Bind(static w => w.IsComplete ? Some(w.User) : None)
            : None;

    private static string Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static Seq<JsonElement> Objects(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? toSeq(v.EnumerateArray().Where(static x => x.ValueKind == JsonValueKind.Object).ToList())
            : Seq<JsonElement>();

    private static Seq<string> Strings(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? toSeq(v.EnumerateArray().Where(static x => x.ValueKind == JsonValueKind.String).Select(static x => x.GetString() ?? "").ToList())
            : Seq<string>();

    private static HashMap<string, bool> Booleans(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object
            ? toHashMap(v.EnumerateObject().Where(static p => p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                .Select(static p => (p.Name, p.Value.GetBoolean())))
            : HashMap<string, bool>();
}
