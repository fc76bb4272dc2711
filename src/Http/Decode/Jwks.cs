using System.Text.Json.Serialization;

namespace WorkOS.Functional.Http;

// Wire shape of spec next §3.7. Members other than these (x5t, …) are ignored.

internal sealed class JwksDto : IWireObject
{
    public List<JwkDto?>? Keys { get; set; }

    /// <summary><c>keys</c> is required, and so is every key's <c>kty</c>.</summary>
    public Seq<string> Missing(string at) => Wire.Missing(at, ("keys", Keys)) + Wire.Items(at + "keys", Keys);

    public Jwks ToDomain() =>
        new(toSeq((Keys ?? []).Where(static k => k is not null).Select(static k => k!.ToDomain())).Strict());
}

internal sealed class JwkDto : IWireObject
{
    public string? Kty { get; set; }
    public string? Kid { get; set; }
    public string? Alg { get; set; }
    public string? Use { get; set; }
    public string? N { get; set; }
    public string? E { get; set; }
    public List<string?>? X5c { get; set; }

    [JsonPropertyName("x5t#S256")]
    public string? X5tS256 { get; set; }

    public Seq<string> Missing(string at) => Wire.Missing(at, ("kty", Kty));

    public Jwk ToDomain() => new(
        Kty ?? "", Wire.Opt(Kid), Wire.Opt(Alg), Wire.Opt(Use), Wire.Opt(N), Wire.Opt(E),
        toSeq((X5c ?? []).Where(static c => c is not null).Select(static c => c!)).Strict(), Wire.Opt(X5tS256));
}

public static partial class Decode
{
    /// <summary>A JSON Web Key Set <c>{"keys": [...]}</c> (spec next §3.7); a body that is not a JSON object is a <see cref="DecodeError"/>.</summary>
    public static Either<Error, Jwks> Jwks(HttpResponseSpec r) =>
        Body<JwksDto, Jwks>("JWKS", r, static d => d.ToDomain());
}
