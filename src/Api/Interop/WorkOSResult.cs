namespace WorkOS.Functional;

/// <summary>
/// The outcome of <see cref="TaskInterop.RunResult{A}"/>: either a value or a typed error, for code that
/// prefers checking to catching. Deconstructs as <c>var (value, error) = result;</c>.
/// </summary>
/// <typeparam name="T">The value.</typeparam>
public sealed class WorkOSResult<T>
{
    private WorkOSResult(bool isSuccess, T? value, Error? error) => (IsSuccess, Value, Error) = (isSuccess, value, error);

    /// <summary>True when the operation succeeded; then <see cref="Value"/> is set and <see cref="Error"/> is null.</summary>
    public bool IsSuccess { get; }

    /// <summary>The value, or <c>default</c> after a failure.</summary>
    public T? Value { get; }

    /// <summary>The typed error (<see cref="ApiError"/>, <see cref="RateLimited"/>, a step-up, …), or null after a success.</summary>
    public Error? Error { get; }

    /// <summary>A success.</summary>
    /// <param name="value">The value.</param>
    public static WorkOSResult<T> Success(T value) => new(true, value, null);

    /// <summary>A failure.</summary>
    /// <param name="error">The typed error.</param>
    public static WorkOSResult<T> Failure(Error error) => new(false, default, error);

    /// <summary>Splits into the value and the error; exactly one is meaningful, per <see cref="IsSuccess"/>.</summary>
    /// <param name="value">The value, or default.</param>
    /// <param name="error">The error, or null.</param>
    public void Deconstruct(out T? value, out Error? error) => (value, error) = (Value, Error);

    /// <summary>Shows the outcome; errors and values print without secrets.</summary>
    public override string ToString() => IsSuccess ? $"Success({Value})" : $"Failure({Error})";
}
