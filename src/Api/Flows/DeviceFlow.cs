namespace WorkOS.Functional;

/// <summary>
/// How a device sign-in waits between polls. The defaults wait for real on the system clock; tests pass a
/// <see cref="Delay"/> that returns at once (and moves a fake <see cref="Clock"/>), so nothing sleeps.
/// </summary>
public sealed record DevicePollOptions
{
    /// <summary>The real delay: <see cref="Task.Delay(TimeSpan, CancellationToken)"/>; a cancelled token fails it with <see cref="RequestCancelled"/>.</summary>
    public static readonly Func<TimeSpan, CancellationToken, Aff<Unit>> RealDelay = static (wait, ct) =>
        Aff(async () =>
        {
            await Task.Delay(wait, ct).ConfigureAwait(false);
            return unit;
        }).MapFail(e => ct.IsCancellationRequested ? new RequestCancelled() : e);

    /// <summary>Waits the given time before a poll; must honour the token.</summary>
    public Func<TimeSpan, CancellationToken, Aff<Unit>> Delay { get; init; } = RealDelay;

    /// <summary>The clock the device code's lifetime (<c>expires_in</c>) is measured on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The device's IP address, sent with each poll when set.</summary>
    public string? IpAddress { get; init; }

    /// <summary>A stable ID of the device, sent with each poll when set.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The device's user agent, sent with each poll when set.</summary>
    public string? UserAgent { get; init; }
}

/// <summary>
/// The RFC 8628 polling loop (§3.4, §3.5) over one poll effect, pure apart from that effect and the injected
/// delay and clock. Before every poll, the first included, it waits the interval; it stops with
/// <see cref="DeviceCodeExpired"/> rather than wait past the code's lifetime.
/// </summary>
internal static class DeviceFlow
{
    /// <summary>RFC 8628 §3.5: <c>slow_down</c> adds 5 seconds to the interval, for this and every later poll.</summary>
    public static readonly TimeSpan SlowDownStep = TimeSpan.FromSeconds(5);

    public static Aff<AuthenticateResponse> Poll(Func<Aff<HttpResponseSpec>> poll, DeviceAuthorizationResponse device, DevicePollOptions options, CancellationToken ct) =>
        from start in Eff(() => options.Clock.GetUtcNow())
        from session in Loop(poll, device.Interval, start + device.ExpiresIn, options, ct)
        select session;

    private static Aff<AuthenticateResponse> Loop(Func<Aff<HttpResponseSpec>> poll, TimeSpan interval, DateTimeOffset deadline, DevicePollOptions options, CancellationToken ct) =>
        from _ in options.Clock.GetUtcNow() + interval > deadline
            ? FailAff<Unit>(new DeviceCodeExpired(byServer: false))
            : options.Delay(interval, ct)
        from __ in ct.IsCancellationRequested ? FailAff<Unit>(new RequestCancelled()) : SuccessAff(unit)
        from next in poll().Bind(r => Classify(r, interval).ToAff())
            | @catchOf<RequestTimedOut, Either<TimeSpan, AuthenticateResponse>>(_ => SuccessAff(Left<TimeSpan, AuthenticateResponse>(interval * 2)))
        from session in next.Match(Right: SuccessAff, Left: longer => Loop(poll, longer, deadline, options, ct))
        select session;

    /// <summary>
    /// One poll's answer: a 2xx is the session (Right); <c>authorization_pending</c> polls again after the same
    /// interval and <c>slow_down</c> after 5 seconds more (Left, the next interval); <c>expired_token</c> and
    /// <c>access_denied</c> are typed errors; any other answer is the usual error of <see cref="Decode.Error"/>.
    /// The code is read from <c>error</c>, else <c>code</c>, whatever the status.
    /// </summary>
    public static Either<Error, Either<TimeSpan, AuthenticateResponse>> Classify(HttpResponseSpec r, TimeSpan interval) =>
        r.IsSuccess
            ? Decode.AuthenticateResponse(r).Map(Right<TimeSpan, AuthenticateResponse>)
            : Decode.OAuthErrorCode(r).IfNone("") switch
            {
                "authorization_pending" => Left<TimeSpan, AuthenticateResponse>(interval),
                "slow_down" => Left<TimeSpan, AuthenticateResponse>(interval + SlowDownStep),
                "expired_token" => new DeviceCodeExpired(byServer: true),
                "access_denied" => new DeviceAccessDenied(),
                _ => Decode.Error(r),
            };
}
