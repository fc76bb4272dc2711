using System.Buffers;
using System.Text.Json;

namespace WorkOS.Functional.Http;

/// <summary>
/// The <see cref="ListUsersResponse"/> page (<c>{"data": [user…], "list_metadata": {"before", "after"}}</c>), read by
/// hand: each user straight into its <see cref="User"/> (<see cref="UserReader"/>) and into the array that backs the
/// page's <c>Seq</c>, instead of a list of DTOs mapped into a second array.
/// </summary>
/// <remarks>
/// It answers what the reflection-read list shape (<see cref="ListDto{T}"/>) answered: <c>data</c> and
/// <c>list_metadata</c> are required (absent or <c>null</c> is missing); a <c>null</c> item is itself missing, at
/// <c>data[i]</c>, and each item's missing fields are named at <c>data[i].field</c>; unknown members are skipped; a
/// repeated member: the last one wins; a member of another JSON type fails at its path.
/// </remarks>
internal static class UsersPage
{
    private const int Other = 0, Data = 1, ListMetadataMember = 2;

    /// <summary>Reads the page the reader stands on; <paramref name="missing"/> names what it lacks.</summary>
    public static ListUsersResponse Read(ref Utf8JsonReader reader, out Seq<string> missing)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw WireJsonException.At("", ref reader);
        Seq<User>? data = null;
        var itemsMissing = Seq<string>();
        ListMetadata? metadata = null;
        var member = Other;
        var reading = false;
        var index = -1;
        ReadOnlySpan<byte> otherName = default;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                member = reader.ValueTextEquals("data"u8) ? Data : reader.ValueTextEquals("list_metadata"u8) ? ListMetadataMember : Other;
                if (member == Other) otherName = UserReader.RawName(ref reader);
                index = -1; // not in an array (yet)
                reading = true;
                reader.Read();
                switch (member)
                {
                    case Data:
                        data = ReadUsers(ref reader, ref index, out itemsMissing);
                        break;
                    case ListMetadataMember:
                        metadata = ReadListMetadata(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
                reading = false;
            }
        }
        catch (WireJsonException ex)
        {
            throw ex.Under(reading ? MemberPath(member, index, otherName) : "");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw WireJsonException.From(ex, reading ? MemberPath(member, index, otherName) : "", ref reader);
        }

        missing = data is not null && metadata is not null
            ? itemsMissing // the common case: no sequences joined
            : (data is null ? Seq1("data") : Seq<string>()) + (metadata is null ? Seq1("list_metadata") : Seq<string>())
              + (data is null ? Seq<string>() : itemsMissing);
        return new ListUsersResponse(data ?? Seq<User>(), metadata ?? new ListMetadata(None, None));
    }

    /// <summary>The path of the member being read: <c>.data</c>, <c>.data[i]</c> once in the array (the item being read, or the next), <c>.list_metadata</c>, or another name.</summary>
    private static string MemberPath(int member, int index, ReadOnlySpan<byte> otherName) => member switch
    {
        Data => index < 0 ? ".data" : $".data[{index}]",
        ListMetadataMember => ".list_metadata",
        _ => UserReader.Segment(UserReader.NameOf(otherName)),
    };

    /// <summary>
    /// <c>data</c>: null, or the users, read into a pooled buffer and copied once into the array the page keeps.
    /// <paramref name="index"/> is the number of items read once in the array (the position of a failure, as System.Text.Json counts it).
    /// </summary>
    private static Seq<User>? ReadUsers(ref Utf8JsonReader reader, ref int index, out Seq<string> missing)
    {
        missing = Seq<string>();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw WireJsonException.At("", ref reader);
        index = 0; // in the array now: a failure is at an item
        var buffer = ArrayPool<User>.Shared.Rent(128);
        var count = 0;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    missing = missing.Add($"data[{index}]");
                }
                else
                {
                    var user = UserReader.Read(ref reader, out var lacking);
                    if (lacking != UserFields.None) missing += UserReader.Missing($"data[{index}].", lacking);
                    if (count == buffer.Length) buffer = Grow(buffer);
                    buffer[count++] = user;
                }
                index++;
            }
            return count == 0 ? Seq<User>() : toSeq(buffer.AsSpan(0, count).ToArray());
        }
        finally
        {
            ArrayPool<User>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static User[] Grow(User[] buffer)
    {
        var larger = ArrayPool<User>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<User>.Shared.Return(buffer, clearArray: true);
        return larger;
    }

    /// <summary><c>list_metadata</c>: null, or its two cursors (<c>null</c> or "" is none).</summary>
    private static ListMetadata? ReadListMetadata(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) throw WireJsonException.At("", ref reader);
        string? before = null, after = null;
        var reading = "";
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isBefore = reader.ValueTextEquals("before"u8);
                var isAfter = !isBefore && reader.ValueTextEquals("after"u8);
                reading = isBefore ? ".before" : isAfter ? ".after" : UserReader.Segment(reader.GetString() ?? "");
                reader.Read();
                if (isBefore) before = UserReader.Str(ref reader);
                else if (isAfter) after = UserReader.Str(ref reader);
                else reader.Skip();
                reading = "";
            }
        }
        catch (WireJsonException ex)
        {
            throw ex.Under(reading);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw WireJsonException.From(ex, reading, ref reader);
        }
        return new ListMetadata(Wire.Opt(before), Wire.Opt(after));
    }
}
