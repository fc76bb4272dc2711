using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace WorkOS.Functional;

/// <summary>
/// A sensitive string: an API key, password, password hash, token or one-time code.
/// It prints as <c>***</c> from <see cref="ToString"/>, so any record that holds one
/// (requests, responses, errors) cannot leak it through its own <c>ToString()</c>.
/// Read the value only with <see cref="Reveal"/>, at the edge that must send it.
/// <c>System.Text.Json</c> writes it as <c>"***"</c> too, and refuses to read one.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(SecretJsonConverter))]
public sealed class Secret : IEquatable<Secret>
{
    private readonly string value;

    private Secret(string value) => this.value = value;

    /// <summary>Wraps a sensitive value. <c>null</c> becomes the empty secret.</summary>
    public static Secret Of(string? value) => new(value ?? "");

    /// <summary>The wrapped value. Call it only where the value must leave the process (the wire).</summary>
    public string Reveal() => value;

    /// <summary>True when the wrapped value is the empty string.</summary>
    public bool IsEmpty => value.Length == 0;

    /// <summary>Always <c>***</c>: the value itself is never printed.</summary>
    public override string ToString() => "***";

    /// <summary>
    /// Case-sensitive, exact equality in time that does not depend on where the values differ
    /// (<see cref="CryptographicOperations.FixedTimeEquals"/>), so comparing a received code or token with a
    /// stored one reveals nothing of it through timing; only the length may show. It compares the UTF-16 code
    /// units themselves: a UTF-8 conversion would map every lone surrogate to U+FFFD and make different secrets equal.
    /// </summary>
    /// <param name="other">The secret to compare with.</param>
    public bool Equals(Secret? other) =>
        other is not null
        && CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(value.AsSpan()), MemoryMarshal.AsBytes(other.value.AsSpan()));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Secret s && Equals(s);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(value);
}
