using System.Text.Json;

namespace WorkOS.Functional.Http;

/// <summary>
/// The decoders: pure functions from a whole <see cref="HttpResponseSpec"/> to a domain value or a
/// typed error. They never throw: HTML, truncated JSON, empty bodies and wrong shapes become
/// <see cref="DecodeError"/>.
/// </summary>
public static partial class Decode
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = false,
    };

    /// <summary>
    /// Reads the body as <typeparamref name="TDto"/> and maps it; any failure is a <see cref="DecodeError"/> naming
    /// <paramref name="what"/>. When the shape knows its required fields (<see cref="IWireObject"/>), an answer
    /// lacking any of them is a <see cref="DecodeError"/> naming each, never an entity with an empty ID.
    /// Unknown fields and unknown enum values still decode.
    /// </summary>
    /// <remarks>
    /// Plain code on purpose: every answer of every call is decoded here, and the Try/Bind chain it replaces
    /// allocated a closure and an Either per step (see bench/). It is still total: every exception of the
    /// reader or of <paramref name="map"/> becomes a <see cref="DecodeError"/>, as before.
    /// </remarks>
    internal static Either<Error, A> Body<TDto, A>(string what, HttpResponseSpec r, Func<TDto, A> map) where TDto : class
    {
        if (r.IsBlank) return new DecodeError(what, r.Status, "the body is empty");
        TDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<TDto>(r.Utf8.Span, Options);
        }
        catch (Exception ex)
        {
            return new DecodeError(what, r.Status, Describe(ex, r));
        }
        if (dto is null) return new DecodeError(what, r.Status, "the body is JSON null");
        if (dto is IWireObject wire && wire.Missing("") is { IsEmpty: false } missing) return MissingFields(what, r, missing);
        try
        {
            return map(dto);
        }
        catch (Exception ex)
        {
            return new DecodeError(what, r.Status, ex.GetType().Name);
        }
    }

    /// <summary>A <see cref="DecodeError"/> naming every missing required field, or unit when none is.</summary>
    internal static Either<Error, Unit> Required(string what, HttpResponseSpec r, Seq<string> missing) =>
        missing.IsEmpty ? unit : MissingFields(what, r, missing);

    private static DecodeError MissingFields(string what, HttpResponseSpec r, Seq<string> missing) =>
        new(what, r.Status, $"missing required field{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}");

    /// <summary>Describes a parse failure by kind and position only: the body itself may hold tokens.</summary>
    private static string Describe(Exception ex, HttpResponseSpec r)
    {
        var type = r.ContentType.Length == 0 ? "no content type" : $"content type {r.ContentType}";
        if (ex is WireJsonException w)
        {
            // Found by a hand-written reader: its path below where it started (System.Text.Json's path to there, when
            // it called the reader), and the reader's position, or the one counted up to where it stood.
            var (line, position) = w.Position(r.Utf8.Span);
            return $"not the expected JSON ({type}; at line {line}, byte {position}, path {w.Path ?? "$"}{w.Below})";
        }
        return ex is JsonException j
            ? $"not the expected JSON ({type}; at line {j.LineNumber}, byte {j.BytePositionInLine}, path {j.Path ?? "$"})"
            : $"{ex.GetType().Name} ({type})";
    }

    /// <summary>A hand-written reader of a whole body: the value the reader stands on, and the paths of the required fields it lacks.</summary>
    internal delegate A WireRead<out A>(ref Utf8JsonReader reader, out Seq<string> missing);

    /// <summary>
    /// <see cref="Body{TDto, A}"/> for a body read by hand (<see cref="UserReader"/>) rather than by reflection, with the
    /// same answers: empty, JSON <c>null</c>, not JSON (anything but whitespace after the value included), a value of
    /// the wrong type, or lacking required fields, each the same <see cref="DecodeError"/>.
    /// </summary>
    internal static Either<Error, A> Read<A>(string what, HttpResponseSpec r, WireRead<A> read) where A : class
    {
        if (r.IsBlank) return new DecodeError(what, r.Status, "the body is empty");
        var reader = new Utf8JsonReader(r.Utf8.Span);
        A? value = null;
        var missing = Seq<string>();
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.Null) value = read(ref reader, out missing);
            reader.Read(); // only whitespace may follow the value (else the reader throws), as System.Text.Json requires
        }
        catch (Exception ex)
        {
            return new DecodeError(what, r.Status, Describe(ex, r));
        }
        if (value is null) return new DecodeError(what, r.Status, "the body is JSON null");
        return missing.IsEmpty ? value : MissingFields(what, r, missing);
    }

    /// <summary>Ignores the success body: for operations that return nothing.</summary>
    public static Either<Error, Unit> Nothing(HttpResponseSpec r) => unit;

    /// <summary>A <see cref="WorkOS.Functional.User"/> object.</summary>
    public static Either<Error, User> User(HttpResponseSpec r) =>
        Read("User", r, static (ref Utf8JsonReader reader, out Seq<string> missing) =>
        {
            var user = UserReader.Read(ref reader, out var lacking);
            missing = UserReader.Missing("", lacking);
            return user;
        });

    /// <summary>A list envelope of users.</summary>
    public static Either<Error, ListUsersResponse> ListUsers(HttpResponseSpec r) =>
        Read("ListUsersResponse", r, UsersPage.Read);

    /// <summary>A bare JSON array of identities.</summary>
    public static Either<Error, Seq<Identity>> Identities(HttpResponseSpec r) =>
        Body<List<IdentityDto?>, List<IdentityDto?>>("Identity[]", r, static d => d)
            .Bind(d => Required("Identity[]", r, Wire.Items("", d)).Map(_ => toSeq(d.Select(static i => i!.ToDomain())).Strict()));
}
