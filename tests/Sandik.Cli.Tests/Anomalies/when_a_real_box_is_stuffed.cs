using Sandik.Domain.Anomalies;
using Sandik.Domain.Anomalies.Evaluation;
using Sandik.Import;
using Sandik.Import.Turkey;
using Shouldly;
using Xunit;

namespace Sandik.Cli.Tests.Anomalies;

/// <summary>The detector on the 174,992 real boxes of November 2015 (read once for the class).</summary>
public sealed class when_a_real_box_is_stuffed : IClassFixture<when_a_real_box_is_stuffed.November>
{
    private readonly November _november;

    public when_a_real_box_is_stuffed(November november) => _november = november;

    public sealed class November
    {
        public November()
        {
            Results = ResultFiles.Read(NovemberFile.Path, null, TurkeyData.Shipped());
            Counts = BoxCounts.From(Results.Geography.Boxes.Count, Results.Race.Choices.Count, Results.Tallies.Select(t => (t.BoxIndex, t.Tally)));
        }

        public BoxResults Results { get; }

        public BoxCounts Counts { get; }
    }

    [Fact]
    public void boxes_stuffed_with_a_fifth_of_their_register_rank_in_the_top_percent()
    {
        var counts = _november.Counts.Clone();
        var geography = _november.Results.Geography;
        var akp = _november.Results.Race.IndexOf("ak_parti");
        var random = new Random(2015);
        var target = new InjectionTarget(geography, counts, [akp]);
        var stuffed = Enumerable.Range(0, 20).Select(_ => target.Pick(random)).ToList();
        foreach (var box in stuffed)
        {
            var extra = counts.Registered(box) / 5;
            var votes = counts.Votes(box).ToArray();
            votes[akp] += extra;
            counts.Set(box, counts.Registered(box), counts.Voted(box) + extra, counts.Valid(box) + extra, counts.Invalid(box), votes);
        }

        var detector = new AnomalyDetector(geography, _november.Results.Race, counts);
        detector.Refresh();

        var rank = EvaluationRunner.Ranks(detector.Scores());
        var topPercent = (int)Math.Ceiling(0.01 * _november.Results.Tallies.Count);
        stuffed.Count(box => rank[box] < topPercent).ShouldBeGreaterThanOrEqualTo(16);
        detector.Explain(stuffed[0])!.Reasons.ShouldContain(r => r.Check == AnomalyCheck.Turnout || r.Check == AnomalyCheck.Pattern || r.Check == AnomalyCheck.Register);
    }

    [Fact]
    public void officials_voting_at_their_box_do_not_crowd_the_top_percent()
    {
        var counts = _november.Counts;
        var detector = new AnomalyDetector(_november.Results.Geography, _november.Results.Race, counts.Clone());
        detector.Refresh();

        var rank = EvaluationRunner.Ranks(detector.Scores());
        var topPercent = (int)Math.Ceiling(0.01 * _november.Results.Tallies.Count);
        var slightlyOver = Enumerable.Range(0, counts.BoxCount)
            .Where(b => counts.Registered(b) > 0 && counts.Voted(b) - counts.Registered(b) is >= 1 and <= 5).ToList();

        slightlyOver.Count.ShouldBeGreaterThan(2_000);
        slightlyOver.Count(b => rank[b] < topPercent).ShouldBeLessThan(slightlyOver.Count / 5);
    }
}
