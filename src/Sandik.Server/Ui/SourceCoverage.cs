using Sandik.Domain.Reconciliation;
using Sandik.Domain.Tallies;

namespace Sandik.Server.Ui;

/// <summary>
/// What each source of a view contributes: boxes it sent, boxes that only it sent (within the view), and boxes whose
/// sources disagree with it among them. Indexed by source index; boxes received are counted for every source (retired
/// ones included), the other two only for the view's sources.
/// </summary>
public sealed record SourceCoverage(long Version, long[] Received, long[] OnlyThisSource, long[] InConflicts)
{
    /// <summary>Scans every box once (a few milliseconds for the whole country).</summary>
    public static SourceCoverage Measure(LiveRace live, SourceView view)
    {
        var sources = live.Sources;
        var version = live.Version;
        var received = new long[sources.Count];
        var only = new long[sources.Count];
        var conflicts = new long[sources.Count];
        for (var s = 0; s < sources.Count; s++)
        {
            received[s] = live.Totals(0, SourceView.Only(s)).BoxesCounted;
        }
        var boxes = live.Geography.Boxes.Count;
        for (var box = 0; box < boxes; box++)
        {
            switch (live.StatusOf(box, view))
            {
                case BoxStatus.SingleSource:
                    if (live.CountedTally(box, view) is { } counted) only[counted.SourceIndex]++;
                    break;
                case BoxStatus.Conflict:
                    foreach (var entry in live.Explain(box, view).Entries) conflicts[sources.IndexOf(entry.SourceId)]++;
                    break;
            }
        }
        return new SourceCoverage(version, received, only, conflicts);
    }
}
