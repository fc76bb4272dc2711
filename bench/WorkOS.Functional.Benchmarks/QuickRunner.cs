using System.Diagnostics;
using System.Globalization;

namespace WorkOS.Functional.Benchmarks;

/// <summary>One pair: the client's way and the hand-written baseline doing the same work.</summary>
/// <param name="Name">Printed after <c>RATIO</c>.</param>
/// <param name="Client">One operation of the client.</param>
/// <param name="Baseline">The same operation, hand-written.</param>
/// <param name="Gen2">Print gen2 collections per 1,000 operations of each side.</param>
public sealed record Pair(string Name, Func<ValueTask> Client, Func<ValueTask> Baseline, bool Gen2 = false);

/// <summary>
/// The quick mode: a few seconds per pair, client and baseline interleaved round by round (the order
/// flipping every round), so a noisy, shared machine slows both alike. The time ratio is the median of
/// the per-round ratios; the allocation ratio is total bytes over total operations, each side.
/// Allocations are counted process-wide (the in-process server's share is the same on both sides).
/// </summary>
public static class QuickRunner
{
    private sealed class Side
    {
        public readonly List<double> NsPerOp = [];
        public long Bytes;
        public long Ops;
        public int Gen2;
        public TimeSpan Paused;
    }

    public static async Task<IReadOnlyList<string>> Run(IEnumerable<Pair> pairs, TimeSpan perPair, TextWriter log)
    {
        var all = pairs.ToList();
        // Every side of every pair runs for a while before anything is measured: the JIT's tiering (tier 0,
        // instrumented, tier 1) goes on in the background for seconds after the first calls, and without this the
        // first pair was measured while its code (and the other pairs' shared code) was still being recompiled.
        foreach (var pair in all)
            foreach (var f in new[] { pair.Client, pair.Baseline })
            {
                var sw = Stopwatch.StartNew();
                while (sw.ElapsedMilliseconds < 700) await f().ConfigureAwait(false);
            }
        var lines = new List<string>();
        foreach (var pair in all)
        {
            var line = await Measure(pair, perPair, log).ConfigureAwait(false);
            Console.WriteLine(line);
            lines.Add(line);
        }
        return lines;
    }

    private static async Task<string> Measure(Pair pair, TimeSpan perPair, TextWriter log)
    {
        // Warm up (JIT tiers, connection pools), then size a round to about 25 ms of the slower side.
        var opsPerRound = int.MaxValue;
        foreach (var f in new[] { pair.Client, pair.Baseline })
        {
            var sw = Stopwatch.StartNew();
            var n = 0;
            while (sw.ElapsedMilliseconds < 400 || n < 5) { await f().ConfigureAwait(false); n++; }
            opsPerRound = Math.Min(opsPerRound, (int)Math.Max(1, n * 25 / Math.Max(1, sw.ElapsedMilliseconds)));
        }

        var (client, baseline) = (new Side(), new Side());
        var ratios = new List<double>();
        var total = Stopwatch.StartNew();
        for (var round = 0; total.Elapsed < perPair || round < 6; round++)
        {
            if (round % 2 == 0)
            {
                await Round(pair.Client, opsPerRound, client).ConfigureAwait(false);
                await Round(pair.Baseline, opsPerRound, baseline).ConfigureAwait(false);
            }
            else
            {
                await Round(pair.Baseline, opsPerRound, baseline).ConfigureAwait(false);
                await Round(pair.Client, opsPerRound, client).ConfigureAwait(false);
            }
            ratios.Add(client.NsPerOp[^1] / baseline.NsPerOp[^1]);
        }

        double time = Median(ratios), alloc = (double)client.Bytes / client.Ops / Math.Max(1.0, (double)baseline.Bytes / baseline.Ops);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {pair.Name}: client {Median(client.NsPerOp) / 1000:F2} us/op {client.Bytes / client.Ops} B/op | baseline {Median(baseline.NsPerOp) / 1000:F2} us/op {baseline.Bytes / baseline.Ops} B/op | {ratios.Count} rounds x {opsPerRound} ops | GC pause {client.Paused.TotalNanoseconds / client.Ops / 1000:F2}/{baseline.Paused.TotalNanoseconds / baseline.Ops / 1000:F2} us/op"));
        var gen2 = pair.Gen2
            ? string.Create(CultureInfo.InvariantCulture, $" gen2={client.Gen2 * 1000.0 / client.Ops:F1}/{baseline.Gen2 * 1000.0 / baseline.Ops:F1} per 1000 calls (client/baseline)")
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"RATIO {pair.Name} time={time:F2} alloc={alloc:F2}{gen2}");
    }

    private static async Task Round(Func<ValueTask> op, int n, Side side)
    {
        var gen2 = GC.CollectionCount(2);
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) await op().ConfigureAwait(false);
        sw.Stop();
        side.Bytes += GC.GetTotalAllocatedBytes(precise: true) - bytes;
        side.Gen2 += GC.CollectionCount(2) - gen2;
        side.Paused += GC.GetTotalPauseDuration() - paused;
        side.Ops += n;
        side.NsPerOp.Add(sw.Elapsed.TotalNanoseconds / n);
    }

    private static double Median(List<double> xs)
    {
        var sorted = xs.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
