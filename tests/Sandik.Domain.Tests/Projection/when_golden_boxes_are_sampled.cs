using Sandik.Domain.Projection;
using Sandik.Domain.Projection.Golden;
using Sandik.Domain.Submissions;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Projection;

public sealed class when_golden_boxes_are_sampled
{
    private static readonly SwingElection Night = new();
    private static readonly LiveProjector Projector = new(Night.Election, Night.Race, Night.Geography, Night.Prior);

    private static Tally? Reported(string code) => Night.Geography.TryGetBox(code, out var box) ? Night.Truth[box.Index] : null;

    [Fact]
    public void a_design_is_the_same_for_the_same_seed_and_survives_json()
    {
        var design = GoldenSampler.Design(Projector, 60, seed: 3);

        design.Boxes.Count.ShouldBe(60);
        design.Boxes.Select(b => b.Code).Distinct().Count().ShouldBe(60);
        GoldenSampler.Design(Projector, 60, seed: 3).Boxes.Select(b => b.Code).ShouldBe(design.Boxes.Select(b => b.Code));
        GoldenSampler.Design(Projector, 60, seed: 4).Boxes.Select(b => b.Code).ShouldNotBe(design.Boxes.Select(b => b.Code));
        design.Strata.Sum(s => s.Population).ShouldBe(Night.Geography.Boxes.Count);
        design.Strata.ShouldAllBe(s => design.Boxes.Count(b => design.Strata[b.Stratum] == s) >= 2);

        var back = GoldenSampleDesign.FromJson(design.ToJson());
        back.Boxes.Select(b => b.Code).ShouldBe(design.Boxes.Select(b => b.Code));
        back.Strata.Select(s => s.Population).ShouldBe(design.Strata.Select(s => s.Population));
        back.Seed.ShouldBe(3);
    }

    [Fact]
    public void a_census_of_every_box_gives_the_exact_shares_with_no_margin()
    {
        var design = GoldenSampler.Design(Projector, Night.Geography.Boxes.Count, seed: 1);
        var estimate = GoldenQuickCount.Estimate(design, Reported, Night.Race.IndexOf);

        estimate.BoxesReported.ShouldBe(Night.Geography.Boxes.Count);
        foreach (var choice in estimate.Choices)
        {
            choice.Ratio.ShouldBe(Night.FinalShare(choice.ChoiceId), 1e-9);
            choice.Regression.ShouldBe(Night.FinalShare(choice.ChoiceId), 1e-9);
            choice.RatioMargin.ShouldBe(0, 1e-9);
        }
    }

    [Fact]
    public void the_prior_narrows_the_margin_and_both_estimates_hold_the_truth()
    {
        var design = GoldenSampler.Design(Projector, 80, seed: 5);
        var estimate = GoldenQuickCount.Estimate(design, Reported, Night.Race.IndexOf);

        foreach (var choice in estimate.Choices.Where(c => c.ChoiceId is "p" or "q"))
        {
            var final = Night.FinalShare(choice.ChoiceId);
            Math.Abs(choice.Ratio - final).ShouldBeLessThanOrEqualTo(choice.RatioMargin, choice.ChoiceId);
            Math.Abs(choice.Regression - final).ShouldBeLessThanOrEqualTo(choice.RegressionMargin, choice.ChoiceId);
            choice.RegressionMargin.ShouldBeLessThan(choice.RatioMargin, choice.ChoiceId);
        }
    }

    [Fact]
    public void boxes_not_yet_reported_leave_their_strata_out_and_say_how_many_reported()
    {
        var design = GoldenSampler.Design(Projector, 60, seed: 2);
        var half = design.Boxes.Take(30).Select(b => b.Code).ToHashSet();
        var estimate = GoldenQuickCount.Estimate(design, code => half.Contains(code) ? Reported(code) : null, Night.Race.IndexOf);

        estimate.BoxesReported.ShouldBe(30);
        estimate.BoxesInSample.ShouldBe(60);
        estimate.StrataReported.ShouldBeLessThanOrEqualTo(estimate.StrataTotal);
        estimate.Choices.ShouldAllBe(c => double.IsFinite(c.Ratio) && c.RatioMargin > 0);
    }
}
