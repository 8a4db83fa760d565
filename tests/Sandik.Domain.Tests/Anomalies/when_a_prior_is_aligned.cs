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
    public void a_box_takes_the_prior_boxes_that_held_its_stretch_of_the_neighbourhoods_list()
    {
        // X had two boxes of 150 voters; now three of 100 cut the same list: the middle one holds the end of the
        // first and the start of the second. Y is new, so it has no prior at all.
        var now = Geography(("X", "1", 100), ("X", "2", 100), ("X", "3", 100), ("Y", "4", 100));
        var before = Geography(("X", "1", 150), ("X", "2", 150));
        var race = Race("a", "b");
        var counts = new BoxCounts(2, 2);
        counts.Set(0, 150, 120, 120, 0, [90, 30]);
        counts.Set(1, 150, 90, 90, 0, [30, 60]);

        var baseline = PriorBaseline.Align(now, race, new PriorElection(before, race, counts));

        baseline.MatchOf(0).ShouldBe(PriorMatch.Box);
        baseline.Turnout(0).ShouldBe(0.8, 1e-12);
        baseline.Share(0, 0).ShouldBe(0.75, 1e-12);
        baseline.MatchOf(1).ShouldBe(PriorMatch.Box);
        baseline.Turnout(1).ShouldBe((40 + 30) / 100.0, 1e-12);
        baseline.PerRegistered(1).ToArray().ShouldBe([(30 + 10) / 100.0, (10 + 20) / 100.0], tolerance: 1e-12);
        baseline.Share(2, 1).ShouldBe(60 / 90.0, 1e-12);
        baseline.MatchOf(3).ShouldBe(PriorMatch.None);
        baseline.Coverage().ShouldBe((3, 0));
    }

    [Fact]
    public void lists_of_different_lengths_are_laid_over_each_other_by_position_and_numbers_sort_as_numbers()
    {
        // The list grew from 200 to 400 voters: box 9 holds the first half, box 10 the second, so each maps onto
        // one prior box whole (box 10 must not sort before box 9).
        var now = Geography(("X", "10", 200), ("X", "9", 200));
        var before = Geography(("X", "1", 100), ("X", "2", 100));
        var race = Race("a", "b");
        var counts = new BoxCounts(2, 2);
        counts.Set(0, 100, 50, 50, 0, [50, 0]);
        counts.Set(1, 100, 100, 100, 0, [0, 100]);

        var baseline = PriorBaseline.Align(now, race, new PriorElection(before, race, counts));

        baseline.Share(1, 0).ShouldBe(1.0, 1e-12);
        baseline.Turnout(1).ShouldBe(0.5, 1e-12);
        baseline.Share(0, 1).ShouldBe(1.0, 1e-12);
        baseline.Turnout(0).ShouldBe(1.0, 1e-12);
    }

    [Fact]
    public void a_box_whose_stretch_was_not_reported_takes_its_neighbourhood()
    {
        var now = Geography(("X", "1", 100), ("X", "2", 100));
        var before = Geography(("X", "1", 100), ("X", "2", 100));
        var race = Race("a", "b");
        var counts = new BoxCounts(2, 2);
        counts.Set(0, 100, 80, 80, 0, [20, 60]);

        var baseline = PriorBaseline.Align(now, race, new PriorElection(before, race, counts));

        baseline.MatchOf(0).ShouldBe(PriorMatch.Box);
        baseline.MatchOf(1).ShouldBe(PriorMatch.Neighbourhood);
        baseline.Turnout(1).ShouldBe(0.8, 1e-12);
    }

    /// <summary>
    /// Three boxes of 100 voters now over two of 150 in the prior registry (choices a and b): the middle box holds the
    /// end of the first prior box and the start of the second. Each prior sheet gives its registered voters (−1: none),
    /// voters, all of them valid, and votes.
    /// </summary>
    private static PriorBaseline ThreeBoxesOverTwo((int Registered, int Voted, int[] Votes) first, (int Registered, int Voted, int[] Votes) second)
    {
        var now = Geography(("X", "1", 100), ("X", "2", 100), ("X", "3", 100));
        var before = Geography(("X", "1", 150), ("X", "2", 150));
        var race = Race("a", "b");
        var counts = new BoxCounts(2, 2);
        counts.Set(0, first.Registered, first.Voted, first.Voted, 0, first.Votes);
        counts.Set(1, second.Registered, second.Voted, second.Voted, 0, second.Votes);
        return PriorBaseline.Align(now, race, new PriorElection(before, race, counts));
    }

    [Fact]
    public void a_stretch_that_straddles_unlike_prior_boxes_carries_their_spread()
    {
        // The middle box takes half of a box where a had 90% and half of one where it had 10%: its prior share of
        // a is 50%, give or take 40 points; the outer boxes each lie within one prior box.
        var baseline = ThreeBoxesOverTwo((150, 100, [90, 10]), (150, 100, [10, 90]));

        baseline.Share(1, 0).ShouldBe(0.5, 1e-12);
        baseline.StretchSpread(1, PriorRatio.Share, 0).ShouldBe(0.4, 1e-6);
        baseline.StretchSpread(1, PriorRatio.Others, minor: [false, true]).ShouldBe(0.4, 1e-6);
        baseline.StretchSpread(1, PriorRatio.Turnout).ShouldBe(0, 1e-9);
        baseline.StretchSpread(0, PriorRatio.Share, 0).ShouldBe(0);
        baseline.StretchSpread(2, PriorRatio.Share, 1).ShouldBe(0);
    }

    [Fact]
    public void prior_sheets_without_a_register_are_measured_against_the_registry()
    {
        // Neither prior sheet gives its registered voters; the registry has 150 for each. The middle box's stretch
        // takes half of a box with 100 voters and half of one with 50: prior turnout 1/2, give or take 1/6.
        var baseline = ThreeBoxesOverTwo((-1, 100, [90, 10]), (-1, 50, [10, 40]));

        baseline.Turnout(1).ShouldBe(0.5, 1e-12);
        baseline.StretchSpread(1, PriorRatio.Turnout).ShouldBe(1 / 6.0, 1e-6);
        baseline.StretchSpread(0, PriorRatio.Turnout).ShouldBe(0);
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
