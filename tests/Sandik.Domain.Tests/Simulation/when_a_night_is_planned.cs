using Sandik.Domain.Simulation;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;
using Sandik.Domain.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Simulation;

public sealed class when_a_night_is_planned
{
    private readonly SmallElection _e = new();

    private Tally?[] Truth() =>
    [
        SmallElection.Tally(300, 250, 10, 100, 90, 50),
        SmallElection.Tally(200, 150, 6, 44, 60, 40),
        SmallElection.Tally(100, 80, 2, 30, 30, 18),
        SmallElection.Tally(400, 300, 20, 100, 100, 80),
        null,
    ];

    private static readonly NightOptions Options = new(Seed: 5)
    {
        Profiles = [new("office", 1.0, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20)), new("app", 0.5, TimeSpan.Zero, TimeSpan.FromMinutes(5), ErrorRate: 0.5),
            new("sms", 1.0, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), ErrorRate: 1.0)],
    };

    [Fact]
    public void the_same_seed_gives_the_same_night()
    {
        var a = NightModel.Plan(_e.Geography, Truth(), _e.Sources, Options);
        var b = NightModel.Plan(_e.Geography, Truth(), _e.Sources, Options);

        a.ShouldNotBeEmpty();
        a.Select(Key).ShouldBe(b.Select(Key));
        // Another seed draws another night, transcription errors included.
        var c = NightModel.Plan(_e.Geography, Truth(), _e.Sources, Options with { Seed = 6 });
        c.Select(Key).ShouldNotBe(a.Select(Key));

        static string Key(PlannedSubmission p) =>
            $"{p.At} {p.SourceIndex} {p.BoxIndex} {p.Flavour} {p.Tally.Registered} {p.Tally.Voted} {p.Tally.Valid} {p.Tally.Invalid} {string.Join(",", p.Tally.Votes.ToArray())}";
    }

    [Fact]
    public void submissions_come_in_time_order_after_polls_close_and_a_silent_box_sends_nothing()
    {
        var plan = NightModel.Plan(_e.Geography, Truth(), _e.Sources, Options);

        plan.Select(p => p.At).ShouldBeInOrder();
        plan.ShouldAllBe(p => p.At > TimeSpan.FromMinutes(20));
        plan.ShouldNotContain(p => p.BoxIndex == 4);
    }

    [Fact]
    public void a_complete_error_free_source_reproduces_the_truth_through_reconciliation()
    {
        var truth = Truth();
        var plan = NightModel.Plan(_e.Geography, truth, _e.Sources, Options);
        var live = _e.NewLive();
        var sequence = 0L;
        foreach (var p in plan)
        {
            if (p.Flavour == SubmissionFlavour.Inconsistent) continue;
            live.Apply(new LoggedSubmission(++sequence, DateTimeOffset.UnixEpoch + p.At, _e.Sources.Sources[p.SourceIndex].Id, null, _e.Race.Id,
                _e.Geography.Boxes[p.BoxIndex].Code, p.ClientSubmissionId(_e.Sources.Sources[p.SourceIndex].Id), null, p.Tally, [], null));
        }

        live.Totals(0, SourceView.All(_e.Sources)).Votes.ShouldBe([274L, 280, 188]);
        plan.ShouldContain(p => p.Flavour == SubmissionFlavour.TranscriptionError && p.SourceIndex == _e.Sources.IndexOf("sms"));
        live.BoxesWithStatus(Domain.Reconciliation.BoxStatus.Conflict, SourceView.All(_e.Sources)).ShouldNotBeEmpty();
    }

    [Fact]
    public void a_transcription_error_is_a_consistent_sheet_unless_marked_inconsistent()
    {
        var random = new Random(11);
        var truth = SmallElection.Tally(300, 250, 10, 123, 90, 27);
        for (var i = 0; i < 200; i++)
        {
            var (tally, flavour) = Transcription.Corrupt(truth, random, inconsistentShare: 0.3);
            tally.Equals(truth).ShouldBeFalse();
            var sum = tally.Votes.ToArray().Sum();
            if (flavour == SubmissionFlavour.Inconsistent) sum.ShouldNotBe(tally.Valid);
            else
            {
                sum.ShouldBe(tally.Valid);
                (tally.Valid + tally.Invalid).ShouldBe(tally.Voted);
            }
        }
    }
}
