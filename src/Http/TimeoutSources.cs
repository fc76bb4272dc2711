namespace WorkOS.Functional.Http;

/// <summary>
/// Reusable timeout cancellation sources. Every attempt and every body read needs a token that fires after a
/// time limit or when the caller cancels; a fresh linked source with <c>CancelAfter</c> costs a source, a timer
/// and a registration (about 350 bytes) per call, so sources that did not fire are reset and kept. A source
/// keeps its timer across <see cref="CancellationTokenSource.TryReset"/>, so a reused one allocates nothing;
/// the caller's token is linked by a registration only when it can be cancelled at all.
/// </summary>
/// <remarks>
/// A cache of interchangeable objects, like <c>ArrayPool</c>: it holds no state a caller can observe. A source
/// that fired is never reused (it is disposed), and the caller's registration is undone before a source goes back,
/// so a late cancellation can never reach the next user.
/// </remarks>
internal static class TimeoutSources
{
    private static readonly CancellationTokenSource?[] Slots = new CancellationTokenSource?[Math.Max(8, Environment.ProcessorCount * 4)];

    /// <summary>The longest delay a timer takes (about 49 days); a longer limit waits that long, which is as good as forever.</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>A source that cancels after <paramref name="limit"/> or when <paramref name="ct"/> does. Give it back with <see cref="Lease.Dispose"/>.</summary>
    public static Lease Rent(TimeSpan limit, CancellationToken ct)
    {
        CancellationTokenSource? source = null;
        for (var i = 0; i < Slots.Length && source is null; i++)
            source = Interlocked.Exchange(ref Slots[i], null);
        source ??= new CancellationTokenSource();
        source.CancelAfter(limit < LongestTimer ? limit : LongestTimer);
        var link = ct.CanBeCanceled ? ct.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source) : default;
        return new Lease(source, link);
    }

    private static void Return(CancellationTokenSource source, CancellationTokenRegistration link)
    {
        link.Dispose(); // waits for a running callback, so the caller cannot cancel a source after it is given back
        if (!source.TryReset())
        {
            source.Dispose();
            return;
        }
        for (var i = 0; i < Slots.Length; i++)
            if (Interlocked.CompareExchange(ref Slots[i], source, null) is null) return;
        source.Dispose();
    }

    /// <summary>A rented source; disposing it gives the source back (or disposes it when it fired).</summary>
    internal readonly struct Lease(CancellationTokenSource source, CancellationTokenRegistration link) : IDisposable
    {
        /// <summary>Fires after the limit or when the caller cancels.</summary>
        public CancellationToken Token => source.Token;

        /// <summary>True when the limit passed or the caller cancelled.</summary>
        public bool Fired => source.IsCancellationRequested;

        /// <inheritdoc />
        public void Dispose() => Return(source, link);
    }
}
