namespace WorkOS.Functional.FsCheck;

/// <summary>
/// The generators of one request type, untyped: what <see cref="WorkOSGen.All"/> lists, so a property can run over
/// every request type at once. <see cref="RequestGen{T}"/> is the typed form.
/// </summary>
public interface IRequestGen
{
    /// <summary>The operation the request is for: the type's name without <c>Request</c> (e.g. <c>CreateUser</c>).</summary>
    string Operation { get; }

    /// <summary>The request type (e.g. <see cref="CreateUserRequest"/>).</summary>
    Type RequestType { get; }

    /// <summary>The wire names of the fields <see cref="Broken"/> breaks, each as its <see cref="FieldProblem.Field"/>.</summary>
    IReadOnlyList<string> Fields { get; }

    /// <summary>Valid requests, boxed.</summary>
    Gen<object> Valid { get; }

    /// <summary>Inputs broken in exactly one field, each field as likely as the others.</summary>
    Gen<IBrokenRequest> Broken { get; }

    /// <summary>Inputs broken in <paramref name="field"/> only.</summary>
    /// <param name="field">One of <see cref="Fields"/>.</param>
    /// <exception cref="ArgumentException">The field is not one of <see cref="Fields"/>.</exception>
    Gen<IBrokenRequest> BrokenIn(string field);
}

/// <summary>
/// The generators of one request type <typeparamref name="T"/>: <see cref="Valid"/> requests, built only through
/// the type's validating <c>Create</c> with optional fields present and absent and values at their edges, and
/// <see cref="Broken"/> inputs, valid in every field but one.
/// </summary>
/// <typeparam name="T">The request type.</typeparam>
public sealed class RequestGen<T> : IRequestGen
{
    private readonly IReadOnlyDictionary<string, Gen<BrokenRequest<T>>> byField;

    internal RequestGen(string operation, Gen<T> valid, IReadOnlyList<(string Field, Gen<BrokenRequest<T>> Gen)> broken)
    {
        if (broken.Count == 0) throw new ArgumentException("a request generator needs at least one breakable field", nameof(broken));
        Operation = operation;
        Valid = valid;
        Fields = broken.Select(static b => b.Field).ToArray();
        byField = broken.ToDictionary(static b => b.Field, static b => b.Gen, StringComparer.Ordinal);
        Broken = Gen.OneOf(broken.Select(static b => b.Gen).ToArray());
    }

    /// <inheritdoc/>
    public string Operation { get; }

    /// <inheritdoc/>
    public Type RequestType => typeof(T);

    /// <inheritdoc/>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Valid requests, each the <c>Right</c> of the type's <c>Create</c>.</summary>
    public Gen<T> Valid { get; }

    /// <summary>
    /// Inputs valid in every field but <see cref="BrokenRequest{T}.Field"/>, with what <c>Create</c> returned for them:
    /// an <see cref="InvalidRequest"/> naming that field alone. Each field of <see cref="Fields"/> is as likely as the others.
    /// </summary>
    public Gen<BrokenRequest<T>> Broken { get; }

    /// <summary>Inputs broken in <paramref name="field"/> only.</summary>
    /// <param name="field">One of <see cref="Fields"/>.</param>
    /// <exception cref="ArgumentException">The field is not one of <see cref="Fields"/>.</exception>
    public Gen<BrokenRequest<T>> BrokenIn(string field) =>
        byField.TryGetValue(field, out var gen) ? gen
        : throw new ArgumentException($"{Operation} has no breakable field '{field}'; it has {string.Join(", ", Fields)}", nameof(field));

    Gen<object> IRequestGen.Valid => Valid.Select(static v => (object)v!);

    Gen<IBrokenRequest> IRequestGen.Broken => Broken.Select(static b => (IBrokenRequest)b);

    Gen<IBrokenRequest> IRequestGen.BrokenIn(string field) => BrokenIn(field).Select(static b => (IBrokenRequest)b);

    /// <summary>The operation and its breakable fields.</summary>
    public override string ToString() => $"{Operation} (breakable: {string.Join(", ", Fields)})";
}

/// <summary>An input broken in one field, untyped: see <see cref="BrokenRequest{T}"/>.</summary>
public interface IBrokenRequest
{
    /// <summary>The wire name of the broken field, as the <see cref="InvalidRequest"/> names it.</summary>
    string Field { get; }

    /// <summary>How it is broken, e.g. <c>blank</c>, <c>a dot segment</c>, <c>not an email address</c>.</summary>
    string Reason { get; }

    /// <summary>The request type.</summary>
    Type RequestType { get; }

    /// <summary>What <c>Create</c> returned, the request boxed.</summary>
    Either<Error, object> Result { get; }
}

/// <summary>
/// An input to <typeparamref name="T"/>'s <c>Create</c> that is valid in every field but <see cref="Field"/>, and what
/// <c>Create</c> returned for it (<see cref="Result"/>): an <see cref="InvalidRequest"/> whose
/// <see cref="InvalidRequest.Fields"/> are exactly <see cref="Field"/>. Its <see cref="ToString"/> names the field and
/// the reason, and shows the bad value only when the field is not a secret (passwords, codes, tokens print <c>***</c>).
/// </summary>
/// <typeparam name="T">The request type.</typeparam>
public sealed class BrokenRequest<T> : IBrokenRequest
{
    private readonly string shown;

    internal BrokenRequest(string field, string reason, string shown, Either<Error, T> result) =>
        (Field, Reason, this.shown, Result) = (field, reason, shown, result);

    /// <inheritdoc/>
    public string Field { get; }

    /// <inheritdoc/>
    public string Reason { get; }

    /// <inheritdoc/>
    public Type RequestType => typeof(T);

    /// <summary>What <c>Create</c> returned for the input.</summary>
    public Either<Error, T> Result { get; }

    Either<Error, object> IBrokenRequest.Result => Result.Map(static t => (object)t!);

    /// <summary>True when <see cref="Result"/> is an <see cref="InvalidRequest"/> naming <see cref="Field"/> and no other field.</summary>
    public bool RejectsOnlyItsField =>
        Result.Match(Right: static _ => false, Left: e => e is InvalidRequest ir && ir.Fields.Distinct().ToList() is [var only] && only == Field);

    /// <summary>E.g. <c>CreateUserRequest with email not an email address: "ana@"</c>; a secret field's value prints <c>***</c>.</summary>
    public override string ToString() => $"{typeof(T).Name} with {Field} {Reason}: {shown}";
}

/// <summary>A bad value for one field and why it is bad.</summary>
internal readonly record struct Bad<V>(V Value, string Reason);

/// <summary>
/// Builds a <see cref="RequestGen{T}"/> from a generator of valid arguments <typeparamref name="A"/> (a tuple), the
/// type's <c>Create</c> over them, and one breaker per field rule: a generator of bad values and how to put one into
/// otherwise valid arguments.
/// </summary>
internal sealed class Spec<A, T>(string operation, Gen<A> valid, Func<A, Either<Error, T>> create)
{
    private readonly List<(string Field, Gen<BrokenRequest<T>> Gen)> broken = [];

    /// <summary>Breaks <paramref name="field"/> with a value of <paramref name="bad"/>, set into valid arguments by <paramref name="set"/>.</summary>
    public Spec<A, T> Break<V>(string field, Gen<Bad<V>> bad, Func<A, V, A> set, bool secret = false)
    {
        broken.Add((field,
            from args in valid
            from b in bad
            select new BrokenRequest<T>(field, b.Reason, secret ? "***" : Show(b.Value), create(set(args, b.Value)))));
        return this;
    }

    /// <summary>A secret field: its bad value never prints.</summary>
    public Spec<A, T> BreakSecret<V>(string field, Gen<Bad<V>> bad, Func<A, V, A> set) => Break(field, bad, set, secret: true);

    public RequestGen<T> Build() =>
        new(operation, valid.Select(args => create(args).Match(
            Right: static r => r,
            Left: e => throw new InvalidOperationException($"WorkOSGen.{operation}.Valid made an input its Create refuses: {e.Message}"))), broken);

    private static string Show<V>(V value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t") + "\"",
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Show)) + "]",
        _ => value.ToString() ?? "",
    };
}
