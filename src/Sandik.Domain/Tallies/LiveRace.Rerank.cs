using Sandik.Domain.Reconciliation;
using Sandik.Domain.Sources;

namespace Sandik.Domain.Tallies;

/// <summary>
/// A change of trust ranks on a running race. Every box keeps every source's latest tally, so the new order only
/// decides again which of them each box counts: no entry is read again, and the result equals a race built from the
/// same log under the new ranks.
/// </summary>
public sealed partial class LiveRace
{
    /// <summary>
    /// Counts every box from its best-ranked source under new ranks. Per-source totals and views' masks keep their
    /// meaning (the sources keep their indexes); the reconciled totals and statuses follow the new order.
    /// </summary>
    /// <param name="ranked">The same sources under the same indexes with new ranks (<see cref="SourceCatalog.WithRanks"/>).</param>
    /// <returns>The boxes whose counted tally or status changed, as changes for the live ranking and the viewers.</returns>
    /// <exception cref="ArgumentException">The catalogue does not number the same sources alike.</exception>
    public IReadOnlyList<BoxChange> Rerank(SourceCatalog ranked)
    {
        lock (_gate)
        {
            var old = _sources;
            if (ranked.Count != old.Count || Enumerable.Range(0, old.Count).Any(i => ranked.Sources[i].Id != old.Sources[i].Id))
                throw new ArgumentException("A re-ranked catalogue must hold the same sources under the same indexes.", nameof(ranked));
            if (_replaying) throw new InvalidOperationException("A replay is under way: finish it before changing ranks.");
            var changes = new List<BoxChange>();
            var all = old.AllMask;
            for (var boxIndex = 0; boxIndex < _ledgers.Length; boxIndex++)
            {
                if (_ledgers[boxIndex] is not { } ledger) continue;
                var before = ledger.Counted(all, old.TrustOrder)!;
                var after = ledger.Counted(all, ranked.TrustOrder)!;
                var beforeStatus = ledger.Status(all, old.TrustOrder);
                var afterStatus = ledger.Status(all, ranked.TrustOrder);
                if (ReferenceEquals(before, after) && beforeStatus == afterStatus) continue;
                if (!ReferenceEquals(before, after))
                {
                    _reconciled.Add(boxIndex, before.Tally, -1);
                    _reconciled.Add(boxIndex, after.Tally, +1);
                }
                _reconciled.Restatus(boxIndex, beforeStatus, afterStatus);
                changes.Add(new BoxChange(boxIndex, after.SourceIndex, null, after.Tally, before, after, beforeStatus, afterStatus));
            }
            Sources = ranked;
            // Subset totals are summed under the old order: a new version clears them, and tells every reader that
            // the counts may have moved although no entry was applied.
            Version++;
            return changes;
        }
    }
}
