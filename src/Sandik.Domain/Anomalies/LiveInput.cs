using Sandik.Domain.Reconciliation;
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
            if (live.CountedTally(box, view) is not { } counted) continue;
            counts.Set(box, counted.Tally);
            if (live.StatusOf(box, view) == BoxStatus.Conflict && SourceGap.From(live.Explain(box, view), ids) is { } gap)
                gaps[box] = gap;
        }
        return (counts, gaps);
    }
}
