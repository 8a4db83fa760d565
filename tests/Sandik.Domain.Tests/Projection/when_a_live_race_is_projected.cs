using Sandik.Domain.Elections;
using Sandik.Domain.Projection;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Projection;

public sealed class when_a_live_race_is_projected
{
    private static LiveRace Live(SwingElection night, double share)
    {
        var live = new LiveRace(night.Election, night.Race, night.Geography, night.Sources);
        var counted = night.Counted(share);
        for (var b = 0; b < counted.Length; b++)
        {
            if (counted[b] is { } tally)
                live.Apply(new LoggedSubmission(b + 1, DateTimeOffset.UnixEpoch, "feed", null, night.Race.Id, night.Geography.Boxes[b].Code, null, null, tally, [], null));
        }
        return live;
    }

    [Fact]
    public void an_unchanged_race_returns_the_snapshot_already_made()
    {
        var night = new SwingElection();
        var live = Live(night, 0.3);
        var projector = LiveProjector.For(live, night.Prior, ProjectionOptions.Default with { Draws = 100 });
        var view = SourceView.All(night.Sources);

        var first = projector.Project(live, view);
        projector.Project(live, view).ShouldBeSameAs(first);

        var next = night.Truth.Select((t, b) => (t, b)).First(x => live.CountedTally(x.b, view) is null);
        live.Apply(new LoggedSubmission(10_000, DateTimeOffset.UnixEpoch, "feed", null, night.Race.Id, night.Geography.Boxes[next.b].Code, null, null, next.t, [], null));
        var second = projector.Project(live, view);
        second.ShouldNotBeSameAs(first);
        second.BoxesCounted.ShouldBe(first.BoxesCounted + 1);
        second.Version.ShouldBe(live.Version);
    }

    [Fact]
    public void a_presidential_race_reports_the_chance_of_passing_half_and_no_seats()
    {
        var night = new SwingElection(kind: RaceKind.Presidential);
        var live = Live(night, 0.4);
        var snapshot = LiveProjector.For(live, night.Prior, ProjectionOptions.Default with { Draws = 200 }).Project(live, SourceView.All(night.Sources));

        snapshot.Seats.ShouldBeNull();
        snapshot.Nation.Choices.ShouldAllBe(c => c.Seats == null);
        var leader = snapshot.Outlook.Single(o => o.ChoiceId == "p");
        leader.PassesThreshold.ShouldBeNull();
        leader.AboveHalf.ShouldBeInRange(0, 1);
        var p = snapshot.Nation.Choices[0].Share;
        // With 40% counted the leader is projected near 52%, its interval across the line: more likely than not above
        // half, far from certain; no other candidate comes near.
        p.Low.ShouldBeLessThan(0.5);
        p.High.ShouldBeGreaterThan(0.5);
        leader.AboveHalf.ShouldBeInRange(0.6, 0.95);
        snapshot.Outlook.Where(o => o.ChoiceId != "p").ShouldAllBe(o => o.AboveHalf == 0);
        snapshot.Outlook.Sum(o => o.AboveHalf).ShouldBeLessThanOrEqualTo(1.0 + 1e-9);
    }
}
