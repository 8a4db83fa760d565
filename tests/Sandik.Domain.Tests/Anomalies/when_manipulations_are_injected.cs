using Sandik.Domain.Anomalies;
using Sandik.Domain.Anomalies.Evaluation;
using Sandik.Domain.Anomalies.Forensics;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Anomalies;

public sealed class when_manipulations_are_injected
{
    private readonly SyntheticElection _e = new();

    private (BoxCounts Counts, IReadOnlyList<Injection> Injections) Inject(IInjector injector, int seed, int boxes = 60)
    {
        var counts = _e.Counts.Clone();
        var target = new InjectionTarget(_e.Geography, counts, [0, 1, 2, 3]);
        return (counts, injector.Inject(target, new Random(seed), boxes));
    }

    [Fact]
    public void the_same_seed_manipulates_the_same_boxes_the_same_way()
    {
        var (first, a) = Inject(new StandardInjector(), 11);
        var (second, b) = Inject(new StandardInjector(), 11);

        b.ShouldBe(a);
        Enumerable.Range(0, first.BoxCount).Count(box => !first.Votes(box).SequenceEqual(second.Votes(box))).ShouldBe(0);
    }

    [Fact]
    public void every_kind_is_injected_into_distinct_boxes()
    {
        foreach (IInjector injector in new IInjector[] { new StandardInjector(), new ShapedInjector() })
        {
            var (_, injections) = Inject(injector, 5);

            injections.Select(x => x.Box).Distinct().Count().ShouldBe(injections.Count);
            injections.Select(x => x.Kind).Distinct().Count().ShouldBe(injector.Kinds.Count);
        }
    }

    [Fact]
    public void stuffing_adds_ballots_for_one_party_and_flips_keep_turnout()
    {
        var (counts, injections) = Inject(new StandardInjector(), 3);

        foreach (var x in injections)
        {
            var box = x.Box;
            var added = counts.Voted(box) - _e.Counts.Voted(box);
            if (x.Kind == StandardInjector.Stuffing)
            {
                added.ShouldBe((int)Math.Round(x.Size * counts.Registered(box)));
                x.Size.ShouldBeInRange(0.019, 0.201);
                counts.Votes(box).ToArray().Zip(_e.Counts.Votes(box).ToArray()).Count(p => p.First != p.Second).ShouldBe(1);
            }
            if (x.Kind == StandardInjector.Flip || x.Kind == StandardInjector.Column)
            {
                added.ShouldBe(0);
                counts.Valid(box).ShouldBe(_e.Counts.Valid(box));
            }
            counts.Votes(box).ToArray().Sum().ShouldBe(counts.Valid(box));
            (counts.Valid(box) + counts.Invalid(box)).ShouldBe(counts.Voted(box));
        }
    }

    [Fact]
    public void the_oracle_measures_stuffing_against_the_sampling_noise_of_the_honest_count()
    {
        var (counts, injections) = Inject(new StandardInjector(), 3);

        var stuffed = injections.Where(x => x.Kind == StandardInjector.Stuffing).ToList();
        stuffed.ShouldNotBeEmpty();
        foreach (var x in stuffed)
        {
            // Ballots moved from "did not vote" to one party: x²/(abstainers) + x²/(the party's votes), in spreads.
            var ballots = (double)(counts.Voted(x.Box) - _e.Counts.Voted(x.Box));
            var abstainers = Math.Max(0.5, _e.Counts.Registered(x.Box) - _e.Counts.Voted(x.Box));
            var party = Enumerable.Range(0, counts.Votes(x.Box).Length).Single(j => counts.Votes(x.Box)[j] != _e.Counts.Votes(x.Box)[j]);
            var before = Math.Max(0.5, _e.Counts.Votes(x.Box)[party]);
            x.SamplingDistance.ShouldBe(Math.Sqrt(ballots * ballots / abstainers + ballots * ballots / before), 1e-9);
        }
        // The oracle flags beyond Φ⁻¹(0.99) = 2.326 spreads: a box exactly there is found half the time, one 1.645
        // spreads further (Φ⁻¹(0.95)) 95% of the time, an unchanged box as often as any honest one.
        var kind = stuffed[0].Kind;
        new Injection(0, kind, 0.1, 10, 2.3263478740408408).OracleRecall(0.01).ShouldBe(0.5, 1e-6);
        new Injection(0, kind, 0.1, 10, 2.3263478740408408 + 1.6448536269514722).OracleRecall(0.01).ShouldBe(0.95, 1e-6);
        new Injection(0, kind, 0.1, 10, 0).OracleRecall(0.01).ShouldBe(0.01, 1e-6);
        new Injection(0, kind, 0.1, 10, 2.0537489106318225).OracleRecall(0.02).ShouldBe(0.5, 1e-6);
        var ordered = stuffed.OrderBy(x => x.SamplingDistance).ToList();
        ordered[0].OracleRecall(0.01).ShouldBeLessThanOrEqualTo(ordered[^1].OracleRecall(0.01));
        ordered[^1].OracleRecall(0.02).ShouldBeGreaterThanOrEqualTo(ordered[^1].OracleRecall(0.01));
    }

    [Fact]
    public void a_sheet_that_no_longer_adds_up_is_found_for_certain_by_the_oracle()
    {
        var (_, injections) = Inject(new ShapedInjector(), 9);

        injections.Where(x => x.Kind == ShapedInjector.Unbalanced).ShouldAllBe(x => double.IsPositiveInfinity(x.SamplingDistance) && x.OracleRecall(0.005) == 1);
        injections.Where(x => x.Kind != ShapedInjector.Unbalanced).ShouldAllBe(x => x.SamplingDistance > 0 && double.IsFinite(x.SamplingDistance));
    }

    [Fact]
    public void an_unbalanced_transcription_leaves_the_totals_as_they_were()
    {
        var (counts, injections) = Inject(new ShapedInjector(), 9);

        var unbalanced = injections.Where(x => x.Kind == ShapedInjector.Unbalanced).ToList();
        unbalanced.ShouldNotBeEmpty();
        unbalanced.Count(x => counts.Valid(x.Box) != _e.Counts.Valid(x.Box) || counts.Votes(x.Box).ToArray().Sum() == counts.Valid(x.Box)).ShouldBe(0);
    }

    [Fact]
    public void a_ramp_rises_box_by_box_inside_one_neighbourhood()
    {
        var (_, injections) = Inject(new ShapedInjector(), 21, boxes: 120);

        var ramps = injections.Where(x => x.Kind == ShapedInjector.Ramp).GroupBy(x => _e.Geography.Boxes[x.Box].Area).Where(g => g.Count() >= 3).ToList();

        ramps.ShouldContain(g => g.Select(x => x.Size).Zip(g.Select(x => x.Size).Skip(1)).All(p => p.First < p.Second));
    }

    [Fact]
    public void an_evaluation_reports_recall_per_kind_and_size_and_precision_per_budget()
    {
        var result = EvaluationRunner.Run(_e.Geography, _e.Race, _e.Counts, _e.Prior, [new StandardInjector()],
            new EvaluationOptions(Seed: 4, Rounds: 2, InjectedShare: 0.05, Budgets: [0.05, 0.1]));

        result.Recall.Select(r => r.Kind).Distinct().Count().ShouldBe(5);
        result.Recall.Sum(r => r.Injected).ShouldBe(2 * 16);
        result.Recall.ShouldAllBe(r => r.Found[0] <= r.Found[1] && r.Found[1] <= r.Injected);
        result.Recall.ShouldAllBe(r => r.Ceiling(0) <= r.Ceiling(1) && r.Ceiling(1) <= 1 && r.Ceiling(0) > 0);
        result.Targets().ShouldAllBe(t => double.IsNaN(t.Ceiling) || (t.Ceiling > 0 && t.Ceiling <= 1));
        result.Precision.Count.ShouldBe(2);
        result.Precision[0].Flagged.ShouldBe(2 * 16);
        result.FullScans.Count.ShouldBe(3);
        result.Incremental.ShouldBeGreaterThan(TimeSpan.Zero);
        _e.Counts.Voted(0).ShouldBe(new SyntheticElection().Counts.Voted(0));
    }
}
