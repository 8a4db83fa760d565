using Sandik.Domain.Reconciliation;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;
using Sandik.Domain.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Domain.Tests.Tallies;

/// <summary>
/// A new catalogue on a running race — new trust ranks, a source added, one retired or taken back — counts every box
/// again from its best-ranked counting source: the state equals that of a race built from the same log under the new
/// catalogue, while views and per-source totals keep their sources.
/// </summary>
public sealed class when_the_sources_change_on_a_live_race
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
        var changes = live.ChangeSources(reranked);

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
        changes.ShouldAllBe(c => c.Counted!.SourceIndex != c.PreviousCounted!.SourceIndex);
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

        var changes = live.ChangeSources(_e.Sources.WithRanks(Reversed));

        live.Totals(0, appAndSms).Votes.ShouldBe([120L, 70, 50]);
        live.Totals(0, officeOnly).Votes.ShouldBe([100L, 90, 50]);
        live.Totals(0, SourceView.All(live.Sources)).Votes.ShouldBe([120L, 70, 50]);
        live.Totals(0, SourceView.All(live.Sources)).BoxesCounted.ShouldBe(1);
        appAndSms.SourceIds(live.Sources).ShouldBe(["sms", "app"]);
        var change = changes.ShouldHaveSingleItem();
        change.PreviousCounted!.Tally.Votes.ToArray().ShouldBe([100, 90, 50]);
        change.Counted!.Tally.Votes.ToArray().ShouldBe([120, 70, 50]);
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
        live.ChangeSources(_e.Sources.WithRanks(Reversed)).ShouldBeEmpty();
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

        var there = live.ChangeSources(_e.Sources.WithRanks(Reversed));
        var back = live.ChangeSources(_e.Sources.WithRanks(new Dictionary<string, int> { ["office"] = 1, ["app"] = 2, ["sms"] = 3 }));

        back.Count.ShouldBe(there.Count);
        _e.Geography.Areas.Select(a => live.Totals(a.Index, SourceView.All(live.Sources))).ToList().ShouldBeEquivalentTo(before);
    }

    [Fact]
    public void a_catalogue_that_numbers_the_sources_otherwise_is_refused()
    {
        var live = _e.NewLive();
        var renumbered = new SourceCatalog(_e.Sources.WithRanks(Reversed).Sources);

        Should.Throw<ArgumentException>(() => live.ChangeSources(renumbered));
        Should.Throw<ArgumentException>(() => live.ChangeSources(new SourceCatalog([new Source("office", LocalizedText.Same("Office"), 1)])));
        live.Sources.ShouldBeSameAs(_e.Sources);
    }

    private static readonly Source Ngo = new("ngo", LocalizedText.Same("NGO"), 2);

    /// <summary>Every view of two races over the same catalogue (by ids) holds the same totals, statuses and counted entries.</summary>
    private void ShouldEqual(LiveRace live, LiveRace rebuilt, params string[][] views)
    {
        foreach (var ids in views.Append(null))
        {
            var liveView = ids is null ? SourceView.All(live.Sources) : SourceView.Of(live.Sources, ids, out _);
            var rebuiltView = ids is null ? SourceView.All(rebuilt.Sources) : SourceView.Of(rebuilt.Sources, ids, out _);
            foreach (var area in _e.Geography.Areas)
                live.Totals(area.Index, liveView).ShouldBeEquivalentTo(rebuilt.Totals(area.Index, rebuiltView));
            for (var box = 0; box < _e.Geography.Boxes.Count; box++)
            {
                live.StatusOf(box, liveView).ShouldBe(rebuilt.StatusOf(box, rebuiltView));
                (live.CountedTally(box, liveView)?.Sequence).ShouldBe(rebuilt.CountedTally(box, rebuiltView)?.Sequence);
            }
        }
    }

    [Fact]
    public void a_source_added_takes_the_next_index_and_counts_like_one_there_from_the_start()
    {
        var log = _e.RandomLog(new Random(21), 200);
        var live = _e.NewLive();
        foreach (var entry in log.Take(100)) live.Apply(entry);
        // Before it is added, the new source's entries apply to nothing.
        live.Apply(_e.Entry("ngo", "1/B/1", SmallElection.Tally(100, 60, 0, 20, 20, 20))).ShouldBeNull();

        var grown = _e.Sources.WithSource(Ngo);
        grown.IndexOf("ngo").ShouldBe(3);
        grown.Sources.Take(3).ShouldBe(_e.Sources.Sources);
        live.ChangeSources(grown).ShouldBeEmpty(); // nothing it sent was applied yet
        var random = new Random(3);
        var ngoEntries = Enumerable.Range(0, 40).Select(_ => random.Next(0, 100) is var p
            ? _e.Entry("ngo", SmallElection.BoxCodes[random.Next(5)], SmallElection.Tally(500, p + 27, 7, p, 10, 10))
            : null!).ToList();
        foreach (var entry in ngoEntries.Concat(log.Skip(100))) live.Apply(entry);

        var rebuilt = new LiveRace(_e.Election, _e.Race, _e.Geography, new SourceCatalog(grown.Sources));
        foreach (var entry in log.Take(100).Concat(ngoEntries).Concat(log.Skip(100))) rebuilt.Apply(entry);
        ShouldEqual(live, rebuilt, ["ngo"], ["office", "ngo"], ["app", "sms", "ngo"]);
        live.Totals(0, SourceView.Of(live.Sources, ["ngo"], out _)).BoxesCounted.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void a_retired_source_leaves_the_count_of_all_sources_and_stays_in_its_own_view()
    {
        var live = _e.NewLive();
        live.Apply(_e.Entry("office", "1/A/1", SmallElection.Tally(300, 250, 10, 100, 90, 50)));
        live.Apply(_e.Entry("app", "1/A/1", SmallElection.Tally(300, 250, 10, 110, 80, 50)));
        live.Apply(_e.Entry("office", "1/A/2", SmallElection.Tally(200, 150, 10, 50, 50, 40)));
        live.Apply(_e.Entry("office", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 100, 80)));
        live.Apply(_e.Entry("sms", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 100, 80)));
        var all = SourceView.All(live.Sources);
        live.Totals(0, all).BoxesCounted.ShouldBe(3);

        var retired = live.Sources.WithRetired("office", true);
        var changes = live.ChangeSources(retired);

        var nowAll = SourceView.All(live.Sources);
        nowAll.Includes(live.Sources.IndexOf("office")).ShouldBeFalse();
        // 1/A/1 is counted from app now; 1/A/2 had office alone and leaves the count; 2/C/1 is sms's alone.
        live.Totals(0, nowAll).BoxesCounted.ShouldBe(2);
        live.Totals(0, nowAll).Votes.ShouldBe([210L, 180, 130]);
        live.StatusOf(_e.BoxIndex("1/A/2"), nowAll).ShouldBe(BoxStatus.NotReported);
        live.StatusOf(_e.BoxIndex("2/C/1"), nowAll).ShouldBe(BoxStatus.SingleSource);
        live.Totals(0, SourceView.Of(live.Sources, ["office"], out _)).BoxesCounted.ShouldBe(3);
        changes.Select(c => _e.Geography.Boxes[c.BoxIndex].Code).Order().ShouldBe(["1/A/1", "1/A/2", "2/C/1"]);
        changes.Single(c => _e.Geography.Boxes[c.BoxIndex].Code == "1/A/2").Counted.ShouldBeNull();
        live.Explain(_e.BoxIndex("1/A/1"), nowAll).Entries.Select(e => e.SourceId).ShouldBe(["app"]);

        // The same as a race built from the same log with office retired from the start.
        var rebuilt = new LiveRace(_e.Election, _e.Race, _e.Geography, new SourceCatalog(retired.Sources));
        rebuilt.Apply(_e.Entry("office", "1/A/1", SmallElection.Tally(300, 250, 10, 100, 90, 50)));
        rebuilt.Apply(_e.Entry("app", "1/A/1", SmallElection.Tally(300, 250, 10, 110, 80, 50)));
        rebuilt.Apply(_e.Entry("office", "1/A/2", SmallElection.Tally(200, 150, 10, 50, 50, 40))).ShouldBeNull();
        rebuilt.Apply(_e.Entry("office", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 100, 80)));
        rebuilt.Apply(_e.Entry("sms", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 100, 80)));
        foreach (var area in _e.Geography.Areas)
            live.Totals(area.Index, nowAll).ShouldBeEquivalentTo(rebuilt.Totals(area.Index, SourceView.All(rebuilt.Sources)));
    }

    [Fact]
    public void a_source_taken_back_counts_as_before()
    {
        var log = _e.RandomLog(new Random(8), 250);
        var live = _e.NewLive();
        foreach (var entry in log) live.Apply(entry);
        var before = _e.Geography.Areas.Select(a => live.Totals(a.Index, SourceView.All(live.Sources))).ToList();

        var out_ = live.ChangeSources(live.Sources.WithRetired("office", true));
        out_.ShouldNotBeEmpty();
        live.ChangeSources(live.Sources.WithRetired("office", false)).Count.ShouldBe(out_.Count);

        _e.Geography.Areas.Select(a => live.Totals(a.Index, SourceView.All(live.Sources))).ToList().ShouldBeEquivalentTo(before);
        var rebuilt = _e.NewLive();
        foreach (var entry in log) rebuilt.Apply(entry);
        ShouldEqual(live, rebuilt, ["office"], ["app", "sms"]);
    }

    [Fact]
    public void a_replay_with_a_retired_source_equals_applying_the_log()
    {
        var log = _e.RandomLog(new Random(13), 300);
        var retired = new SourceCatalog(_e.Sources.WithRetired("office", true).Sources);
        var applied = new LiveRace(_e.Election, _e.Race, _e.Geography, retired);
        foreach (var entry in log) applied.Apply(entry);
        var replayed = new LiveRace(_e.Election, _e.Race, _e.Geography, retired);
        replayed.Replay(log);
        replayed.FinishReplay();
        ShouldEqual(replayed, applied, ["office"], ["office", "sms"]);
    }

    [Fact]
    public void the_stored_catalogue_is_adopted_under_the_served_indexes_with_its_new_sources_after_them()
    {
        var served = _e.Sources.WithRanks(Reversed);
        var stored = SourceCatalog.FromJson(served.WithSource(Ngo).WithRetired("app", true).ToJson(), "stored");
        stored.IndexOf("sms").ShouldNotBe(served.IndexOf("sms")); // read back in its own (trust) order

        var adopted = served.Adopting(stored)!;

        adopted.Sources.Take(3).Select(s => s.Id).ShouldBe(served.Sources.Select(s => s.Id));
        adopted.IndexOf("ngo").ShouldBe(3);
        adopted.Find("app")!.Retired.ShouldBeTrue();
        adopted.SameAs(stored).ShouldBeTrue();
        adopted.ByTrustRank.Select(s => s.Id).ShouldBe(stored.ByTrustRank.Select(s => s.Id));
        // A stored catalogue without one of the served sources needs a restart.
        served.Adopting(new SourceCatalog([new Source("office", LocalizedText.Same("Office"), 1)])).ShouldBeNull();
    }

    [Fact]
    public void a_source_id_is_added_once_and_a_catalogue_holds_at_most_31()
    {
        Should.Throw<DefinitionException>(() => _e.Sources.WithSource(new Source("sms", LocalizedText.Same("SMS 2"), 4)));
        var full = new SourceCatalog(Enumerable.Range(0, SourceCatalog.MaxSources).Select(i => new Source($"s{i}", LocalizedText.Same($"S{i}"), i + 1)));
        Should.Throw<DefinitionException>(() => full.WithSource(Ngo));
        Should.Throw<DefinitionException>(() => _e.Sources.WithRetired("nobody", true));
    }

    [Fact]
    public void a_retired_source_may_not_submit()
    {
        var validator = new SubmissionValidator(_e.Election, _e.Geography, _e.Sources.WithRetired("sms", true));
        var draft = new SubmissionDraft
        {
            SourceId = "sms", BoxCode = "1/A/1", Registered = CountInput.Of(300), Voted = CountInput.Of(250), Valid = CountInput.Of(240),
            Invalid = CountInput.Of(10), Votes = [new("p", CountInput.Of(100)), new("q", CountInput.Of(90)), new("r", CountInput.Of(50))],
        };

        var result = validator.Validate(draft, ValidationPolicy.FullCountSheet);

        result.Errors.ShouldContain(e => e.Field == "source" && e.Code == ErrorCodes.RetiredSource);
        new SubmissionValidator(_e.Election, _e.Geography, _e.Sources).Validate(draft, ValidationPolicy.FullCountSheet).Errors.ShouldBeEmpty();
    }
}
