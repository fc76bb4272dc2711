namespace WorkOS.Functional;

public static partial class Rules
{
    /// <summary>
    /// A required E.164 phone number: <c>+</c>, then 2–15 digits, the first not 0 (e.g. <c>+447700900123</c>).
    /// </summary>
    /// <param name="field">The wire name of the field.</param>
    /// <param name="value">The phone number.</param>
    public static Validation<FieldProblem, string> PhoneNumber(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Problem<string>(field, "is required")
        : value.Length is >= 3 and <= 16 && value[0] == '+' && value[1] is >= '1' and <= '9' && value.Skip(1).All(char.IsAsciiDigit)
            ? Success<FieldProblem, string>(value)
            : Problem<string>(field, "must be an E.164 phone number (+ and 2 to 15 digits)");

    /// <summary>An optional non-negative integer (e.g. <c>max_age</c>): <c>null</c> is unset, 0 is a real value.</summary>
    /// <param name="field">The wire name of the field.</param>
    /// <param name="value">The value.</param>
    public static Validation<FieldProblem, Option<int>> OptionalNonNegative(string field, int? value) =>
        value switch
        {
            null => Success<FieldProblem, Option<int>>(None),
            < 0 => Problem<Option<int>>(field, "must not be negative"),
            _ => Success<FieldProblem, Option<int>>(Some(value.Value)),
        };
}
