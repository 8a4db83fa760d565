using Sandik.Domain.Reconciliation;
using Sandik.Domain.Submissions;
using Sandik.Server.Anomalies;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Anomalies;

/// <summary>Which applied submissions queue their box for rescoring (<see cref="LiveAnomalies.MayMoveRanking"/>).</summary>
public sealed class when_a_copy_reaches_the_ranking
{
    private static readonly Tally Counted = new(300, 250, 240, 10, [120, 80, 40]);
    private static readonly Tally Typo = new(300, 250, 240, 10, [120, 40, 80]);

    private static SourceTally From(int source, Tally tally) => new(source, source + 1, DateTimeOffset.UnixEpoch, tally, null, null);

    [Fact]
    public void the_first_count_of_a_box_is_rescored()
    {
        var counted = From(2, Counted);

        LiveAnomalies.MayMoveRanking(new BoxChange(7, 2, null, Counted, null, counted, BoxStatus.NotReported, BoxStatus.SingleSource)).ShouldBeTrue();
    }

    [Fact]
    public void a_lower_ranked_copy_that_confirms_is_not()
    {
        var counted = From(2, Counted);

        LiveAnomalies.MayMoveRanking(new BoxChange(7, 5, null, Counted, counted, counted, BoxStatus.SingleSource, BoxStatus.Confirmed)).ShouldBeFalse();
    }

    [Fact]
    public void a_better_ranked_source_with_the_same_numbers_is_not()
    {
        var before = From(2, Counted);
        var after = From(0, new Tally(300, 250, 240, 10, [120, 80, 40]));

        LiveAnomalies.MayMoveRanking(new BoxChange(7, 0, null, after.Tally, before, after, BoxStatus.Confirmed, BoxStatus.Confirmed)).ShouldBeFalse();
    }

    [Fact]
    public void a_better_ranked_source_with_other_numbers_is()
    {
        var before = From(2, Typo);
        var after = From(0, Counted);

        LiveAnomalies.MayMoveRanking(new BoxChange(7, 0, null, Counted, before, after, BoxStatus.SingleSource, BoxStatus.Conflict)).ShouldBeTrue();
        LiveAnomalies.MayMoveRanking(new BoxChange(7, 0, null, Counted, before, after, BoxStatus.SingleSource, BoxStatus.SingleSource)).ShouldBeTrue();
    }

    [Fact]
    public void a_lower_ranked_copy_that_opens_or_closes_a_disagreement_is()
    {
        var counted = From(0, Counted);

        LiveAnomalies.MayMoveRanking(new BoxChange(7, 5, null, Typo, counted, counted, BoxStatus.SingleSource, BoxStatus.Conflict)).ShouldBeTrue();
        LiveAnomalies.MayMoveRanking(new BoxChange(7, 5, Typo, Counted, counted, counted, BoxStatus.Conflict, BoxStatus.Confirmed)).ShouldBeTrue();
        LiveAnomalies.MayMoveRanking(new BoxChange(7, 6, null, Typo, counted, counted, BoxStatus.Conflict, BoxStatus.Conflict)).ShouldBeTrue();
    }
}
