namespace WorkOS.Functional.Http;

/// <summary>
/// How the client talks HTTP: retries, backoff, timeouts, the <c>Retry-After</c> cap and the body size
/// limit. An immutable value: change it with <c>with</c>
/// (<c>WorkOSHttpOptions.Default with { MaxRetries = 0 }</c>). The rules that decide <em>what</em> is
/// retried are not options: they are <see cref="WorkOSResilience.ShouldRetry"/>.
/// </summary>
public sealed record WorkOSHttpOptions
{
    /// <summary>The defaults: 3 retries from 0.5 s with exponential backoff and jitter, 10 s per attempt,
    /// 90 s in all, <c>Retry-After</c> honoured up to 60 s, bodies up to 16 MiB, plain <c>http://</c> only on loopback.</summary>
    public static WorkOSHttpOptions Default { get; } = new();

    /// <summary>How many times a retryable failure is retried (so at most <c>MaxRetries + 1</c> attempts); 0 disables retries.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first backoff delay; each retry doubles it, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest a single attempt may take, up to the answer's headers (Go's 10 s).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest one operation may take, all attempts and waits included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The longest <c>Retry-After</c> that is waited for. A longer one (or one that would overrun
    /// <see cref="TotalTimeout"/>) is not waited for: the call fails at once with <see cref="RateLimited"/>
    /// carrying the server's value.
    /// </summary>
    public TimeSpan RetryAfterCap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest answer body read, in bytes; a larger one fails with <see cref="DecodeError"/> without being read to the end.</summary>
    public int MaxBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Allows a plain <c>http://</c> base URL on a host that is not loopback (never needed for the real API).</summary>
    public bool AllowInsecureHttp { get; init; }
}
