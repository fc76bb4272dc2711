using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkOS.Functional;

/// <summary>
/// Writes a <see cref="Secret"/> as <c>"***"</c>, so serializing any value that holds one (a request, a response,
/// an error) never shows it. Reading is refused: a secret never comes back from a serialized value.
/// </summary>
public sealed class SecretJsonConverter : JsonConverter<Secret>
{
    /// <summary>Always fails: a serialized secret is only <c>***</c>.</summary>
    public override Secret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException("A Secret is never read from JSON.");

    /// <summary>Writes <c>"***"</c>.</summary>
    public override void Write(Utf8JsonWriter writer, Secret value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
