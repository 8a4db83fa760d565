using Sandik.Domain.Reconciliation;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;
using Sandik.Domain.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Tallies;

/// <summary>
/// New trust ranks on a running race count every box again from its best-ranked source: the state equals that of a
/// race built from the same log under the new ranks, while views and per-source totals keep their sources.
/// </summary>
public sealed class when_trust_ranks_change_on_a_live_race
{
    private readonly SmallElection _e = new();

    /// <summary>sms first, office last: the reverse of the election's order (office 1, app 2, sms 3).</summary>
    private static readonly Dictionary<string, int> Reversed = new() { ["sms"] = 1, ["app"] = 2, ["office"] = 3 };

    [Fact]
    public void the_race_equals_one_built_from_the_log_under_the_new_ranks()
    {
        var log = _e.RandomLog(new Random(11), 300);
        var live = _e.NewLive();
        foreach (var entry in log) live.Apply(entry);
        var versionBefore = live.Version;
        var all = SourceView.All(_e.Sources);
        var countedBefore = Enumerable.Range(0, _e.Geography.Boxes.Count).Select(b => live.CountedTally(b, all)?.Sequence).ToArray();

        var reranked = _e.Sources.WithRanks(Reversed);
        var changes = live.Rerank(reranked);

        var fresh = new SourceCatalog(reranked.Sources);
        var rebuilt = new LiveRace(_e.Election, _e.Race, _e.Geography, fresh);
        foreach (var entry in log) rebuilt.Apply(entry);
        string[][] views = [["office", "app", "sms"], ["app", "sms"], ["office", "sms"], ["sms"], ["office"]];
        foreach (var ids in views)
        {
            var liveView = SourceView.Of(live.Sources, ids, out _);
            var rebuiltView = SourceView.Of(fresh, ids, out _);
            foreach (var area in _e.Geography.Areas)
                live.Totals(area.Index, liveView).ShouldBeEquivalentTo(rebuilt.Totals(area.Index, rebuiltView));
            for (var box = 0; box < _e.Geography.Boxes.Count; box++)
            {
                live.StatusOf(box, liveView).ShouldBe(rebuilt.StatusOf(box, rebuiltView));
                (live.CountedTally(box, liveView)?.Sequence).ShouldBe(rebuilt.CountedTally(box, rebuiltView)?.Sequence);
            }
        }
        live.Version.ShouldBeGreaterThan(versionBefore);
        // The changes reported are exactly the boxes that now count another source's tally.
        var moved = Enumerable.Range(0, _e.Geography.Boxes.Count).Where(b => live.CountedTally(b, all)?.Sequence != countedBefore[b]).ToList();
        moved.ShouldNotBeEmpty();
        changes.Select(c => c.BoxIndex).Order().ShouldBe(moved);
        changes.ShouldAllBe(c => c.Counted.SourceIndex != c.PreviousCounted!.SourceIndex);
    }

    [Fact]
    public void a_view_chosen_before_the_change_keeps_its_sources_and_counts_by_the_new_order()
    {
        var live = _e.NewLive();
        live.Apply(_e.Entry("office", "1/A/1", SmallElection.Tally(300, 250, 10, 100, 90, 50)));
        live.Apply(_e.Entry("app", "1/A/1", SmallElection.Tally(300, 250, 10, 110, 80, 50)));
        live.Apply(_e.Entry("sms", "1/A/1", SmallElection.Tally(300, 250, 10, 120, 70, 50)));
        var appAndSms = SourceView.Of(_e.Sources, ["app", "sms"], out _);
        var officeOnly = SourceView.Of(_e.Sources, ["office"], out _);
        live.Totals(0, appAndSms).Votes.ShouldBe([110L, 80, 50]);

        var changes = live.Rerank(_e.Sources.WithRanks(Reversed));

        live.Totals(0, appAndSms).Votes.ShouldBe([120L, 70, 50]);
        live.Totals(0, officeOnly).Votes.ShouldBe([100L, 90, 50]);
        live.Totals(0, SourceView.All(live.Sources)).Votes.ShouldBe([120L, 70, 50]);
        live.Totals(0, SourceView.All(live.Sources)).BoxesCounted.ShouldBe(1);
        appAndSms.SourceIds(live.Sources).ShouldBe(["sms", "app"]);
        var change = changes.ShouldHaveSingleItem();
        change.PreviousCounted!.Tally.Votes.ToArray().ShouldBe([100, 90, 50]);
        change.Counted.Tally.Votes.ToArray().ShouldBe([120, 70, 50]);
        change.Status.ShouldBe(BoxStatus.Conflict);
        var why = live.Explain(_e.BoxIndex("1/A/1"), SourceView.All(live.Sources));
        why.CountedSourceId.ShouldBe("sms");
        why.Entries.Select(e => e.SourceId).ShouldBe(["sms", "app", "office"]);
        why.Entries[0].TrustRank.ShouldBe(1);
    }

    [Fact]
    public void entries_applied_after_the_change_are_counted_by_the_new_order()
    {
        var live = _e.NewLive();
        live.Rerank(_e.Sources.WithRanks(Reversed)).ShouldBeEmpty();
        live.Apply(_e.Entry("sms", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 100, 80)));
        var change = live.Apply(_e.Entry("office", "2/C/1", SmallElection.Tally(400, 300, 20, 90, 110, 80)))!;

        change.CountedChanged.ShouldBeFalse();
        live.Totals(0, SourceView.All(live.Sources)).Votes.ShouldBe([100L, 100, 80]);
        live.StatusOf(_e.BoxIndex("2/C/1"), SourceView.All(live.Sources)).ShouldBe(BoxStatus.Conflict);
    }

    [Fact]
    public void changing_back_restores_the_first_counts()
    {
        var log = _e.RandomLog(new Random(5), 200);
        var live = _e.NewLive();
        foreach (var entry in log) live.Apply(entry);
        var before = _e.Geography.Areas.Select(a => live.Totals(a.Index, SourceView.All(live.Sources))).ToList();

        var there = live.Rerank(_e.Sources.WithRanks(Reversed));
        var back = live.Rerank(_e.Sources.WithRanks(new Dictionary<string, int> { ["office"] = 1, ["app"] = 2, ["sms"] = 3 }));

        back.Count.ShouldBe(there.Count);
        _e.Geography.Areas.Select(a => live.Totals(a.Index, SourceView.All(live.Sources))).ToList().ShouldBeEquivalentTo(before);
    }

    [Fact]
    public void a_catalogue_that_numbers_the_sources_otherwise_is_refused()
    {
        var live = _e.NewLive();
        var renumbered = new SourceCatalog(_e.Sources.WithRanks(Reversed).Sources);

        Should.Throw<ArgumentException>(() => live.Rerank(renumbered));
        Should.Throw<ArgumentException>(() => live.Rerank(new SourceCatalog([new Source("office", LocalizedText.Same("Office"), 1)])));
        live.Sources.ShouldBeSameAs(_e.Sources);
    }
}
