using Sandik.Domain.Anomalies;
using Sandik.Domain.Elections;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Anomalies;

public sealed class when_a_pattern_is_weighed
{
    private static readonly Race Race = new("parliament", RaceKind.Parliamentary, LocalizedText.Same("P"),
        [.. new[] { "a", "b", "c" }.Select(id => new Choice(id, id, null, ChoiceKind.Party, null))]);

    private static PatternFit Flip(PatternTest test, double[] z)
    {
        var sigma = Enumerable.Repeat(0.05, z.Length).ToArray();
        double[] expected = [0.85, 0.4, 0.35, 0.25, 0.02];
        var best = new PatternFit[PatternTest.Kinds];
        test.BestOfEach(PeerBasis.Neighbourhood, -1, z, sigma, expected, registered: 350, valid: 290, best);
        return best[(int)ManipulationPattern.Flip - 1];
    }

    [Fact]
    public void a_box_odd_in_other_directions_too_gives_the_same_shift_less_evidence()
    {
        var components = VoteComponents.Choose(Race, [400, 350, 250]);
        components.Count.ShouldBe(5); // turnout, a, b, c, invalid
        var test = new PatternTest(components);
        test.Correlations.BeginFit();
        test.Correlations.EndFit(); // no boxes: the departures are taken as uncorrelated

        // Votes moved from a to b, and nothing else odd; then the same move in a box whose turnout and invalid
        // share are far off as well (a street unlike its neighbours).
        var clean = Flip(test, [0, -3, 3, 0, 0]);
        var odd = Flip(test, [4, -3, 3, 0, 4]);

        clean.From.ShouldBe(0);
        clean.To.ShouldBe(1);
        clean.Z.ShouldBe(6 / Math.Sqrt(2), 1e-9);
        odd.Z.ShouldBe(clean.Z, 1e-9);
        // Taking the move out leaves the first box where its peers are, the second still 32 squared spreads away.
        clean.Evidence.ShouldBe(HeavyTails.Evidence(5, 18, 0), 1e-9);
        odd.Evidence.ShouldBe(HeavyTails.Evidence(5, 50, 32), 1e-9);
        odd.Evidence.ShouldBeLessThan(clean.Evidence / 3);
    }

    [Fact]
    public void evidence_grows_with_the_shift_and_never_goes_below_zero()
    {
        HeavyTails.Evidence(5, 10, 0).ShouldBeGreaterThan(HeavyTails.Evidence(5, 5, 0));
        HeavyTails.Evidence(5, 10, 0).ShouldBe(4.5 * Math.Log(14 / 4.0), 1e-12);
        HeavyTails.Evidence(5, 3, 4).ShouldBe(0);
        HeavyTails.Distance([2, 0, 0, 1], [1, 3]).ShouldBe(11, 1e-12);
    }
}
