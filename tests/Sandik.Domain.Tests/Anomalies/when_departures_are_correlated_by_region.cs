using Sandik.Domain.Anomalies;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Anomalies;

public sealed class when_departures_are_correlated_by_region
{
    [Fact]
    public void each_region_keeps_how_its_own_departures_go_together()
    {
        var correlations = new DepartureCorrelations(2, regions: 3);
        correlations.BeginFit();
        var random = new Random(5);
        for (var i = 0; i < 400; i++)
        {
            var x = random.NextDouble() * 2 - 1;
            var noise = (random.NextDouble() - 0.5) * 0.2;
            correlations.Observe(PeerBasis.Neighbourhood, 0, [x, -x + noise]); // one party's gain is the other's loss
            correlations.Observe(PeerBasis.Neighbourhood, 1, [x, x + noise]);  // the two rise and fall together
        }
        correlations.Observe(PeerBasis.Neighbourhood, 2, [1, 1]);
        correlations.EndFit();

        // The inverse of a negative correlation has a positive off-diagonal, and the other way round.
        correlations.Inverse(PeerBasis.Neighbourhood, 0)[1].ShouldBeGreaterThan(1);
        correlations.Inverse(PeerBasis.Neighbourhood, 1)[1].ShouldBeLessThan(-1);
        // The country mixes both; a region of one box is almost the country's.
        var country = correlations.Inverse(PeerBasis.Neighbourhood);
        Math.Abs(country[1]).ShouldBeLessThan(0.5);
        correlations.Inverse(PeerBasis.Neighbourhood, 2)[1].ShouldBe(country[1], 0.2);
    }

    [Fact]
    public void a_basis_without_enough_boxes_keeps_the_identity()
    {
        var correlations = new DepartureCorrelations(2, regions: 1);
        correlations.BeginFit();
        correlations.Observe(PeerBasis.District, 0, [1, -1]);
        correlations.EndFit();

        correlations.Inverse(PeerBasis.District, 0).ShouldBe([1, 0, 0, 1]);
    }
}
