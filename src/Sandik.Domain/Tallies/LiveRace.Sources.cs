using Sandik.Domain.Reconciliation;
using Sandik.Domain.Sources;

namespace Sandik.Domain.Tallies;

/// <summary>
/// A change of the catalogue on a running race: new trust ranks, a source added, a source retired or taken back.
/// Every box keeps every source's latest tally, so the new catalogue only decides again which of them each box
/// counts: no entry is read again, and the result equals a race built from the same log under the new catalogue.
/// </summary>
public sealed partial class LiveRace
{
    /// <summary>
    /// Counts every box from its best-ranked counting source under a new catalogue. Per-source totals and views' masks
    /// keep their meaning (the sources keep their indexes; an added source takes the next); the reconciled totals and
    /// statuses follow the new order and the new set of counting sources.
    /// </summary>
    /// <param name="next">
    /// The same sources under the same indexes, possibly re-ranked or retired, and possibly more of them after
    /// (<see cref="SourceCatalog.Adopting"/>, <see cref="SourceCatalog.WithRanks"/>).
    /// </param>
    /// <returns>
    /// The boxes whose counted tally or status changed, as changes for the live ranking and the viewers; a box whose
    /// only copies are now a retired source's has a null <see cref="BoxChange.Counted"/>.
    /// </returns>
    /// <exception cref="ArgumentException">The catalogue does not number this race's sources alike.</exception>
    public IReadOnlyList<BoxChange> ChangeSources(SourceCatalog next)
    {
        lock (_gate)
        {
            var old = _sources;
            if (next.Count < old.Count || Enumerable.Range(0, old.Count).Any(i => next.Sources[i].Id != old.Sources[i].Id))
                throw new ArgumentException("A changed catalogue must hold the same sources under the same indexes (and may add more after them).", nameof(next));
            if (_replaying) throw new InvalidOperationException("A replay is under way: finish it before changing sources.");
            var changes = new List<BoxChange>();
            if (next.CountedMask != old.CountedMask || !next.TrustOrder.SequenceEqual(old.TrustOrder))
            {
                for (var boxIndex = 0; boxIndex < _ledgers.Length; boxIndex++)
                {
                    if (_ledgers[boxIndex] is { } ledger && Recount(boxIndex, ledger, old, next) is { } change) changes.Add(change);
                }
            }
            Sources = next;
            // Subset totals are summed under the old catalogue: a new version clears them, and tells every reader that
            // the counts may have moved although no entry was applied.
            Version++;
            return changes;
        }
    }

    private BoxChange? Recount(int boxIndex, BoxLedger ledger, SourceCatalog old, SourceCatalog next)
    {
        var before = ledger.Counted(old.CountedMask, old.TrustOrder);
        var after = ledger.Counted(next.CountedMask, next.TrustOrder);
        var beforeStatus = ledger.Status(old.CountedMask, old.TrustOrder);
        var afterStatus = ledger.Status(next.CountedMask, next.TrustOrder);
        if (ReferenceEquals(before, after) && beforeStatus == afterStatus) return null;
        if (!ReferenceEquals(before, after))
        {
            if (before is not null) _reconciled.Add(boxIndex, before.Tally, -1);
            if (after is not null) _reconciled.Add(boxIndex, after.Tally, +1);
        }
        _reconciled.Restatus(boxIndex, beforeStatus, afterStatus);
        var shown = after ?? before!;
        return new BoxChange(boxIndex, shown.SourceIndex, null, shown.Tally, before, after, beforeStatus, afterStatus);
    }
}
