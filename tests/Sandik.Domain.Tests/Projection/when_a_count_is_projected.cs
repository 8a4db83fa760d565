using Sandik.Domain.Projection;
using Sandik.Domain.Submissions;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Projection;

public sealed class when_a_count_is_projected
{
    private static readonly SwingElection Night = new();

    private static LiveProjector Projector(PriorElection? prior) =>
        new(Night.Election, Night.Race, Night.Geography, prior, ProjectionOptions.Default with { Draws = 200 });

    [Fact]
    public void projection_equals_the_count_when_every_box_is_counted()
    {
        var snapshot = Projector(Night.Prior).Project(Night.Truth);

        foreach (var choice in snapshot.Nation.Choices)
        {
            choice.Share.Value.ShouldBe(Night.FinalShare(choice.ChoiceId), 1e-12);
            choice.Share.Low.ShouldBe(choice.Share.Value, 1e-12);
            choice.Share.High.ShouldBe(choice.Share.Value, 1e-12);
            choice.Counted.ShouldBe(choice.Share.Value, 1e-12);
        }
        snapshot.BoxesCounted.ShouldBe(snapshot.BoxesTotal);
    }

    [Fact]
    public void a_swing_seen_in_a_fifth_of_the_boxes_is_carried_to_the_rest()
    {
        var snapshot = Projector(Night.Prior).Project(Night.Counted(0.2));

        foreach (var choice in snapshot.Nation.Choices)
        {
            var final = Night.FinalShare(choice.ChoiceId);
            Math.Abs(choice.Share.Value - final).ShouldBeLessThan(0.01, choice.ChoiceId);
            choice.Share.Covers(final).ShouldBeTrue($"{choice.ChoiceId}: {choice.Share} against {final}");
        }
    }

    [Fact]
    public void the_projection_beats_a_raw_count_whose_boxes_lean_one_way()
    {
        // Only the boxes where p was strong last time have been counted: the raw count overstates p.
        var k = Night.Race.IndexOf("p");
        var counted = Night.Truth.Select((t, b) => Night.Prior.Tallies[b]!.Votes[0] > 0.35 * Night.Prior.Tallies[b]!.Valid ? t : null).ToArray();
        var snapshot = Projector(Night.Prior).Project(counted);

        var p = snapshot.Nation.Choices[k];
        var final = Night.FinalShare("p");
        Math.Abs(p.Counted - final).ShouldBeGreaterThan(0.02);
        Math.Abs(p.Share.Value - final).ShouldBeLessThan(Math.Abs(p.Counted - final) / 3);
    }

    [Fact]
    public void without_a_prior_the_projection_comes_from_counted_boxes_and_says_so()
    {
        var counted = Night.Counted(0.2);
        var withPrior = Projector(Night.Prior).Project(counted);
        var without = Projector(null).Project(counted);

        without.Prior.CountedOnly.ShouldBeTrue();
        without.Prior.BoxesByMatch["none"].ShouldBe(Night.Geography.Boxes.Count);
        without.Notes.ShouldContain(n => n.Contains("No prior election"));
        var width = (ProjectionSnapshot s) => s.Nation.Choices.Sum(c => c.Share.High - c.Share.Low);
        width(without).ShouldBeGreaterThan(width(withPrior));
        foreach (var choice in without.Nation.Choices) choice.Share.Covers(Night.FinalShare(choice.ChoiceId)).ShouldBeTrue(choice.ChoiceId);
    }

    [Fact]
    public void nothing_counted_yet_projects_the_prior_and_says_so()
    {
        var snapshot = Projector(Night.Prior).Project(new Tally?[Night.Geography.Boxes.Count]);

        snapshot.BoxesCounted.ShouldBe(0);
        snapshot.Notes.ShouldContain(n => n.Contains("Nothing is counted yet"));
        var p = snapshot.Nation.Choices[0];
        (p.Share.High - p.Share.Low).ShouldBeGreaterThan(0.02);
    }

    [Fact]
    public void a_choice_the_prior_did_not_have_shares_the_pooled_swing()
    {
        var snapshot = Projector(Night.Prior).Project(Night.Counted(0.3));

        snapshot.Prior.OwnSwing.ShouldBe(["p", "q", "r"]);
        var newcomer = snapshot.Nation.Choices[Night.Race.IndexOf("n")];
        newcomer.Share.Value.ShouldBeGreaterThan(0);
        Math.Abs(newcomer.Share.Value - Night.FinalShare("n")).ShouldBeLessThan(0.005);
    }

    [Fact]
    public void seats_add_up_to_the_body_and_the_outlook_is_made_of_probabilities()
    {
        var snapshot = Projector(Night.Prior).Project(Night.Counted(0.3));

        snapshot.Seats.ShouldNotBeNull().TotalSeats.ShouldBe(20);
        snapshot.Nation.Choices.Sum(c => c.Seats!.Value.Value).ShouldBe(20);
        snapshot.Constituencies.Count.ShouldBe(2);
        snapshot.Provinces.Count.ShouldBe(2);
        foreach (var outlook in snapshot.Outlook)
        {
            outlook.PassesThreshold!.Value.ShouldBeInRange(0, 1);
            outlook.WinsMajority!.Value.ShouldBeInRange(0, 1);
        }
        snapshot.Outlook.Single(o => o.ChoiceId == "r").PassesThreshold.ShouldBe(1);
        snapshot.Outlook.Single(o => o.ChoiceId == "n").PassesThreshold.ShouldBe(0);
    }

    [Fact]
    public void the_same_count_and_seed_give_the_same_snapshot()
    {
        var counted = Night.Counted(0.25);
        var first = Projector(Night.Prior).Project(counted);
        var second = Projector(Night.Prior).Project(counted);

        second.Nation.ShouldBeEquivalentTo(first.Nation);
    }
}
