using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkOS.Functional.Http;

/// <summary>The required fields of a user object, as bits: which of them an object lacked.</summary>
[Flags]
internal enum UserFields : byte
{
    None = 0,
    Id = 1,
    Email = 2,
    EmailVerified = 4,
    CreatedAt = 8,
    UpdatedAt = 16,
}

/// <summary>
/// How a user object reads (spec §3.1): the one place that knows it. Every decoder that meets a user comes here —
/// <see cref="Decode.User"/> and the <see cref="Decode.ListUsers"/> page directly, the shapes that nest a
/// <c>user</c> (authenticate answers, step-ups, email verification and change) through <see cref="WireUser"/>.
/// </summary>
/// <remarks>
/// Plain code on purpose (bench/README.md, issue 14): a 100-user page used to read each user into a reflection DTO
/// with a <c>Dictionary</c> for its metadata and then copy it into the <see cref="User"/> record and a
/// <c>HashMap</c>; here the reader's tokens go straight into the record. It reads exactly what the DTO
/// read: <c>null</c> and absent alike; <c>""</c> optional strings are None; unknown members of any shape skipped;
/// a repeated member: the last one wins (for <c>metadata</c>, per key too, a <c>null</c> value then dropping the key);
/// a member of another JSON type is a <see cref="WireJsonException"/> at that member's path, and so is a body that is
/// not JSON, with the reader's line and byte, as System.Text.Json reported them.
/// </remarks>
internal static class UserReader
{
    private const int Unknown = -1, Id = 0, Email = 1, FirstName = 2, LastName = 3, EmailVerified = 4, ProfilePictureUrl = 5,
        LastSignInAt = 6, ExternalId = 7, Metadata = 8, CreatedAt = 9, UpdatedAt = 10, Name = 11, Locale = 12, Object = 13;

    private static readonly string[] Names =
        ["id", "email", "first_name", "last_name", "email_verified", "profile_picture_url", "last_sign_in_at", "external_id", "metadata",
            "created_at", "updated_at", "name", "locale", "object"];

    /// <summary>
    /// Reads the user object the reader stands on, leaving it on the object's end; <paramref name="missing"/> says which
    /// required fields were absent, <c>null</c> or <c>""</c> (the user then has "" or <c>false</c> there).
    /// </summary>
    /// <exception cref="WireJsonException">Not an object, a member of another type, or not JSON; at the path below the object.</exception>
    public static User Read(ref Utf8JsonReader reader, out UserFields missing)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw WireJsonException.At("", ref reader);
        string? id = null, email = null, firstName = null, lastName = null, profilePictureUrl = null, lastSignInAt = null,
            externalId = null, createdAt = null, updatedAt = null, name = null, locale = null, @object = null;
        bool? emailVerified = null;
        var metadata = HashMap<string, string>();
        // Where the reader is, for the path of a failure (as System.Text.Json reports it): the member whose value is
        // being read (none between members), and the last metadata key read.
        var field = Unknown;
        var reading = false;
        ReadOnlySpan<byte> unknownName = default;
        string? metadataKey = null;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                field = Field(ref reader);
                if (field == Unknown) unknownName = RawName(ref reader);
                metadataKey = null; // a member's own path: no key of an earlier metadata map
                reading = true;
                reader.Read();
                switch (field)
                {
                    case Id: id = Str(ref reader); break;
                    case Email: email = Str(ref reader); break;
                    case FirstName: firstName = Str(ref reader); break;
                    case LastName: lastName = Str(ref reader); break;
                    case EmailVerified:
                        emailVerified = reader.TokenType switch
                        {
                            JsonTokenType.True => true,
                            JsonTokenType.False => false,
                            JsonTokenType.Null => null,
                            _ => throw WireJsonException.At("", ref reader),
                        };
                        break;
                    case ProfilePictureUrl: profilePictureUrl = Str(ref reader); break;
                    case LastSignInAt: lastSignInAt = Str(ref reader); break;
                    case ExternalId: externalId = Str(ref reader); break;
                    case Metadata: metadata = ReadMetadata(ref reader, ref metadataKey); break;
                    case CreatedAt: createdAt = Str(ref reader); break;
                    case UpdatedAt: updatedAt = Str(ref reader); break;
                    case Name: name = Str(ref reader); break;
                    case Locale: locale = Str(ref reader); break;
                    case Object:
                        // The one value every user shares: the literal instead of a new string per user.
                        @object = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("user"u8) ? "user" : Str(ref reader);
                        break;
                    default: reader.Skip(); break;
                }
                reading = false;
            }
        }
        catch (WireJsonException ex)
        {
            // A value of the wrong type: at the member being read (the paths are only built here, on failure).
            throw ex.Under(reading ? MemberPath(field, unknownName, metadataKey) : "");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The reader's own failures (not JSON, invalid UTF-8): at the member being read, if any.
            throw WireJsonException.From(ex, reading ? MemberPath(field, unknownName, metadataKey) : "", ref reader);
        }

        missing = (Wire.IsSet(id) ? UserFields.None : UserFields.Id)
            | (Wire.IsSet(email) ? UserFields.None : UserFields.Email)
            | (emailVerified is null ? UserFields.EmailVerified : UserFields.None)
            | (Wire.IsSet(createdAt) ? UserFields.None : UserFields.CreatedAt)
            | (Wire.IsSet(updatedAt) ? UserFields.None : UserFields.UpdatedAt);
        return new User(id ?? "", email ?? "", Wire.Opt(firstName), Wire.Opt(lastName), emailVerified ?? false, Wire.Opt(profilePictureUrl),
            Wire.Opt(lastSignInAt), Wire.Opt(externalId), metadata, createdAt ?? "", updatedAt ?? "", Wire.Opt(name), Wire.Opt(locale),
            Wire.Opt(@object));
    }

    /// <summary>A string member: its text, or null for <c>null</c>; any other JSON type is a <see cref="WireJsonException"/>.</summary>
    public static string? Str(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw WireJsonException.At("", ref reader),
    };

    /// <summary>The path of the member being read, as System.Text.Json gives it (a metadata value: its key too).</summary>
    private static string MemberPath(int field, ReadOnlySpan<byte> unknownName, string? metadataKey) =>
        field == Metadata ? Segment(Names[Metadata]) + (metadataKey is null ? "" : Segment(metadataKey))
        : field == Unknown ? Segment(NameOf(unknownName))
        : Segment(Names[field]);

    /// <summary>The paths (<paramref name="at"/> + name) of the <paramref name="missing"/> fields, in the order of the wire reference.</summary>
    public static Seq<string> Missing(string at, UserFields missing)
    {
        var paths = Seq<string>();
        if (missing == UserFields.None) return paths;
        if ((missing & UserFields.Id) != 0) paths = paths.Add(at + "id");
        if ((missing & UserFields.Email) != 0) paths = paths.Add(at + "email");
        if ((missing & UserFields.EmailVerified) != 0) paths = paths.Add(at + "email_verified");
        if ((missing & UserFields.CreatedAt) != 0) paths = paths.Add(at + "created_at");
        if ((missing & UserFields.UpdatedAt) != 0) paths = paths.Add(at + "updated_at");
        return paths;
    }

    /// <summary>
    /// <c>metadata</c>: string values, keyed; <c>null</c> (the whole map or a value) is no entry. Built into the
    /// <c>HashMap</c> as it is read: nothing when empty, no dictionary in between.
    /// </summary>
    private static HashMap<string, string> ReadMetadata(ref Utf8JsonReader reader, ref string? key)
    {
        var map = HashMap<string, string>();
        key = null; // a new map: no key read yet
        if (reader.TokenType == JsonTokenType.Null) return map;
        if (reader.TokenType != JsonTokenType.StartObject) throw WireJsonException.At("", ref reader);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            key = reader.GetString()!;
            reader.Read();
            map = reader.TokenType switch
            {
                JsonTokenType.String => map.AddOrUpdate(key, reader.GetString()!),
                JsonTokenType.Null => map.Remove(key),
                _ => throw WireJsonException.At("", ref reader),
            };
        }
        return map;
    }

    /// <summary>Which known member the reader's property name is; escaped names are compared unescaped.</summary>
    private static int Field(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence) return Field(reader.ValueSpan);
        var raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (raw > 128) return Unknown; // even fully escaped (\uXXXX), no known name is that long
        Span<byte> name = stackalloc byte[128];
        return Field(name[..reader.CopyString(name)]);
    }

    private static int Field(ReadOnlySpan<byte> n) => n.Length switch
    {
        2 when n.SequenceEqual("id"u8) => Id,
        4 when n.SequenceEqual("name"u8) => Name,
        5 when n.SequenceEqual("email"u8) => Email,
        6 when n.SequenceEqual("object"u8) => Object,
        6 when n.SequenceEqual("locale"u8) => Locale,
        8 when n.SequenceEqual("metadata"u8) => Metadata,
        9 when n.SequenceEqual("last_name"u8) => LastName,
        10 when n.SequenceEqual("first_name"u8) => FirstName,
        10 when n.SequenceEqual("created_at"u8) => CreatedAt,
        10 when n.SequenceEqual("updated_at"u8) => UpdatedAt,
        11 when n.SequenceEqual("external_id"u8) => ExternalId,
        14 when n.SequenceEqual("email_verified"u8) => EmailVerified,
        15 when n.SequenceEqual("last_sign_in_at"u8) => LastSignInAt,
        19 when n.SequenceEqual("profile_picture_url"u8) => ProfilePictureUrl,
        _ => Unknown,
    };

    /// <summary>The raw (possibly escaped) bytes of the token, kept to name an unknown member if reading its value fails.</summary>
    internal static ReadOnlySpan<byte> RawName(scoped ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;

    /// <summary>A raw (possibly escaped) member name as text; only on the failure path.</summary>
    internal static string NameOf(ReadOnlySpan<byte> raw)
    {
        var quoted = new byte[raw.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        var reader = new Utf8JsonReader(quoted);
        try
        {
            return reader.Read() ? reader.GetString() ?? "" : "";
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return System.Text.Encoding.UTF8.GetString(raw);
        }
    }

    /// <summary>
    /// One step of a JSON path as System.Text.Json writes it: <c>.name</c>, or <c>['name']</c> when the name holds a
    /// character that would make the dotted form ambiguous.
    /// </summary>
    public static string Segment(string name) =>
        name.AsSpan().IndexOfAny(PathSpecials) >= 0 ? $"['{name}']" : "." + name;

    private static readonly System.Buffers.SearchValues<char> PathSpecials =
        System.Buffers.SearchValues.Create(". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");
}

/// <summary>
/// A user nested in a reflection-read wire shape (<c>"user": {…}</c>): read by <see cref="UserReader"/> through
/// <see cref="WireUserConverter"/>, with what it lacked. Declare it <c>WireUser?</c>: absent and <c>null</c> are
/// <c>null</c>, as for any other member.
/// </summary>
[JsonConverter(typeof(WireUserConverter))]
internal readonly struct WireUser(User user, UserFields missing)
{
    /// <summary>The user; "" or <c>false</c> where a required field is <see cref="Lacking"/>.</summary>
    public User User { get; } = user;

    /// <summary>The required fields the object lacked.</summary>
    public UserFields Lacking { get; } = missing;

    /// <summary>The paths of the required fields it lacks, below <paramref name="at"/>.</summary>
    public Seq<string> Missing(string at) => UserReader.Missing(at, Lacking);

    /// <summary>True when no required field is lacking.</summary>
    public bool IsComplete => Lacking == UserFields.None;
}

/// <summary>Reads a <see cref="WireUser"/> with <see cref="UserReader"/>; users are never written from here.</summary>
internal sealed class WireUserConverter : JsonConverter<WireUser>
{
    /// <inheritdoc />
    public override WireUser Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var user = UserReader.Read(ref reader, out var missing);
        return new WireUser(user, missing);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, WireUser value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Users are read from answers, never written.");
}

/// <summary>
/// A body of the wrong shape, found by a hand-written reader: <see cref="Below"/> is the path below where that
/// reader started (<c>.email_verified</c>, <c>.metadata.tier</c>, <c>.data[3].id</c>). When System.Text.Json called
/// the reader (<see cref="WireUserConverter"/>), it sets <see cref="JsonException.Path"/> to where that was, as for
/// its own failures. The message never quotes the body.
/// </summary>
internal sealed class WireJsonException : JsonException
{
    private WireJsonException(string below, long consumed, long? line, long? bytePositionInLine, Exception? inner)
        : base("The JSON value is not of the expected type.", inner)
    {
        Below = below;
        Consumed = consumed;
        ReaderLine = line;
        ReaderBytePositionInLine = bytePositionInLine;
    }

    /// <summary>The path below the reader's start.</summary>
    public string Below { get; }

    /// <summary>The bytes consumed when it failed (the position, when the reader did not say it: <see cref="ReaderLine"/>).</summary>
    public long Consumed { get; }

    /// <summary>The line the reader reported for a body that is not JSON; null for a value of the wrong type.</summary>
    public long? ReaderLine { get; }

    /// <summary>The byte in the line the reader reported for a body that is not JSON.</summary>
    public long? ReaderBytePositionInLine { get; }

    /// <summary>A value of the wrong type where the reader stands, <paramref name="below"/> the start.</summary>
    public static WireJsonException At(string below, ref Utf8JsonReader reader) => new(below, reader.BytesConsumed, null, null, null);

    /// <summary>A failure of the reader itself (or of reading a string: invalid UTF-8), <paramref name="below"/> the start.</summary>
    public static WireJsonException From(Exception ex, string below, ref Utf8JsonReader reader) =>
        ex is JsonException { LineNumber: { } line, BytePositionInLine: { } position }
            ? new(below, reader.BytesConsumed, line, position, ex)
            : new(below, reader.BytesConsumed, null, null, ex);

    /// <summary>The same failure, seen from one level up (<paramref name="prefix"/> is the step down to where it was).</summary>
    public WireJsonException Under(string prefix) => new(prefix + Below, Consumed, ReaderLine, ReaderBytePositionInLine, InnerException);

    /// <summary>Line and byte in the line: as the reader reported them, or counted in <paramref name="body"/> up to where it stood.</summary>
    public (long Line, long Byte) Position(ReadOnlySpan<byte> body)
    {
        if (ReaderLine is { } line && ReaderBytePositionInLine is { } position) return (line, position);
        var read = body[..(int)Math.Min(Consumed, body.Length)];
        var lastNewline = read.LastIndexOf((byte)'\n');
        return (read.Count((byte)'\n'), read.Length - (lastNewline + 1));
    }
}
