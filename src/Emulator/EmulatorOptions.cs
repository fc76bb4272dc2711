namespace WorkOS.Functional.Emulator;

/// <summary>Configuration of a <see cref="WorkOSEmulator"/> instance.</summary>
public sealed record EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a random free port.</summary>
    public int Port { get; init; } = 0;

    /// <summary>The only API key accepted as <c>Authorization: Bearer</c> and as <c>client_secret</c>.</summary>
    public string ApiKey { get; init; } = "sk_test_default";

    /// <summary>The only <c>client_id</c> accepted by authenticate, authorize and the JWKS endpoint.</summary>
    public string ClientId { get; init; } = "client_emulator";

    /// <summary>Environment setting "MFA required": users without a factor get an <c>mfa_enrollment</c> step-up.</summary>
    public bool MfaRequired { get; init; }

    /// <summary>Contents of a seed file (format in README.md); null for an empty environment.</summary>
    public string? SeedJson { get; init; }

    /// <summary>Clock used for every timestamp and expiry; null means <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Enables per-key rate limiting (429 once <see cref="RateLimitPerMinute"/> is exceeded).</summary>
    public bool RateLimit { get; init; }

    /// <summary>Requests per minute and key allowed when <see cref="RateLimit"/> is on (default 60).</summary>
    public int RateLimitPerMinute { get; init; } = 60;
}

/// <summary>A manually advanced clock for tests.</summary>
public sealed class EmulatorClock : TimeProvider
{
    private readonly object _sync = new();
    private DateTimeOffset _now;

    /// <summary>Creates the clock at <paramref name="start"/>.</summary>
    public EmulatorClock(DateTimeOffset start) => _now = start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_sync) return _now;
    }

    /// <summary>Moves the clock forward (or backward for a negative span).</summary>
    public void Advance(TimeSpan by)
    {
        lock (_sync) _now = _now.Add(by);
    }
}
