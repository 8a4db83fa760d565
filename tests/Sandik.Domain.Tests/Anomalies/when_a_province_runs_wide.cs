using Sandik.Domain.Anomalies;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Anomalies;

public sealed class when_a_province_runs_wide
{
    private readonly SyntheticElection _e = new();

    /// <summary>Statistics of every slot: province 2's boxes run <paramref name="wider"/> times province 1's.</summary>
    private (double[] Raw, bool[] Included, PeerGroups Groups) Statistics(double wider)
    {
        var groups = new PeerGroups(_e.Geography);
        var boxes = _e.Geography.Boxes.Count;
        var raw = new double[boxes * StatisticSlot.Count];
        var random = new Random(3);
        for (var box = 0; box < boxes; box++)
        {
            var factor = groups.RegionOf(box) == 1 ? wider : 1;
            for (var slot = 0; slot < StatisticSlot.Count; slot++) raw[box * StatisticSlot.Count + slot] = factor * (0.1 + random.NextDouble());
        }
        return (raw, Enumerable.Repeat(true, boxes).ToArray(), groups);
    }

    [Fact]
    public void the_wider_province_is_scaled_down_and_the_narrower_up_pulled_towards_the_country()
    {
        var (raw, included, groups) = Statistics(wider: 1.5);

        var scale = RegionalScale.Fit(raw, included, groups);

        groups.Regions.ShouldBe(2);
        var turnout = StatisticSlot.TurnoutHigh;
        scale.Of(1, turnout).ShouldBeLessThan(1);
        scale.Of(0, turnout).ShouldBeGreaterThan(1);
        // 160 boxes a province against a weight of 200 on "like the country": less than half-way to the province's own width.
        scale.Of(1, turnout).ShouldBeGreaterThan(Math.Sqrt(1 / 1.5));
        scale.Of(1, turnout).ShouldBeLessThan(scale.Of(0, turnout) / 1.2);
    }

    [Fact]
    public void slots_fixed_by_construction_are_left_alone_and_no_scale_passes_two_or_a_half()
    {
        var (raw, included, groups) = Statistics(wider: 1_000);

        var scale = RegionalScale.Fit(raw, included, groups);

        scale.Of(1, StatisticSlot.Arithmetic).ShouldBe(1);
        scale.Of(1, StatisticSlot.Sources).ShouldBe(1);
        // The country's 90th percentile lies in the wide province: the narrow one would be scaled up a hundredfold.
        scale.Of(0, StatisticSlot.TurnoutHigh).ShouldBe(2);
        scale.Of(1, StatisticSlot.TurnoutHigh).ShouldBeInRange(0.5, 1);
        var row = new double[StatisticSlot.Count];
        Array.Fill(row, 4.0);
        scale.Apply(0, row);
        row[StatisticSlot.TurnoutHigh].ShouldBe(8);
        row[StatisticSlot.Duplicate].ShouldBe(4);
    }

    [Fact]
    public void a_country_without_provinces_is_not_scaled()
    {
        var (raw, included, groups) = Statistics(wider: 1.5);

        RegionalScale.None.Of(1, StatisticSlot.TurnoutHigh).ShouldBe(1);
        var row = raw[..StatisticSlot.Count];
        RegionalScale.None.Apply(1, row);
        row.ShouldBe(raw[..StatisticSlot.Count]);
        RegionalScale.Fit(raw, included, groups).Of(-1, StatisticSlot.TurnoutHigh).ShouldBe(1);
    }
}
