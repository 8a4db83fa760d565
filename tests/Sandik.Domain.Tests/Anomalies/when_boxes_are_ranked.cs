using Sandik.Domain.Anomalies;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Anomalies;

public sealed class when_boxes_are_ranked
{
    private readonly SyntheticElection _e = new();

    [Fact]
    public void the_same_counts_give_the_same_ranking()
    {
        var first = _e.Detector(_e.Counts.Clone()).Scores();
        var second = _e.Detector(_e.Counts.Clone()).Scores();

        second.ShouldBe(first);
    }

    [Fact]
    public void stuffed_boxes_rank_above_the_clean_ones()
    {
        var counts = _e.Counts.Clone();
        string[] stuffed = ["1/D1/104", "1/D2/507", "2/D1/903", "2/D2/208"];
        foreach (var code in stuffed) counts.Set(_e.Box(code), _e.Stuffed(counts, _e.Box(code), party: 0, share: 0.2));

        var top = _e.Detector(counts).Report(new AnomalyQuery(Top: 6)).Boxes.Select(b => b.BoxCode).ToList();

        stuffed.Count(top.Contains).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void a_submission_is_rescored_at_once_against_the_last_refresh()
    {
        var counts = _e.Counts.Clone();
        var detector = _e.Detector(counts);
        var box = _e.Box("2/D2/406");
        var before = detector.ScoreOf(box);

        var result = detector.Submit(box, _e.Stuffed(counts, box, party: 2, share: 0.18));

        result.Score.ShouldBeGreaterThan(before + 3);
        detector.ScoreOf(box).ShouldBe(result.Score);
        detector.PendingSinceRefresh.ShouldBe(1);
        result.Reasons.ShouldContain(r => r.Check == AnomalyCheck.Pattern || r.Check == AnomalyCheck.Turnout);
        detector.Refresh();
        detector.PendingSinceRefresh.ShouldBe(0);
        detector.ScoreOf(box).ShouldBeGreaterThan(before + 3);
    }

    [Fact]
    public void boxes_not_reported_are_not_ranked_until_they_arrive()
    {
        var counts = _e.Counts.Clone();
        var box = _e.Box("1/D1/101");
        var tally = counts.ToTally(box);
        counts.Clear(box);
        var detector = _e.Detector(counts);

        double.IsNaN(detector.ScoreOf(box)).ShouldBeTrue();
        detector.Report().ScoredBoxes.ShouldBe(319);
        detector.ScoredBoxes.ShouldBe(319);
        detector.Submit(box, tally);
        double.IsNaN(detector.ScoreOf(box)).ShouldBeFalse();
        detector.Report().ScoredBoxes.ShouldBe(320);
        detector.ScoredBoxes.ShouldBe(320);
        detector.Update(box, tally);
        detector.ScoredBoxes.ShouldBe(320);
        detector.Refresh();
        detector.ScoredBoxes.ShouldBe(320);
    }

    [Fact]
    public void a_report_narrows_to_an_area_a_check_and_a_top()
    {
        var counts = _e.Counts.Clone();
        var box = _e.Box("2/D1/703");
        counts.Set(box, _e.Stuffed(counts, box, party: 0, share: 0.2));
        var detector = _e.Detector(counts);

        var province = detector.Report(new AnomalyQuery(Area: "2"));
        var turnout = detector.Report(new AnomalyQuery(Check: AnomalyCheck.Turnout));
        var top = detector.Report(new AnomalyQuery(Top: 5));

        province.Boxes.Count.ShouldBe(160);
        province.Boxes.ShouldAllBe(b => b.ProvinceCode == "2" && b.Province == "Province 2");
        turnout.Boxes.ShouldContain(b => b.BoxIndex == box);
        turnout.Boxes.ShouldAllBe(b => b.SurpriseOf(AnomalyCheck.Turnout) >= 1.3);
        top.Boxes.Select(b => b.Rank).ShouldBe([1, 2, 3, 4, 5]);
        top.Boxes.Select(b => b.Score).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void boxes_needing_reinforcement_are_grouped_by_district()
    {
        var counts = _e.Counts.Clone();
        foreach (var code in new[] { "1/D1/204", "1/D1/802", "2/D2/305" }) counts.Set(_e.Box(code), _e.Stuffed(counts, _e.Box(code), party: 0, share: 0.25));
        var detector = _e.Detector(counts);

        var districts = detector.Report(new AnomalyQuery(Top: 3)).ReinforcementByDistrict();

        districts.Sum(d => d.Boxes.Count).ShouldBe(3);
        districts[0].Boxes.Count.ShouldBeGreaterThanOrEqualTo(districts[^1].Boxes.Count);
        districts.ShouldAllBe(d => d.Boxes.All(b => b.DistrictCode == d.DistrictCode && b.District == d.District));
    }
}
