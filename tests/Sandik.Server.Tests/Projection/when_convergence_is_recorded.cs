using Sandik.Domain.Projection;
using Sandik.Server.Projection;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Projection;

/// <summary>The convergence history: one point per count, in order of boxes counted, bounded.</summary>
public sealed class when_convergence_is_recorded
{
    private static readonly DateTimeOffset Night = new(2015, 11, 1, 18, 0, 0, TimeSpan.Zero);

    private static ProjectionSnapshot Snapshot(int boxes, long version, double share = 0.5)
    {
        var choice = new ChoiceProjection("a", share - 0.01, new Estimate(share, share - 0.02, share + 0.02), null);
        var nation = new AreaProjection("", "Türkiye", boxes, 1_000, new Estimate(0.85, 0.8, 0.9), [choice]);
        return new ProjectionSnapshot("e", "r", version, boxes, 1_000, boxes / 1_000.0, new PriorUse(null, new Dictionary<string, int>(), true, []),
            0.9, nation, [], [], null, [], []);
    }

    [Fact]
    public void a_later_snapshot_at_the_same_count_replaces_the_earlier_one_and_points_stay_in_count_order()
    {
        var history = new ConvergenceHistory();
        history.Add(Snapshot(10, 1, 0.50), Night);
        history.Add(Snapshot(30, 3, 0.52), Night);
        history.Add(Snapshot(10, 4, 0.51), Night);
        history.Add(Snapshot(20, 5, 0.49), Night);

        var points = history.Points();
        points.Select(p => p.BoxesCounted).ShouldBe([10, 20, 30]);
        points[0].Choices[0].Share.Value.ShouldBe(0.51);
        points[0].CountedFraction.ShouldBe(0.01);
        points[1].Choices[0].Share.Low.ShouldBe(0.47, 1e-9);
        points[1].Choices[0].Counted.ShouldBe(0.48, 1e-9);
    }

    [Fact]
    public void a_full_history_keeps_its_first_and_last_points_at_a_coarser_step()
    {
        var history = new ConvergenceHistory(capacity: 8);
        for (var boxes = 1; boxes <= 9; boxes++) history.Add(Snapshot(boxes, boxes), Night);

        var points = history.Points();
        points.Count.ShouldBeLessThanOrEqualTo(8);
        points[0].BoxesCounted.ShouldBe(1);
        points[^1].BoxesCounted.ShouldBe(9);
        points.Select(p => p.BoxesCounted).ShouldBeInOrder(SortDirection.Ascending);
    }
}
