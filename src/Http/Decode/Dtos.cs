namespace WorkOS.Functional.Http;

// Wire shapes, read by reflection-based System.Text.Json with snake_case names. Every field is
// nullable so that reading never fails on absence; each shape then says which of its fields the
// wire reference requires (IWireObject.Missing), and Decode.Body turns any missing one into a
// DecodeError naming it before ToDomain runs. Optional fields map to Option (None when absent,
// null or ""), lists to empty Seqs. No LanguageExt types here: STJ cannot read them.
// Users are the exception: UserReader.cs reads them by hand, straight into User (a shape that nests
// one declares it WireUser?), and the ListUsers page too (UsersPage.cs).

/// <summary>A wire shape that knows which of its fields are required.</summary>
internal interface IWireObject
{
    /// <summary>
    /// The JSON paths of required fields that are absent, null or "" (a required ID or timestamp that
    /// is empty is no value), prefixed with <paramref name="at"/>; nested objects report theirs too.
    /// </summary>
    Seq<string> Missing(string at);
}

internal sealed class IdentityDto : IWireObject
{
    public string? IdpId { get; set; }
    public string? Type { get; set; }
    public string? Provider { get; set; }

    public Seq<string> Missing(string at) => Wire.Missing(at, ("idp_id", IdpId), ("type", Type), ("provider", Provider));

    public Identity ToDomain() => new(IdpId ?? "", Type ?? "", Provider ?? "");
}

internal sealed class ListMetadataDto
{
    public string? Before { get; set; }
    public string? After { get; set; }

    public ListMetadata ToDomain() => new(Wire.Opt(Before), Wire.Opt(After));
}

internal sealed class ListDto<T> : IWireObject where T : class, IWireObject
{
    public List<T?>? Data { get; set; }
    public ListMetadataDto? ListMetadata { get; set; }

    /// <summary><c>data</c> and <c>list_metadata</c> are required; so is every item, with its own required fields.</summary>
    public Seq<string> Missing(string at) =>
        Wire.Missing(at, ("data", Data), ("list_metadata", ListMetadata)) + Wire.Items(at + "data", Data);

    public (Seq<A> Data, ListMetadata Metadata) ToDomain<A>(Func<T, A> map) =>
        (Wire.Map(Data, map), (ListMetadata ?? new ListMetadataDto()).ToDomain());
}

internal static class Wire
{
    /// <summary>The paths (<paramref name="at"/> + name) of the <paramref name="fields"/> that are null or "".</summary>
    /// <remarks>
    /// Runs for every decoded object: a span of fields (no array) and a plain scan that returns the shared empty
    /// sequence when nothing is missing, the common case; the paths are only built when something is.
    /// </remarks>
    public static Seq<string> Missing(string at, params ReadOnlySpan<(string Name, object? Value)> fields)
    {
        var missing = Seq<string>();
        foreach (var (name, value) in fields)
            if (value is null or string { Length: 0 }) missing = missing.Add(at + name);
        return missing;
    }

    /// <summary>What a present nested object lacks; nothing when it is absent (say so with <see cref="Missing"/> if it is required).</summary>
    public static Seq<string> Nested(string at, string name, IWireObject? value) =>
        value is null ? Seq<string>() : value.Missing($"{at}{name}.");

    /// <summary>What a present nested user lacks; nothing when it is absent (say so with <see cref="Missing"/> if it is required).</summary>
    public static Seq<string> Nested(string at, string name, WireUser? value) =>
        value is { } user ? user.Missing($"{at}{name}.") : Seq<string>();

    /// <summary>What the items of a present array lack, each at <c>name[i]</c>; a null item is itself missing.</summary>
    public static Seq<string> Items<T>(string name, List<T?>? items) where T : class, IWireObject =>
        items is null || items.TrueForAll(static item => item is not null && item.Missing("").IsEmpty)
            ? Seq<string>() // the common case, checked without a path string per item
            : toSeq(items.Select((item, i) => item is null ? Seq1($"{name}[{i}]") : item.Missing($"{name}[{i}].")))
                .Bind(static x => x).Strict();

    /// <summary>True for a present, non-empty string.</summary>
    public static bool IsSet(string? value) => !string.IsNullOrEmpty(value);

    // The two mappings below run for every decoded entity (a page: 100 of each), so they are plain loops
    // into one array rather than Where/Select/toSeq/Strict chains, which allocated several times as much.

    /// <summary>The non-null items, mapped, in order; empty when absent.</summary>
    public static Seq<A> Map<T, A>(List<T?>? items, Func<T, A> map) where T : class
    {
        if (items is null || items.Count == 0) return Seq<A>();
        var mapped = new A[items.Count];
        var n = 0;
        foreach (var item in items)
            if (item is not null) mapped[n++] = map(item);
        return toSeq(n == mapped.Length ? mapped : mapped[..n]);
    }

    /// <summary>null or "" → None (Go decodes null to "", and "" means unset).</summary>
    public static Option<string> Opt(string? value) => string.IsNullOrEmpty(value) ? None : Some(value);

    /// <summary>null or "" → None; anything else a <see cref="Secret"/> (tokens, codes, TOTP material).</summary>
    public static Option<Secret> OptSecret(string? value) => Opt(value).Map(Secret.Of);
}
