using Shouldly;
using Xunit;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Tallies;
using Sandik.Domain.Tests.Support;

namespace Sandik.Domain.Tests.Reconciliation;

public sealed class when_sources_report_the_same_box
{
    private readonly SmallElection _e = new();

    [Fact]
    public void the_best_ranked_source_is_counted_whatever_the_order_of_arrival()
    {
        var live = _e.NewLive();
        live.Apply(_e.Entry("sms", "1/A/1", SmallElection.Tally(300, 250, 10, 100, 90, 50)));
        live.Apply(_e.Entry("office", "1/A/1", SmallElection.Tally(300, 250, 10, 101, 89, 50)));
        live.Apply(_e.Entry("app", "1/A/1", SmallElection.Tally(300, 250, 10, 102, 88, 50)));

        var counted = live.CountedTally(_e.BoxIndex("1/A/1"), SourceView.All(_e.Sources))!;
        _e.Sources.Sources[counted.SourceIndex].Id.ShouldBe("office");
        counted.Tally.Votes[0].ShouldBe(101);
    }

    [Fact]
    public void a_lower_ranked_source_arriving_after_a_higher_one_changes_nothing_counted()
    {
        var live = _e.NewLive();
        live.Apply(_e.Entry("office", "1/A/1", SmallElection.Tally(300, 250, 10, 100, 90, 50)));
        var change = live.Apply(_e.Entry("sms", "1/A/1", SmallElection.Tally(300, 250, 10, 140, 50, 50)))!;

        change.CountedChanged.ShouldBeFalse();
        live.Totals(0, SourceView.All(_e.Sources)).Votes.ShouldBe([100L, 90, 50]);
        live.Totals(0, SourceView.All(_e.Sources)).BoxesCounted.ShouldBe(1);
    }

    [Fact]
    public void a_later_submission_from_the_same_source_replaces_its_earlier_one()
    {
        var live = _e.NewLive();
        live.Apply(_e.Entry("app", "1/A/1", SmallElection.Tally(300, 250, 10, 100, 90, 50)));
        live.Apply(_e.Entry("app", "1/A/1", SmallElection.Tally(300, 251, 11, 100, 90, 50)));

        var totals = live.Totals(0, SourceView.All(_e.Sources));
        totals.BoxesCounted.ShouldBe(1);
        totals.Voted.ShouldBe(251);
        totals.Invalid.ShouldBe(11);
        live.StatusOf(_e.BoxIndex("1/A/1"), SourceView.All(_e.Sources)).ShouldBe(BoxStatus.SingleSource);
    }

    [Fact]
    public void an_older_entry_replayed_after_a_newer_one_from_the_same_source_is_ignored()
    {
        var live = _e.NewLive();
        var older = _e.Entry("app", "1/A/1", SmallElection.Tally(300, 250, 10, 100, 90, 50));
        var newer = _e.Entry("app", "1/A/1", SmallElection.Tally(300, 250, 10, 99, 91, 50));
        live.Apply(newer);
        live.Apply(older).ShouldBeNull();
        live.Totals(0, SourceView.All(_e.Sources)).Votes[0].ShouldBe(99);
    }

    [Fact]
    public void two_sources_that_agree_on_every_count_confirm_the_box()
    {
        var live = _e.NewLive();
        live.Apply(_e.Entry("office", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 100, 80)));
        live.Apply(_e.Entry("sms", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 100, 80)));

        live.StatusOf(_e.BoxIndex("2/C/1"), SourceView.All(_e.Sources)).ShouldBe(BoxStatus.Confirmed);
        var province = live.Totals(_e.AreaIndex("2"), SourceView.All(_e.Sources));
        province.Confirmed.ShouldBe(1);
        province.Conflicts.ShouldBe(0);
    }

    [Fact]
    public void sources_that_differ_put_the_box_in_conflict_naming_fields_and_sources()
    {
        var live = _e.NewLive();
        live.Apply(_e.Entry("office", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 100, 80)));
        live.Apply(_e.Entry("app", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 100, 80)));
        live.Apply(_e.Entry("sms", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 80, 100)));

        var box = _e.BoxIndex("2/C/1");
        live.StatusOf(box, SourceView.All(_e.Sources)).ShouldBe(BoxStatus.Conflict);
        live.Totals(0, SourceView.All(_e.Sources)).Conflicts.ShouldBe(1);
        var why = live.Explain(box, SourceView.All(_e.Sources));
        why.CountedSourceId.ShouldBe("office");
        why.Entries.Single(e => e.SourceId == "sms").Differences.ShouldBe(["q", "r"]);
        why.Entries.Single(e => e.SourceId == "app").Differences.ShouldBeEmpty();
        why.Reason.ShouldContain("'sms' on q, r");
    }

    [Fact]
    public void a_conflict_resolved_by_a_corrected_submission_becomes_confirmed()
    {
        var live = _e.NewLive();
        live.Apply(_e.Entry("office", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 100, 80)));
        live.Apply(_e.Entry("sms", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 80, 100)));
        live.Apply(_e.Entry("sms", "2/C/1", SmallElection.Tally(400, 300, 20, 100, 100, 80)));

        live.StatusOf(_e.BoxIndex("2/C/1"), SourceView.All(_e.Sources)).ShouldBe(BoxStatus.Confirmed);
        var nation = live.Totals(0, SourceView.All(_e.Sources));
        nation.Conflicts.ShouldBe(0);
        nation.Confirmed.ShouldBe(1);
    }

    [Fact]
    public void within_a_subset_of_sources_the_best_ranked_of_the_subset_is_counted()
    {
        var live = _e.NewLive();
        live.Apply(_e.Entry("office", "1/A/1", SmallElection.Tally(300, 250, 10, 100, 90, 50)));
        live.Apply(_e.Entry("app", "1/A/1", SmallElection.Tally(300, 250, 10, 90, 100, 50)));
        live.Apply(_e.Entry("sms", "1/A/1", SmallElection.Tally(300, 250, 10, 80, 110, 50)));

        var appAndSms = SourceView.Of(_e.Sources, ["sms", "app"], out var unknown);
        unknown.ShouldBeEmpty();
        live.Totals(0, appAndSms).Votes.ShouldBe([90L, 100, 50]);
        live.Totals(0, SourceView.Of(_e.Sources, ["sms"], out _)).Votes.ShouldBe([80L, 110, 50]);
        live.StatusOf(_e.BoxIndex("1/A/1"), appAndSms).ShouldBe(BoxStatus.Conflict);
    }
}
