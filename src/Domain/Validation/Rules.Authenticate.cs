namespace WorkOS.Functional;

public static partial class Rules
{
    /// <summary>
    /// A non-blank secret that is already wrapped (e.g. the <see cref="AuthStepUp.PendingAuthenticationToken"/>
    /// of a step-up error), so it never has to be revealed to be passed on.
    /// </summary>
    /// <param name="field">The wire name of the field.</param>
    /// <param name="value">The secret; <c>null</c> counts as blank.</param>
    public static Validation<FieldProblem, Secret> NonBlankSecret(string field, Secret? value) =>
        value is null || string.IsNullOrWhiteSpace(value.Reveal()) ? Problem<Secret>(field, "is required") : Success<FieldProblem, Secret>(value);

    /// <summary>
    /// A rule with a caller-chosen message, for the URL builders whose messages are Go's exact texts
    /// (spec §2.3): fails with <paramref name="message"/> on <paramref name="field"/> when <paramref name="ok"/> is false.
    /// </summary>
    /// <param name="ok">Whether the rule holds.</param>
    /// <param name="field">The wire name of the field.</param>
    /// <param name="message">The exact message to report.</param>
    public static Validation<FieldProblem, Unit> Check(bool ok, string field, string message) =>
        ok ? Success<FieldProblem, Unit>(unit) : Problem<Unit>(field, message);
}
