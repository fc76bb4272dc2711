namespace WorkOS.Functional;

/// <summary>
/// Base of the string-backed wire enums. Unlike a C# <c>enum</c>, a value the server adds later
/// decodes as a value of its own and re-encodes unchanged: <c>new Order("sideways").Value == "sideways"</c>.
/// </summary>
/// <param name="Value">The exact string on the wire.</param>
public abstract record StringEnum(string Value)
{
    /// <summary>The wire string.</summary>
    public sealed override string ToString() => Value;
}
