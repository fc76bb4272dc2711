namespace WorkOS.Functional;

/// <summary>One reason a request was rejected before anything was sent.</summary>
/// <param name="Field">The wire name of the offending field (e.g. <c>email</c>, <c>password_hash_type</c>).</param>
/// <param name="Message">What is wrong, without echoing the value (values may be secrets).</param>
public sealed record FieldProblem(string Field, string Message)
{
    /// <summary><c>field: message</c>.</summary>
    public override string ToString() => $"{Field}: {Message}";
}
