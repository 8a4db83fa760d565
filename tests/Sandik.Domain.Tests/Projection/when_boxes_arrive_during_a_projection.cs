using Sandik.Domain.Projection;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Projection;

/// <summary>
/// Regression: a projector read the race's version again after projecting, so a box applied meanwhile left it holding
/// an old snapshot under the new version, and it served that snapshot until the next change.
/// </summary>
public sealed class when_boxes_arrive_during_a_projection
{
    [Fact]
    public async Task the_snapshot_after_the_last_box_counts_every_box()
    {
        var night = new SwingElection();
        var live = new LiveRace(night.Election, night.Race, night.Geography, night.Sources);
        var projector = LiveProjector.For(live, night.Prior, ProjectionOptions.Default);
        var view = SourceView.All(night.Sources);
        var boxes = night.Truth.Count(t => t is not null);

        var arriving = Task.Run(() =>
        {
            for (var b = 0; b < night.Truth.Count; b++)
            {
                if (night.Truth[b] is not { } tally) continue;
                live.Apply(new LoggedSubmission(b + 1, DateTimeOffset.UnixEpoch, "feed", null, night.Race.Id, night.Geography.Boxes[b].Code, null, null,
                    tally, [], null));
                Thread.SpinWait(20_000);
            }
        }, TestContext.Current.CancellationToken);
        while (!arriving.IsCompleted)
        {
            var snapshot = projector.Project(live, view);
            snapshot.BoxesCounted.ShouldBeGreaterThanOrEqualTo((int)snapshot.Version);
        }
        await arriving;

        var final = projector.Project(live, view);
        final.Version.ShouldBe(live.Version);
        final.BoxesCounted.ShouldBe(boxes);
    }
}
