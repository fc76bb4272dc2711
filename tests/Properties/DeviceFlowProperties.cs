namespace WorkOS.Functional.Properties;

/// <summary>
/// The RFC 8628 poller over <see cref="FuncHttpIO"/>, with a delay that records each wait and moves a manual
/// clock instead of sleeping: waits, slow_down, both error forms, the terminal errors, expiry, timeouts, cancellation.
/// </summary>
public sealed class DeviceFlowProperties
{
    private const string DeviceCode = "dc_s3cr3t_device_code";
    private const string ClientId = "client_cli";
    private const string Success = """{"user":{"object":"user","id":"user_01","email":"ana@example.com","email_verified":true,"created_at":"c","updated_at":"u"},"access_token":"at_x","refresh_token":"rt_x"}""";

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A poll reply: the code in either form the API has used (400 <c>error</c>, 403 <c>code</c>).</summary>
    private static HttpResponseSpec Reply(string code, bool oauthForm) => oauthForm
        ? T.Json(400, $$"""{"error":"{{code}}","error_description":"scripted"}""")
        : T.Json(403, $$"""{"code":"{{code}}","message":"scripted"}""");

    private sealed record Run(Fin<AuthenticateResponse> Result, List<TimeSpan> Waits, List<HttpRequestSpec> Polls);

    private static Run Poll(IEnumerable<Func<HttpResponseSpec>> script, int expiresSeconds = 100_000, int intervalSeconds = 5,
        Func<int, CancellationTokenSource?>? cancelOnWait = null)
    {
        var replies = new Queue<Func<HttpResponseSpec>>(script);
        var (waits, polls, clock) = (new List<TimeSpan>(), new List<HttpRequestSpec>(), new ManualClock());
        using var cts = new CancellationTokenSource();
        var client = T.Valid(WorkOSClient.Create("sk_test_device", new FuncHttpIO(req =>
        {
            polls.Add(req);
            return replies.Count > 0 ? replies.Dequeue()() : Reply("authorization_pending", true);
        })));
        var options = new DevicePollOptions
        {
            Clock = clock,
            Delay = (wait, ct) => SuccessAff(unit).Map(_ =>
            {
                waits.Add(wait);
                clock.Now += wait;
                if (cancelOnWait?.Invoke(waits.Count) is not null) cts.Cancel();
                return unit;
            }),
        };
        var device = new DeviceAuthorizationResponse(Secret.Of(DeviceCode), "WXYZ-2345", "https://auth.example.com/device", None,
            TimeSpan.FromSeconds(expiresSeconds), TimeSpan.FromSeconds(intervalSeconds));
        var result = client.PollDeviceCode(device, ClientId, options, cts.Token).Run().AsTask().GetAwaiter().GetResult();
        return new Run(result, waits, polls);
    }

    [Property(MaxTest = 60)]
    public Property Waits_the_interval_before_every_poll_and_slow_down_adds_5_seconds_for_good() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements("authorization_pending", "slow_down").Zip(Gen.Elements(true, false))).ToArbitrary(), Gen.Choose(1, 10).ToArbitrary(), (replies, interval) =>
        {
            var run = Poll(replies.Select(r => (Func<HttpResponseSpec>)(() => Reply(r.Item1, r.Item2))).Append(() => T.Json(200, Success)), intervalSeconds: interval);
            var expected = new List<TimeSpan> { TimeSpan.FromSeconds(interval) };
            foreach (var (code, _) in replies) expected.Add(expected[^1] + (code == "slow_down" ? TimeSpan.FromSeconds(5) : TimeSpan.Zero));
            return run.Result.IsSucc && run.Waits.SequenceEqual(expected) && run.Polls.Count == replies.Count + 1
                && run.Polls.All(static p => p.Auth == Auth.None && !T.Body(p).Contains("client_secret") && T.Body(p).Contains(DeviceCode)
                    && T.Body(p).Contains("urn:ietf:params:oauth:grant-type:device_code") && !p.ToString().Contains(DeviceCode));
        });

    [Property(MaxTest = 40)]
    public Property Expired_token_and_access_denied_stop_at_once_with_typed_errors_in_both_forms() =>
        Prop.ForAll(Gen.Choose(0, 4).ToArbitrary(), Gen.Elements("expired_token", "access_denied").ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (pending, terminal, form) =>
        {
            var run = Poll(Enumerable.Repeat<Func<HttpResponseSpec>>(() => Reply("authorization_pending", !form), pending)
                .Append(() => Reply(terminal, form)).Append(() => T.Json(200, Success)));
            var error = run.Result.Match(Succ: static _ => null, Fail: static e => (Error?)e);
            return run.Polls.Count == pending + 1 && (terminal == "expired_token"
                ? error is DeviceCodeExpired { ByServer: true } && error.Is(new DeviceCodeExpired(true))
                : error is DeviceAccessDenied);
        });

    [Property(MaxTest = 40)]
    public Property Never_waits_past_the_device_codes_lifetime() =>
        Prop.ForAll(Gen.Choose(1, 120).ToArbitrary(), Gen.Choose(1, 10).ToArbitrary(), (expires, interval) =>
        {
            var run = Poll([], expiresSeconds: expires, intervalSeconds: interval);
            return run.Result.Match(Succ: static _ => false, Fail: static e => e is DeviceCodeExpired { ByServer: false })
                && run.Polls.Count == expires / interval
                && run.Waits.Aggregate(TimeSpan.Zero, static (a, b) => a + b) <= TimeSpan.FromSeconds(expires);
        });

    [Fact]
    public void Any_other_error_stops_polling_as_the_usual_typed_error()
    {
        var grant = Poll([() => Reply("authorization_pending", true), () => T.Json(400, """{"error":"invalid_grant","error_description":"bad code"}""")]);
        var api = Assert.IsType<ApiError>(grant.Result.Match(Succ: static _ => (Error?)null, Fail: static e => e));
        Assert.Equal(("invalid_grant", 2), (api.ErrorCode, grant.Polls.Count));

        var limited = Poll([() => T.Json(429, """{"error":"too_many_requests"}""", ("Retry-After", "7"))]);
        Assert.IsType<RateLimited>(limited.Result.Match(Succ: static _ => (Error?)null, Fail: static e => e));
    }

    [Fact]
    public void A_timed_out_poll_doubles_the_interval_and_polling_goes_on()
    {
        var run = Poll([() => throw new TimeoutException("scripted"), () => Reply("authorization_pending", true), () => T.Json(200, Success)], intervalSeconds: 3);
        Assert.True(run.Result.IsSucc);
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(6)], run.Waits);
    }

    [Fact]
    public void Cancelling_during_a_wait_stops_before_the_next_poll_with_RequestCancelled()
    {
        var run = Poll([], cancelOnWait: n => n == 3 ? new CancellationTokenSource() : null);
        Assert.IsType<RequestCancelled>(run.Result.Match(Succ: static _ => (Error?)null, Fail: static e => e));
        Assert.Equal(2, run.Polls.Count);
    }

    [Fact]
    public async Task Success_returns_the_session_and_nothing_is_sent_before_the_effect_runs()
    {
        var sent = new List<HttpRequestSpec>();
        var client = T.Valid(WorkOSClient.Create("sk_test_device", new FuncHttpIO(req => { sent.Add(req); return T.Json(200, Success); })));
        var device = new DeviceAuthorizationResponse(Secret.Of(DeviceCode), "WXYZ-2345", "https://auth.example.com/device", None, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5));
        var effect = client.PollDeviceCode(device, ClientId, new DevicePollOptions { Delay = static (_, _) => SuccessAff(unit) });
        Assert.Empty(sent);
        var session = await effect.Run();
        Assert.Equal("user_01", session.Match(Succ: static s => s.User.Id, Fail: static e => e.Message));
        Assert.Single(sent);
    }

    [Fact]
    public async Task SignInWithDevice_creates_shows_once_then_polls()
    {
        var sent = new List<HttpRequestSpec>();
        var shown = new List<string>();
        var client = T.Valid(WorkOSClient.Create("sk_test_device", new FuncHttpIO(req =>
        {
            sent.Add(req);
            return req.Path.Last() == "device"
                ? T.Json(200, $$"""{"device_code":"{{DeviceCode}}","user_code":"WXYZ-2345","verification_uri":"https://a.example/device","expires_in":300}""")
                : sent.Count < 3 ? Reply("authorization_pending", false) : T.Json(200, Success);
        })));
        var result = await client.SignInWithDevice(T.Valid(CreateDeviceRequest.Create(ClientId)),
                d => SuccessAff(unit).Map(_ => { shown.Add($"{d.UserCode} {d.VerificationUri}"); return unit; }),
                new DevicePollOptions { Delay = static (_, _) => SuccessAff(unit) })
            .Run();
        Assert.True(result.IsSucc);
        Assert.Equal(["WXYZ-2345 https://a.example/device"], shown);
        Assert.Equal(["user_management/authorize/device", "user_management/authenticate", "user_management/authenticate"],
            sent.Select(static s => string.Join("/", s.Path)));
        Assert.True(sent.All(static s => s.Auth == Auth.None));
    }
}
