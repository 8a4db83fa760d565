using Sandik.Domain.Anomalies;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Anomalies;

public sealed class when_a_prior_is_aligned
{
    private static readonly GeographyLevel[] Levels =
        [.. new[] { "nation", "province", "district", "neighbourhood" }.Select(l => new GeographyLevel(l, LocalizedText.Same(l)))];

    private static ElectionGeography Geography(params (string Hood, string Box, int Registered)[] boxes)
    {
        var builder = new GeographyBuilder(Levels, new AreaKey("TR", "Türkiye"));
        foreach (var (hood, box, registered) in boxes)
            builder.TryAddBox([new AreaKey("1", "One"), new AreaKey("1/A", "A"), new AreaKey($"1/A/{hood}", hood)], $"1/A/{box}", box, registered);
        return builder.Build();
    }

    private static Race Race(params string[] ids) =>
        new("parliament", RaceKind.Parliamentary, LocalizedText.Same("P"), [.. ids.Select(id => new Choice(id, id, null, ChoiceKind.Party, null))]);

    [Fact]
    public void a_box_matches_the_same_box_of_the_same_neighbourhood_else_its_neighbourhood()
    {
        var now = Geography(("X", "1", 100), ("X", "2", 100), ("Y", "3", 100));
        var before = Geography(("X", "1", 200), ("Y", "2", 100), ("Y", "3", 300));
        var race = Race("a", "b");
        var counts = new BoxCounts(3, 2);
        counts.Set(0, 200, 150, 140, 10, [100, 40]);
        counts.Set(1, 100, 50, 50, 0, [10, 40]);
        counts.Set(2, 300, 200, 200, 0, [50, 150]);

        var baseline = PriorBaseline.Align(now, race, new PriorElection(before, race, counts));

        baseline.MatchOf(0).ShouldBe(PriorMatch.Box);
        baseline.Turnout(0).ShouldBe(0.75);
        baseline.PerRegistered(0).ToArray().ShouldBe([0.5, 0.2]);
        // Box 2 of X was box 2 of Y before: another neighbourhood, so X's sums stand in for it.
        baseline.MatchOf(1).ShouldBe(PriorMatch.Neighbourhood);
        baseline.Turnout(1).ShouldBe(0.75);
        baseline.MatchOf(2).ShouldBe(PriorMatch.Box);
        baseline.Share(2, 1).ShouldBe(0.75);
        baseline.Coverage().ShouldBe((2, 1));
    }

    [Fact]
    public void choices_are_matched_by_id_and_new_ones_have_no_baseline()
    {
        var geography = Geography(("X", "1", 100));
        var counts = new BoxCounts(1, 3);
        counts.Set(0, 100, 80, 80, 0, [40, 30, 10]);

        var baseline = PriorBaseline.Align(geography, Race("b", "new", "a"), new PriorElection(geography, Race("a", "b", "gone"), counts));

        var perRegistered = baseline.PerRegistered(0).ToArray();
        perRegistered[0].ShouldBe(0.3);
        double.IsNaN(perRegistered[1]).ShouldBeTrue();
        perRegistered[2].ShouldBe(0.4);
        baseline.Share(0, 2).ShouldBe(0.5);
    }
}
