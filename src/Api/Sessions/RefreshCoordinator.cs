using System.Security.Cryptography;
using System.Text;

namespace WorkOS.Functional.Sessions;

/// <summary>
/// Single flight for refreshes. A refresh token is single-use: when a page fires ten requests with one expiring
/// cookie, ten refreshes would spend it ten times and nine would log the user out. Through a coordinator, concurrent
/// refreshes of one session (keyed by a SHA-256 of its refresh token and the target organization; the token itself is
/// not kept) share one in-flight refresh and its result. A finished result is also kept for <see cref="Retention"/>,
/// so requests that arrive just after it with the old cookie get the same new session instead of a spent token;
/// transient failures are not kept, so the next call tries again.
/// The coordinator is a value: make one per application (a singleton in DI) and share it; there is no static state.
/// It coordinates one process; several servers need sticky sessions or a shared store.
/// </summary>
public sealed class RefreshCoordinator
{
    /// <summary>The default <see cref="Retention"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromSeconds(30);

    private readonly Lock gate = new();
    private readonly Dictionary<string, Task<RefreshResult>> inFlight = [];
    private readonly Dictionary<string, (RefreshResult Result, DateTimeOffset At)> finished = [];
    private int started;

    /// <summary>Makes a coordinator.</summary>
    /// <param name="retention">How long a finished result is handed to late callers; default 30 s; zero (or less) keeps none.</param>
    /// <param name="clock">The clock for <paramref name="retention"/>; default <see cref="TimeProvider.System"/>.</param>
    public RefreshCoordinator(TimeSpan? retention = null, TimeProvider? clock = null) =>
        (Retention, Clock) = (retention is not { } r ? DefaultRetention : r < TimeSpan.Zero ? TimeSpan.Zero : r, clock ?? TimeProvider.System);

    /// <summary>How long a finished (successful or terminal) result is handed to callers of the same key.</summary>
    public TimeSpan Retention { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>How many refreshes this coordinator has started (shared calls count once).</summary>
    public int RefreshesStarted => Volatile.Read(ref started);

    /// <summary>The key of a session's refresh: a hash of the refresh token and the organization, never the token itself.</summary>
    internal static string Key(Secret refreshToken, Option<string> organizationId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken.Reveal() + "\n" + organizationId.IfNone(""))));

    /// <summary>
    /// Runs <paramref name="refresh"/> unless a refresh of <paramref name="key"/> is in flight or just finished, in
    /// which case its result is shared. The shared refresh is not cancelled by any one caller: <paramref name="ct"/>
    /// only stops this caller's wait (it then gets <see cref="TryLater"/> with <see cref="RequestCancelled"/>).
    /// </summary>
    internal Aff<RefreshResult> Run(string key, Func<Aff<RefreshResult>> refresh, CancellationToken ct) =>
        Aff(async () =>
        {
            Task<RefreshResult> task;
            lock (gate)
            {
                var now = Clock.GetUtcNow();
                foreach (var old in finished.Where(kv => now - kv.Value.At >= Retention).Select(static kv => kv.Key).ToList()) finished.Remove(old);
                if (finished.TryGetValue(key, out var done)) return done.Result;
                if (!inFlight.TryGetValue(key, out var running))
                {
                    started++;
                    running = Start(key, refresh);
                    inFlight[key] = running;
                }
                task = running;
            }
            try
            {
                return await task.WaitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return new TryLater(new RequestCancelled());
            }
        });

    private async Task<RefreshResult> Start(string key, Func<Aff<RefreshResult>> refresh)
    {
        await Task.Yield();
        var fin = await refresh().Run().ConfigureAwait(false);
        var result = fin.Match(Succ: static r => r, Fail: RefreshResult.Classify);
        lock (gate)
        {
            inFlight.Remove(key);
            if (result is not TryLater && Retention > TimeSpan.Zero) finished[key] = (result, Clock.GetUtcNow());
        }
        return result;
    }

    /// <summary>Shows the settings and counts, never a key.</summary>
    public override string ToString() => $"RefreshCoordinator {{ Retention = {Retention}, RefreshesStarted = {RefreshesStarted} }}";
}
