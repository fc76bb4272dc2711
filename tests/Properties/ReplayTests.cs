using System.Text.RegularExpressions;

namespace WorkOS.Functional.Properties;

/// <summary>A failing property prints the seed it ran with, and that seed runs the very same cases again.</summary>
public sealed class ReplayTests
{
    [Fact]
    public void A_failing_property_prints_a_seed_that_replays_the_same_counterexample()
    {
        // A false claim ("no limit drawn exceeds 100"): the boundary-weighted generator refutes it in every run.
        var property = Prop.ForAll(WorkOSValues.Limit.ToArbitrary(), static n => n <= 100);
        var first = Assert.ThrowsAny<Exception>(() => property.Check(Config.QuickThrowOnFailure));
        var seed = Regex.Match(first.Message, @"\((\d+),\s*(\d+)\)");
        Assert.True(seed.Success, $"no replay seed in: {first.Message}");

        var replay = Config.QuickThrowOnFailure.WithReplay(ulong.Parse(seed.Groups[1].Value), ulong.Parse(seed.Groups[2].Value));
        var again = Assert.ThrowsAny<Exception>(() => property.Check(replay));
        Assert.Equal(first.Message, again.Message);
    }
}
