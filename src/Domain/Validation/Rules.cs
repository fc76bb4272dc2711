namespace WorkOS.Functional;

/// <summary>
/// The small reusable validation rules of spec §5. Each returns an accumulating
/// <see cref="Validation{FAIL, SUCCESS}"/> so that a request's <c>Create</c> reports every problem at once.
/// Messages never echo the value, which may be a secret.
/// </summary>
public static partial class Rules
{
    /// <summary>Default page size when <c>limit</c> is unset (Go's <c>ResponseLimit</c>).</summary>
    public const int DefaultLimit = 10;
    /// <summary>Smallest accepted page size.</summary>
    public const int MinLimit = 1;
    /// <summary>Largest accepted page size.</summary>
    public const int MaxLimit = 100;

    /// <summary>A problem for <paramref name="field"/>.</summary>
    public static Validation<FieldProblem, A> Problem<A>(string field, string message) =>
        Fail<FieldProblem, A>(new FieldProblem(field, message));

    /// <summary>A non-blank string (IDs, tokens, codes, names).</summary>
    public static Validation<FieldProblem, string> Required(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Problem<string>(field, "is required") : Success<FieldProblem, string>(value);

    /// <summary>A non-blank secret (passwords, tokens, codes), wrapped so it never prints.</summary>
    public static Validation<FieldProblem, Secret> RequiredSecret(string field, string? value) =>
        Required(field, value).Map(Secret.Of);

    /// <summary>An optional string: <c>null</c> or empty becomes <c>None</c> (Go's omit-if-empty).</summary>
    public static Option<string> Optional(string? value) =>
        string.IsNullOrEmpty(value) ? None : Some(value);

    /// <summary>An optional secret: <c>null</c> or empty becomes <c>None</c>.</summary>
    public static Option<Secret> OptionalSecret(string? value) => Optional(value).Map(Secret.Of);

    /// <summary>True when <paramref name="value"/> is shaped like an email address: <c>local@domain.tld</c>, no spaces.</summary>
    public static bool IsEmailShaped(string value)
    {
        var at = value.IndexOf('@');
        var dot = value.LastIndexOf('.');
        return at > 0
            && at == value.LastIndexOf('@')
            && dot > at + 1
            && dot < value.Length - 1
            && !HasWhiteSpace(value);
    }

    /// <summary>A plain scan: <c>value.Any(char.IsWhiteSpace)</c> boxed an enumerator and called a delegate per character.</summary>
    private static bool HasWhiteSpace(string value)
    {
        foreach (var c in value)
            if (char.IsWhiteSpace(c)) return true;
        return false;
    }

    /// <summary>A required, address-shaped email.</summary>
    public static Validation<FieldProblem, string> Email(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Problem<string>(field, "is required")
        : IsEmailShaped(value) ? Success<FieldProblem, string>(value)
        : Problem<string>(field, "must be an email address");

    /// <summary>An optional email: absent is fine, present must be address-shaped.</summary>
    public static Validation<FieldProblem, Option<string>> OptionalEmail(string field, string? value) =>
        string.IsNullOrEmpty(value) ? Success<FieldProblem, Option<string>>(None) : Email(field, value).Map(Some);

    /// <summary>A required absolute <c>http</c>/<c>https</c> URL without white space.</summary>
    public static Validation<FieldProblem, Uri> AbsoluteHttpUrl(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Problem<Uri>(field, "is required")
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !value.Any(char.IsWhiteSpace)
            ? Success<FieldProblem, Uri>(uri)
            : Problem<Uri>(field, "must be an absolute http or https URL");

    /// <summary>
    /// An ID (or token) sent as one path segment: non-blank, and not the dot segments <c>.</c> or <c>..</c>,
    /// which servers and proxies resolve (even escaped as <c>%2E</c>) to another resource: <c>GET users/.</c> would
    /// read the list, <c>DELETE users/..</c> reach <c>DELETE /user_management/</c>.
    /// </summary>
    public static Validation<FieldProblem, string> PathSegment(string field, string? value) =>
        value is "." or ".." ? Problem<string>(field, "cannot be . or .. (a path segment)") : Required(field, value);

    /// <summary>A secret sent as one path segment (e.g. an invitation token): as <see cref="PathSegment"/>, wrapped.</summary>
    public static Validation<FieldProblem, Secret> PathSegmentSecret(string field, string? value) =>
        PathSegment(field, value).Map(Secret.Of);

    /// <summary>An API key: non-blank and free of control characters (which would break or split the <c>Authorization</c> header).</summary>
    public static Validation<FieldProblem, Secret> ApiKey(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Problem<Secret>(field, "is required")
        : value.Any(char.IsControl) ? Problem<Secret>(field, "cannot contain control characters")
        : Success<FieldProblem, Secret>(Secret.Of(value));

    /// <summary>
    /// An API base URL: absolute <c>https</c> (or <c>http</c> on a loopback host, or anywhere when
    /// <paramref name="allowInsecureHttp"/>), with no query, fragment or user info, which would be sent with
    /// every request or silently dropped.
    /// </summary>
    public static Validation<FieldProblem, Uri> BaseUrl(string field, string? value, bool allowInsecureHttp) =>
        AbsoluteHttpUrl(field, value).Bind(uri =>
            uri.Query.Length > 0 || value!.Contains('?') ? Problem<Uri>(field, "cannot have a query")
            : uri.Fragment.Length > 0 || value!.Contains('#') ? Problem<Uri>(field, "cannot have a fragment")
            : uri.UserInfo.Length > 0 ? Problem<Uri>(field, "cannot have user info")
            : uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowInsecureHttp
                ? Problem<Uri>(field, "must be https (http only on a loopback host, or with AllowInsecureHttp)")
            : Success<FieldProblem, Uri>(uri));

    /// <summary>An optional absolute http(s) URL: absent is fine, present must be one.</summary>
    public static Validation<FieldProblem, Option<string>> OptionalAbsoluteHttpUrl(string field, string? value) =>
        string.IsNullOrEmpty(value) ? Success<FieldProblem, Option<string>>(None) : AbsoluteHttpUrl(field, value).Map(_ => Some(value));

    /// <summary>Page size: unset → 10, otherwise 1–100.</summary>
    public static Validation<FieldProblem, int> Limit(int? value) =>
        value switch
        {
            null => Success<FieldProblem, int>(DefaultLimit),
            >= MinLimit and <= MaxLimit => Success<FieldProblem, int>(value.Value),
            _ => Problem<int>("limit", $"must be between {MinLimit} and {MaxLimit}"),
        };

    /// <summary>A page size forced into 1–100, for requests re-aimed by the pager.</summary>
    public static int ClampLimit(int limit) => Math.Clamp(limit, MinLimit, MaxLimit);

    /// <summary>Sort order: unset → <c>desc</c>, otherwise <c>asc</c> or <c>desc</c>.</summary>
    public static Validation<FieldProblem, Order> Order(Order? value) =>
        value is null ? Success<FieldProblem, Order>(WorkOS.Functional.Order.Desc)
        : value == WorkOS.Functional.Order.Asc || value == WorkOS.Functional.Order.Desc ? Success<FieldProblem, Order>(value)
        : Problem<Order>("order", "must be asc or desc");

    /// <summary>
    /// A password XOR a password hash with its type (spec §5). All three unset is fine (no password).
    /// Both kinds set: a problem on <c>password</c>. A hash without a type: on <c>password_hash_type</c>.
    /// A type without a hash: on <c>password_hash</c>.
    /// </summary>
    public static Validation<FieldProblem, Option<PasswordCredential>> Password(string? password, string? passwordHash, PasswordHashType? passwordHashType)
    {
        var hasPassword = !string.IsNullOrEmpty(password);
        var hasHash = !string.IsNullOrEmpty(passwordHash);
        var hasType = passwordHashType is not null && passwordHashType.Value.Length > 0;
        return (hasPassword, hasHash, hasType) switch
        {
            (false, false, false) => Success<FieldProblem, Option<PasswordCredential>>(None),
            (true, false, false) => Success<FieldProblem, Option<PasswordCredential>>(new PasswordCredential.Plain(Secret.Of(password))),
            (false, true, true) => Success<FieldProblem, Option<PasswordCredential>>(new PasswordCredential.Hashed(Secret.Of(passwordHash), passwordHashType!)),
            (true, _, _) => Problem<Option<PasswordCredential>>("password", "cannot be combined with password_hash or password_hash_type"),
            (false, true, false) => Problem<Option<PasswordCredential>>("password_hash_type", "is required with password_hash"),
            (false, false, true) => Problem<Option<PasswordCredential>>("password_hash", "is required with password_hash_type"),
        };
    }

    /// <summary>Collapses an accumulated validation into the single <see cref="InvalidRequest"/> error.</summary>
    public static Either<Error, A> ToRequest<A>(this Validation<FieldProblem, A> validation) =>
        validation.ToEither().MapLeft(static problems => (Error)new InvalidRequest(problems));
}

/// <summary>A user's password as sent on create/update: either plain, or an imported hash with its algorithm.</summary>
public abstract record PasswordCredential
{
    private PasswordCredential() { }

    /// <summary>A plain password (<c>password</c>).</summary>
    /// <param name="Password">The password.</param>
    public sealed record Plain(Secret Password) : PasswordCredential;

    /// <summary>An imported hash (<c>password_hash</c> + <c>password_hash_type</c>).</summary>
    /// <param name="Hash">The hash.</param>
    /// <param name="Type">Its algorithm.</param>
    public sealed record Hashed(Secret Hash, PasswordHashType Type) : PasswordCredential;
}
