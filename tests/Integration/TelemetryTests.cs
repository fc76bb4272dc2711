using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using WorkOS.Functional.Integration.Support;

namespace WorkOS.Functional.Integration;

/// <summary>Spans (collected with OpenTelemetry's in-memory exporter), metrics and logs of real operations.</summary>
public sealed class TelemetryTests(EmulatorFixture emu) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static TracerProvider Tracing(List<Activity> spans) =>
        Sdk.CreateTracerProviderBuilder().AddSource(WorkOSTelemetry.Name).AddInMemoryExporter(spans).Build()!;

    private static List<Activity> On(List<Activity> spans, Uri server)
    {
        lock (spans) return spans.Where(a => a.GetTagItem("server.port") is int p && p == server.Port).ToList();
    }

    private static IEnumerable<string> Texts(Activity a) =>
        a.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(a.DisplayName).Append(a.StatusDescription ?? "");

    [Fact]
    public async Task One_span_per_operation_with_status_request_id_outcome_and_the_token_masked()
    {
        var spans = new List<Activity>();
        using (Tracing(spans))
        {
            var invitation = await emu.Client.SendInvitation(SendInvitationRequest.Create(EmulatorFixture.NewEmail("tel")).OrThrow()).RunOrThrow().WaitAsync(Limit);
            var token = invitation.Token.Reveal();
            await emu.Client.FindInvitationByToken(FindInvitationByTokenRequest.Create(token).OrThrow()).RunOrThrow().WaitAsync(Limit);
            var missing = await emu.Client.GetUser(GetUserRequest.Create("user_missing").OrThrow()).RunResult().WaitAsync(Limit);
            Assert.IsType<ApiError>(missing.Error);

            var mine = On(spans, emu.Emulator.BaseUrl);
            Assert.Equal(["WorkOS SendInvitation", "WorkOS FindInvitationByToken", "WorkOS GetUser"], mine.Select(a => a.DisplayName));
            Assert.All(mine, a => Assert.Equal(ActivityKind.Client, a.Kind));

            var find = mine[1];
            Assert.Equal("FindInvitationByToken", find.GetTagItem("workos.operation"));
            Assert.Equal("GET", find.GetTagItem("http.request.method"));
            Assert.Equal("/user_management/invitations/by_token/***", find.GetTagItem("url.path"));
            Assert.Equal(200, find.GetTagItem("http.response.status_code"));
            Assert.StartsWith("req_", (string)find.GetTagItem("workos.request_id")!);
            Assert.Equal("success", find.GetTagItem("workos.outcome"));
            Assert.Equal(ActivityStatusCode.Unset, find.Status);

            var get = mine[2];
            Assert.Equal(404, get.GetTagItem("http.response.status_code"));
            Assert.Equal("ApiError", get.GetTagItem("error.type"));
            Assert.Equal(ActivityStatusCode.Error, get.Status);
            Assert.Equal(((ApiError)missing.Error!).RequestId, get.GetTagItem("workos.request_id"));

            Assert.All(mine.SelectMany(Texts), t => Assert.DoesNotContain(token, t));
            Assert.All(mine.SelectMany(Texts), t => Assert.DoesNotContain(emu.Emulator.ApiKey, t));
        }
    }

    private sealed class Logs : ILoggerProvider, ILogger
    {
        public readonly ConcurrentQueue<(LogLevel Level, int Id, string Text)> Entries = new();
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, eventId.Id, formatter(state, exception)));
        public void Dispose() { }
    }

    [Fact]
    public async Task Through_AddWorkOS_the_span_counts_attempts_and_retries_are_logged_and_measured()
    {
        await using var server = await LoopbackServer.StartAsync();
        var calls = 0;
        server.Respond(_ => Interlocked.Increment(ref calls) == 1
            ? new Reply(503, "busy", "text/plain")
            : Reply.Json(200, """{"object":"user","id":"user_1","email":"a@example.com","email_verified":true,"created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"}""",
                ("X-Request-ID", "req_tel_1")));
        var logs = new Logs();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddWorkOS(o => (o.ApiKey, o.BaseUrl) = ("sk_test_telemetry_key", server.BaseUrl.ToString()),
            WorkOSHttpOptions.Default with { BaseDelay = TimeSpan.FromMilliseconds(10) });
        await using var sp = services.BuildServiceProvider();

        var measured = new ConcurrentQueue<(string Instrument, string? Operation, string? Outcome)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (i, l) => { if (i.Meter.Name == WorkOSTelemetry.Name) l.EnableMeasurementEvents(i); };
        void Record<T>(Instrument i, T _, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? __)
        {
            string? operation = null, outcome = null;
            foreach (var t in tags)
            {
                if (t.Key == "workos.operation") operation = t.Value?.ToString();
                if (t.Key == "workos.outcome") outcome = t.Value?.ToString();
            }
            measured.Enqueue((i.Name, operation, outcome));
        }
        meters.SetMeasurementEventCallback<double>(Record);
        meters.SetMeasurementEventCallback<long>(Record);
        meters.Start();

        var spans = new List<Activity>();
        using (Tracing(spans))
        {
            var user = await sp.GetRequiredService<WorkOSClient>().GetUser(GetUserRequest.Create("user_1").OrThrow()).RunOrThrow().WaitAsync(Limit);
            Assert.Equal("user_1", user.Id);
        }

        var span = Assert.Single(On(spans, server.BaseUrl));
        Assert.Equal(2, span.GetTagItem("workos.attempt_count"));
        Assert.Equal(true, span.GetTagItem("workos.retried"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("req_tel_1", span.GetTagItem("workos.request_id"));

        var texts = logs.Entries.Select(e => e.Text).ToList();
        Assert.Contains(texts, t => t == "WorkOS GetUser: GET /user_management/users/user_1");
        Assert.Contains(texts, t => t == "WorkOS GetUser: retrying, attempt 2");
        Assert.Contains(texts, t => t.StartsWith("WorkOS GetUser answered 200 (request id req_tel_1)"));
        Assert.All(texts, t => Assert.DoesNotContain("sk_test_telemetry_key", t));

        Assert.Contains(measured, m => m == ("workos.client.operation.duration", "GetUser", "success"));
        Assert.Contains(measured, m => m == ("workos.client.operations", "GetUser", "success"));
    }

    [Fact]
    public async Task Without_DI_a_client_from_Create_counts_attempts_on_its_span_and_logs_retries_to_its_logger()
    {
        await using var server = await LoopbackServer.StartAsync();
        var calls = 0;
        server.Respond(_ => Interlocked.Increment(ref calls) <= 2
            ? new Reply(503, "busy", "text/plain")
            : Reply.Json(200, """{"object":"user","id":"user_2","email":"b@example.com","email_verified":true,"created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"}"""));
        var logs = new Logs();
        // No HttpClient given: the library's own pipeline over the shared pool, as most non-DI callers use it.
        var client = WorkOSClient.Create("sk_test_plain_key", WorkOSHttpOptions.Default with { BaseDelay = TimeSpan.FromMilliseconds(10) },
                server.BaseUrl.ToString())
            .IfLeft(e => throw new InvalidOperationException(e.Message))
            .WithLogger(logs);

        var spans = new List<Activity>();
        using (Tracing(spans))
        {
            var user = await client.GetUser(GetUserRequest.Create("user_2").OrThrow()).RunOrThrow().WaitAsync(Limit);
            Assert.Equal("user_2", user.Id);
        }

        var span = Assert.Single(On(spans, server.BaseUrl));
        Assert.Equal(3, span.GetTagItem("workos.attempt_count"));
        Assert.Equal(true, span.GetTagItem("workos.retried"));
        var texts = logs.Entries.Select(e => e.Text).ToList();
        Assert.Contains("WorkOS GetUser: retrying, attempt 2", texts);
        Assert.Contains("WorkOS GetUser: retrying, attempt 3", texts);
        Assert.All(texts, t => Assert.DoesNotContain("sk_test_plain_key", t));
    }
}
