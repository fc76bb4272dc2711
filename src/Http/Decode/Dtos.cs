namespace WorkOS.Functional.Http;

// Wire shapes, read by reflection-based System.Text.Json with snake_case names. Every field is
// nullable: the server may omit or null any of them (spec §1.9), and the mapping to the domain
// decides what absence means. No LanguageExt types here: STJ cannot read them.

internal sealed class UserDto
{
    public string? Id { get; set; }
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public bool? EmailVerified { get; set; }
    public string? ProfilePictureUrl { get; set; }
    public string? LastSignInAt { get; set; }
    public string? ExternalId { get; set; }
    public Dictionary<string, string?>? Metadata { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }
    public string? Name { get; set; }
    public string? Locale { get; set; }
    public string? Object { get; set; }

    public User ToDomain() => new(
        Id ?? "", Email ?? "", Wire.Opt(FirstName), Wire.Opt(LastName), EmailVerified ?? false, Wire.Opt(ProfilePictureUrl),
        Wire.Opt(LastSignInAt), Wire.Opt(ExternalId),
        toHashMap((Metadata ?? []).Where(static kv => kv.Value is not null).Select(static kv => (kv.Key, kv.Value!))),
        CreatedAt ?? "", UpdatedAt ?? "", Wire.Opt(Name), Wire.Opt(Locale), Wire.Opt(Object));
}

internal sealed class IdentityDto
{
    public string? IdpId { get; set; }
    public string? Type { get; set; }
    public string? Provider { get; set; }

    public Identity ToDomain() => new(IdpId ?? "", Type ?? "", Provider ?? "");
}

internal sealed class ListMetadataDto
{
    public string? Before { get; set; }
    public string? After { get; set; }

    public ListMetadata ToDomain() => new(Wire.Opt(Before), Wire.Opt(After));
}

internal sealed class ListDto<T> where T : class
{
    public List<T?>? Data { get; set; }
    public ListMetadataDto? ListMetadata { get; set; }

    public (Seq<A> Data, ListMetadata Metadata) ToDomain<A>(Func<T, A> map) =>
        (toSeq((Data ?? []).Where(static d => d is not null).Select(d => map(d!))).Strict(),
         (ListMetadata ?? new ListMetadataDto()).ToDomain());
}

internal static class Wire
{
    /// <summary>null or "" → None (Go decodes null to "", and "" means unset).</summary>
    public static Option<string> Opt(string? value) => string.IsNullOrEmpty(value) ? None : Some(value);

    /// <summary>null or "" → None; anything else a <see cref="Secret"/> (tokens, codes, TOTP material).</summary>
    public static Option<Secret> OptSecret(string? value) => Opt(value).Map(Secret.Of);
}
