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

    /// <summary>
    /// Redirect URIs <c>authorize</c> may send a code to (also allowed as logout <c>return_to</c>), added to the
    /// seed's <c>redirect_uris</c>. When neither configures any, any <c>http://localhost</c>,
    /// <c>http://127.0.0.1</c> or <c>http://[::1]</c> URI on any port is allowed, as WorkOS allows for development.
    /// </summary>
    public IReadOnlyList<string> RedirectUris { get; init; } = [];

    /// <summary>Extra URIs allowed only as logout <c>return_to</c>, added to the seed's <c>logout_redirect_uris</c>.</summary>
    public IReadOnlyList<string> LogoutRedirectUris { get; init; } = [];

    /// <summary>Lifetime of access tokens (WorkOS's default: 5 minutes). Must be positive.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Wrong codes a TOTP challenge, email verification, magic auth code or pending authentication token takes
    /// before it is invalidated (default 5; the attempt that reaches it answers <c>400 too_many_attempts</c>).
    /// </summary>
    public int MaxWrongAttempts { get; init; } = 5;

    /// <summary>
    /// <c>POST /user_management/authenticate</c> requests allowed per email (or per TOTP challenge) in any 60 s of the
    /// emulator clock, as WorkOS documents (default 10); 0 turns the limit off. Over it: 429 with <c>Retry-After</c>.
    /// </summary>
    public int AuthenticateLimitPerEmail { get; init; } = 10;

    /// <summary>Magic Auth codes that can be created per email in any 60 s (WorkOS: 3); 0 turns the limit off.</summary>
    public int MagicAuthLimitPerEmail { get; init; } = 3;
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
