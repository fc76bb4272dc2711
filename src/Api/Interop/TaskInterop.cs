namespace WorkOS.Functional;

/// <summary>
/// Plain <see cref="Task"/> forms for callers who don't use LanguageExt: run any operation with
/// <see cref="RunOrThrow{A}"/> (throws <see cref="WorkOSException"/> carrying the typed error) or
/// <see cref="RunResult{A}"/> (never throws: the value or the error), and unwrap a validated request
/// with <see cref="OrThrow{T}"/>.
/// </summary>
public static class TaskInterop
{
    /// <summary>Runs the effect: its value, or a <see cref="WorkOSException"/> whose <c>Error</c> is the typed error.</summary>
    /// <typeparam name="A">The value.</typeparam>
    /// <param name="effect">Any operation, e.g. <c>client.GetUser(request)</c>.</param>
    public static async Task<A> RunOrThrow<A>(this Aff<A> effect) =>
        (await effect.Run().ConfigureAwait(false)).Match(Succ: static a => a, Fail: static e => throw new WorkOSException(e));

    /// <summary>Runs the effect without throwing: the value or the typed error (<c>var (user, error) = …</c>).</summary>
    /// <typeparam name="A">The value.</typeparam>
    /// <param name="effect">Any operation.</param>
    public static async Task<WorkOSResult<A>> RunResult<A>(this Aff<A> effect) =>
        (await effect.Run().ConfigureAwait(false)).Match(Succ: WorkOSResult<A>.Success, Fail: WorkOSResult<A>.Failure);

    /// <summary>The validated request, or a <see cref="WorkOSException"/> carrying the <see cref="InvalidRequest"/>.</summary>
    /// <typeparam name="T">The request type.</typeparam>
    /// <param name="request">The result of a request's <c>Create</c>.</param>
    public static T OrThrow<T>(this Either<Error, T> request) =>
        request.Match(Right: static r => r, Left: static e => throw new WorkOSException(e));
}
