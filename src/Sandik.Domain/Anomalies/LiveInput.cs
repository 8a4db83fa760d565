using Sandik.Domain.Reconciliation;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;

namespace Sandik.Domain.Anomalies;

/// <summary>What the detector needs from a live race: every box's counted tally in a view, and where sources disagree.</summary>
public static class LiveInput
{
    /// <summary>The counted tallies of a view, and the widest source disagreement of every box in conflict.</summary>
    public static (BoxCounts Counts, Dictionary<int, SourceGap> Gaps) From(LiveRace live, SourceView view)
    {
        var counts = new BoxCounts(live.Geography.Boxes.Count, live.Race.Choices.Count);
        var ids = live.Race.Choices.Select(c => c.Id).ToList();
        var gaps = new Dictionary<int, SourceGap>();
        for (var box = 0; box < counts.BoxCount; box++)
        {
            var (counted, gap) = Of(live, view, box, ids);
            if (counted is null) continue;
            counts.Set(box, counted);
            if (gap is not null) gaps[box] = gap;
        }
        return (counts, gaps);
    }

    /// <summary>
    /// One box's counted tally in a view (null when no source of the view has sent it) and, when its sources are in
    /// conflict, their widest disagreement.
    /// </summary>
    /// <param name="choiceIds">The race's choice ids, in order.</param>
    public static (Tally? Counted, SourceGap? Gap) Of(LiveRace live, SourceView view, int box, IReadOnlyList<string> choiceIds)
    {
        if (live.CountedTally(box, view) is not { } counted) return (null, null);
        var gap = live.StatusOf(box, view) == BoxStatus.Conflict ? SourceGap.From(live.Explain(box, view), choiceIds) : null;
        return (counted.Tally, gap);
    }
}
