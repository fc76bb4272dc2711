using System.Buffers;
using System.Text;
using System.Text.Json;

namespace WorkOS.Functional.Http;

/// <summary>
/// A tiny closed JSON tree for request bodies. It keeps key order and omit-if-empty as data, so a
/// test compares bodies as values, and renders with <see cref="Utf8JsonWriter"/>.
/// Secrets stay wrapped (<see cref="Hidden"/>) until <see cref="Render"/>, so printing a body never leaks one.
/// </summary>
public abstract record JsonValue
{
    private JsonValue() { }

    /// <summary>JSON <c>null</c>.</summary>
    public sealed record Null : JsonValue;
    /// <summary>A JSON string.</summary>
    /// <param name="Value">The string.</param>
    public sealed record Str(string Value) : JsonValue;
    /// <summary>A JSON string holding a secret; prints as <c>***</c>, renders as the value.</summary>
    /// <param name="Value">The secret.</param>
    public sealed record Hidden(Secret Value) : JsonValue;
    /// <summary>A JSON boolean.</summary>
    /// <param name="Value">The boolean.</param>
    public sealed record Bool(bool Value) : JsonValue;
    /// <summary>A JSON integer.</summary>
    /// <param name="Value">The number.</param>
    public sealed record Num(long Value) : JsonValue;
    /// <summary>A JSON array.</summary>
    /// <param name="Items">The elements.</param>
    public sealed record Arr(Seq<JsonValue> Items) : JsonValue;
    /// <summary>A JSON object; keys are written in this order.</summary>
    /// <param name="Fields">The members.</param>
    public sealed record Obj(Seq<(string Key, JsonValue Value)> Fields) : JsonValue
    {
        /// <summary>The keys, in order.</summary>
        public Seq<string> Keys => Fields.Map(static f => f.Key);

        /// <summary>The value of <paramref name="key"/>, if present.</summary>
        public Option<JsonValue> Find(string key) => Fields.Find(f => f.Key == key).Map(static f => f.Value);
    }

    /// <summary>The compact JSON text, secrets revealed: for tests and diagnostics; the wire takes <see cref="RenderUtf8"/>.</summary>
    public string Render() => Encoding.UTF8.GetString(RenderUtf8().Span);

    /// <summary>
    /// The compact JSON as the UTF-8 bytes sent, secrets revealed: written once into one growing buffer,
    /// with no string or stream in between. Call only to put the body on the wire.
    /// </summary>
    public ReadOnlyMemory<byte> RenderUtf8()
    {
        // Taken (not shared) while in use, so a nested or concurrent render on the thread makes its own.
        var (buffer, writer) = scratch ?? (new ArrayBufferWriter<byte>(256), new Utf8JsonWriter(Stream.Null));
        scratch = null;
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        Write(writer, this);
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity <= 16 * 1024) scratch = (buffer, writer);
        return bytes;
    }

    /// <summary>
    /// One writer and buffer per thread, reused by <see cref="RenderUtf8"/>: a new <see cref="Utf8JsonWriter"/> and
    /// growing buffer per body cost more than the body itself (bench/README.md); the only allocation left is the
    /// exact-size array that goes on the wire. A scratch buffer like <c>ArrayPool</c>'s: no caller can observe it.
    /// </summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? scratch;

    private static void Write(Utf8JsonWriter w, JsonValue value)
    {
        switch (value)
        {
            case Null: w.WriteNullValue(); break;
            case Str s: w.WriteStringValue(s.Value); break;
            case Hidden h: w.WriteStringValue(h.Value.Reveal()); break;
            case Bool b: w.WriteBooleanValue(b.Value); break;
            case Num n: w.WriteNumberValue(n.Value); break;
            case Arr a:
                w.WriteStartArray();
                foreach (var item in a.Items) Write(w, item);
                w.WriteEndArray();
                break;
            case Obj o:
                w.WriteStartObject();
                foreach (var (key, v) in o.Fields)
                {
                    w.WritePropertyName(key);
                    Write(w, v);
                }
                w.WriteEndObject();
                break;
            default: throw new InvalidOperationException("JsonValue is closed.");
        }
    }
}

/// <summary>
/// Builders for request bodies in Go's key order: <c>Object(Always(…), NonEmpty(…), …)</c> drops the
/// omitted members, so omit-if-empty lives in one place.
/// </summary>
public static class Json
{
    /// <summary>An object of the members that are present, in order.</summary>
    public static JsonValue.Obj Object(params Option<(string Key, JsonValue Value)>[] members) => Object(members.AsSpan());

    /// <summary>An object of the members that are present, in order (the members passed without an array).</summary>
    public static JsonValue.Obj Object(params ReadOnlySpan<Option<(string Key, JsonValue Value)>> members) => Object(members, []);

    /// <summary>
    /// An object of the present <paramref name="members"/> followed by the present <paramref name="trailing"/> ones,
    /// in order: one array, however the members were passed.
    /// </summary>
    internal static JsonValue.Obj Object(ReadOnlySpan<Option<(string Key, JsonValue Value)>> members, ReadOnlySpan<Option<(string Key, JsonValue Value)>> trailing)
    {
        // A plain loop into one array: every request body goes through here, and the LINQ chain over
        // Options (Somes, Strict) allocated more than the body itself (see bench/).
        var count = 0;
        foreach (var m in members) if (m.IsSome) count++;
        foreach (var m in trailing) if (m.IsSome) count++;
        var present = new (string Key, JsonValue Value)[count];
        var i = 0;
        foreach (var m in members) if (m.Case is ValueTuple<string, JsonValue> kv) present[i++] = kv;
        foreach (var m in trailing) if (m.Case is ValueTuple<string, JsonValue> kv) present[i++] = kv;
        return new(toSeq(present));
    }

    /// <summary>A member written even when empty (Go "always").</summary>
    public static Option<(string, JsonValue)> Always(string key, string value) => Some((key, (JsonValue)new JsonValue.Str(value)));

    /// <summary>A secret member written even when empty.</summary>
    public static Option<(string, JsonValue)> Always(string key, Secret value) => Some((key, (JsonValue)new JsonValue.Hidden(value)));

    /// <summary>A member omitted when <c>None</c> or empty (Go omit-if-empty).</summary>
    public static Option<(string, JsonValue)> NonEmpty(string key, Option<string> value) =>
        // Not Filter/Map: a lambda capturing the key was allocated on every call, set or not (bodies are built per call).
        value.Case is string { Length: > 0 } v ? Some((key, (JsonValue)new JsonValue.Str(v))) : None;

    /// <summary>A member written whenever set, even empty (presence-based, for the newer calls); omitted only when <c>None</c>.</summary>
    public static Option<(string, JsonValue)> IfSet(string key, Option<string> value) =>
        value.Case is string v ? Some((key, (JsonValue)new JsonValue.Str(v))) : None;

    /// <summary>A secret member omitted when <c>None</c> or empty.</summary>
    public static Option<(string, JsonValue)> NonEmpty(string key, Option<Secret> value) =>
        value.Case is Secret { IsEmpty: false } v ? Some((key, (JsonValue)new JsonValue.Hidden(v))) : None;

    /// <summary>A string-enum member omitted when <c>None</c> or empty.</summary>
    public static Option<(string, JsonValue)> NonEmpty(string key, Option<StringEnum> value) =>
        value.Case is StringEnum { Value.Length: > 0 } v ? Some((key, (JsonValue)new JsonValue.Str(v.Value))) : None;

    /// <summary>A boolean member written only when <c>true</c> (Go omit-if-empty bool).</summary>
    public static Option<(string, JsonValue)> IfTrue(string key, bool value) =>
        value ? Some((key, (JsonValue)new JsonValue.Bool(true))) : None;

    /// <summary>An integer member omitted when 0 (Go omit-if-empty int).</summary>
    public static Option<(string, JsonValue)> NonZero(string key, long value) =>
        value != 0 ? Some((key, (JsonValue)new JsonValue.Num(value))) : None;

    /// <summary>A string-array member omitted when empty.</summary>
    public static Option<(string, JsonValue)> NonEmpty(string key, Seq<string> values) =>
        values.IsEmpty ? None : Some((key, (JsonValue)new JsonValue.Arr(values.Map(static v => (JsonValue)new JsonValue.Str(v)))));

    /// <summary>A string map member omitted when empty; keys written in ordinal order so bodies are deterministic.</summary>
    public static Option<(string, JsonValue)> NonEmpty(string key, HashMap<string, string> map) =>
        map.IsEmpty ? None : Some((key, (JsonValue)Sorted(map, static v => new JsonValue.Str(v))));

    /// <summary>A map member whose <c>None</c> values are written as JSON <c>null</c> (metadata deletion); omitted when empty.</summary>
    public static Option<(string, JsonValue)> NonEmpty(string key, HashMap<string, Option<string>> map) =>
        map.IsEmpty ? None
        : Some((key, (JsonValue)Sorted(map, static v => v.Match(static s => (JsonValue)new JsonValue.Str(s), static () => new JsonValue.Null()))));

    /// <summary>The map as an object with its keys in ordinal order; one array, sorted in place (cheaper than OrderBy into a Seq).</summary>
    private static JsonValue.Obj Sorted<V>(HashMap<string, V> map, Func<V, JsonValue> value)
    {
        var members = new (string Key, JsonValue Value)[map.Count];
        var i = 0;
        foreach (var (k, v) in map) members[i++] = (k, value(v));
        System.Array.Sort(members, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new JsonValue.Obj(toSeq(members));
    }
}
