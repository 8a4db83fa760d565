using Sandik.Domain.Reconciliation;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;
using Sandik.Domain.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Tallies;

public sealed class when_live_tallies_are_kept
{
    private readonly SmallElection _e = new();

    [Fact]
    public void every_level_sums_its_boxes_and_knows_its_total_boxes()
    {
        var live = _e.NewLive();
        live.Apply(_e.Entry("office", "1/A/1", SmallElection.Tally(300, 250, 10, 100, 90, 50)));
        live.Apply(_e.Entry("office", "1/B/1", SmallElection.Tally(100, 80, 2, 30, 30, 18)));
        live.Apply(_e.Entry("app", "2/C/2", SmallElection.Tally(250, 200, 5, 50, 100, 45)));
        var all = SourceView.All(_e.Sources);

        var nation = live.Totals(0, all);
        nation.BoxesCounted.ShouldBe(3);
        nation.BoxesTotal.ShouldBe(5);
        nation.Voted.ShouldBe(530);
        nation.Invalid.ShouldBe(17);
        nation.Valid.ShouldBe(513);
        nation.Votes.ShouldBe([180L, 220, 113]);
        nation.RegisteredCovered.ShouldBe(650);
        nation.RegisteredTotal.ShouldBe(1250);

        var province1 = live.Totals(_e.AreaIndex("1"), all);
        province1.BoxesCounted.ShouldBe(2);
        province1.BoxesTotal.ShouldBe(3);
        live.Totals(_e.AreaIndex("1/A"), all).Votes.ShouldBe([100L, 90, 50]);
        live.ChildTotals(0, all).Select(t => t.Voted).ShouldBe([330L, 200]);
    }

    [Fact]
    public void a_box_whose_counted_tally_changes_is_never_counted_twice()
    {
        var live = _e.NewLive();
        live.Apply(_e.Entry("sms", "1/A/1", SmallElection.Tally(300, 250, 10, 100, 90, 50)));
        live.Apply(_e.Entry("app", "1/A/1", SmallElection.Tally(300, 250, 10, 110, 80, 50)));
        live.Apply(_e.Entry("office", "1/A/1", SmallElection.Tally(300, 252, 12, 110, 80, 50)));
        live.Apply(_e.Entry("office", "1/A/1", SmallElection.Tally(300, 250, 10, 120, 70, 50)));

        var nation = live.Totals(0, SourceView.All(_e.Sources));
        nation.BoxesCounted.ShouldBe(1);
        nation.Votes.ShouldBe([120L, 70, 50]);
        nation.Voted.ShouldBe(250);
        live.Totals(0, SourceView.Of(_e.Sources, ["sms"], out _)).Votes.ShouldBe([100L, 90, 50]);
        live.Totals(0, SourceView.Of(_e.Sources, ["app"], out _)).BoxesCounted.ShouldBe(1);
    }

    [Fact]
    public void each_source_view_counts_only_what_that_source_sent()
    {
        var live = _e.NewLive();
        live.Apply(_e.Entry("office", "1/A/1", SmallElection.Tally(300, 250, 10, 100, 90, 50)));
        live.Apply(_e.Entry("sms", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 100, 80)));

        live.Totals(0, SourceView.Of(_e.Sources, ["office"], out _)).BoxesCounted.ShouldBe(1);
        live.Totals(0, SourceView.Of(_e.Sources, ["app"], out _)).BoxesCounted.ShouldBe(0);
        live.Totals(0, SourceView.Of(_e.Sources, ["office", "sms"], out _)).BoxesCounted.ShouldBe(2);
        live.Totals(0, SourceView.All(_e.Sources)).Votes.ShouldBe([200L, 190, 130]);
    }

    [Fact]
    public void rebuilding_from_the_log_gives_the_same_state_as_the_live_run()
    {
        var random = new Random(7);
        var log = _e.RandomLog(random, 400);
        var live = _e.NewLive();
        foreach (var entry in log) live.Apply(entry);

        // A restart replays the log in parts that arrive in any order, from two readers at once.
        var rebuilt = _e.NewLive();
        var parts = log.Chunk(37).OrderBy(_ => random.Next()).ToArray();
        Parallel.ForEach(parts, new ParallelOptions { MaxDegreeOfParallelism = 2 }, part => rebuilt.Replay(part));
        rebuilt.FinishReplay();
        var fromScratch = Recount(log);

        foreach (var view in new[] { SourceView.All(_e.Sources), SourceView.Of(_e.Sources, ["app", "sms"], out _), SourceView.Of(_e.Sources, ["sms"], out _) })
        {
            foreach (var area in _e.Geography.Areas)
            {
                rebuilt.Totals(area.Index, view).ShouldBeEquivalentTo(live.Totals(area.Index, view));
            }
            for (var box = 0; box < _e.Geography.Boxes.Count; box++)
            {
                rebuilt.StatusOf(box, view).ShouldBe(live.StatusOf(box, view));
                (rebuilt.CountedTally(box, view)?.Sequence).ShouldBe(live.CountedTally(box, view)?.Sequence);
            }
        }
        rebuilt.LastSequence.ShouldBe(log[^1].Sequence);
        rebuilt.Totals(0, SourceView.All(_e.Sources)).Votes.ShouldBe(fromScratch);
        live.Totals(0, SourceView.All(_e.Sources)).Votes.ShouldBe(fromScratch);
        // Conflicts happen in this log (three sources, random counts), so statuses were really compared.
        live.BoxesWithStatus(BoxStatus.Conflict, SourceView.All(_e.Sources)).ShouldNotBeEmpty();
        // After a replay the race takes entries one by one again.
        var next = _e.Entry("office", SmallElection.BoxCodes[0], SmallElection.Tally(500, 107, 7, 50, 30, 20));
        rebuilt.Apply(next).ShouldNotBeNull();
        live.Apply(next);
        rebuilt.Totals(0, SourceView.All(_e.Sources)).ShouldBeEquivalentTo(live.Totals(0, SourceView.All(_e.Sources)));
    }

    /// <summary>The reconciled national votes computed the slow, obvious way: last entry of the best source per box.</summary>
    private long[] Recount(List<LoggedSubmission> log)
    {
        var votes = new long[3];
        foreach (var box in SmallElection.BoxCodes)
        {
            var best = log.Where(e => e.BoxCode == box).GroupBy(e => e.SourceId).OrderBy(g => _e.Sources.IndexOf(g.Key)).FirstOrDefault();
            if (best is null) continue;
            var tally = best.Last().Tally!;
            for (var i = 0; i < 3; i++) votes[i] += tally.Votes[i];
        }
        return votes;
    }
}
