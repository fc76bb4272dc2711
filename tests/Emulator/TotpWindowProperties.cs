using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace WorkOS.Functional.Emulator.Tests;

/// <summary>
/// The emulator's TOTP window as a property over the offset: a code made at any moment of the current 30-second
/// step or of the step either side is accepted, and a code of any step further away is refused (unless it happens
/// to equal an accepted one). Codes come from the tests' independent RFC 6238 implementation.
/// </summary>
public sealed class TotpWindowProperties
{
    private const int Step = 30;

    private static Gen<byte[]> Keys => Gen.ArrayOf(Gen.Choose(0, 255).Select(static b => (byte)b), 20);

    private static Gen<long> Moments => Gen.Choose(0, int.MaxValue).Select(static s => (long)s);

    /// <summary>Seconds away from now, weighted to the edges: ±1 s around each step boundary up to two steps away.</summary>
    private static Gen<int> Offsets => Gen.Frequency(
        (3, Gen.Elements(-91, -90, -89, -61, -60, -59, -31, -30, -29, -1, 0, 1, 29, 30, 31, 59, 60, 61, 89, 90, 91)),
        (2, Gen.Choose(-150, 150)));

    private static long Counter(long unix) => unix / Step;

    [Property]
    public Property A_code_is_accepted_exactly_within_one_step_either_side() =>
        Prop.ForAll(Keys.ToArbitrary(), Moments.ToArbitrary(), Offsets.ToArbitrary(), (key, now, offset) =>
        {
            var moment = Math.Max(now + offset, 0);
            var code = TestTotp.Code(key, moment);
            var stepsAway = Math.Abs(Counter(moment) - Counter(now));
            var collides = new[] { -Step, 0, Step }.Any(d => TestTotp.Code(key, now + d) == code);
            var accepted = Internal.Totp.MatchStep(key, code, DateTimeOffset.FromUnixTimeSeconds(now)) is not null;
            return (accepted == (stepsAway <= 1 || collides))
                .Label($"now {now}, offset {offset}s ({stepsAway} steps away): accepted {accepted}");
        });
}
