using Sandik.Domain.Reconciliation;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Tallies;

/// <summary>
/// Rebuilding from the log in bulk. <see cref="Apply"/> keeps every total current after each entry: for a log of
/// 700,000 entries that is some 2 million board updates at random places. A replay keeps only the ledgers while the
/// log is read, then sums each box once, in registry order, so neighbouring boxes share their areas' rows in cache.
/// </summary>
public sealed partial class LiveRace
{
    private bool _replaying;

    /// <summary>
    /// Records part of the log into a race that no entry has been applied to. Parts may come in any order, from several
    /// threads at once: each box keeps every source's latest tally by sequence, whatever the order of arrival. Call
    /// <see cref="FinishReplay"/> once every part is in; the state then equals that of applying the whole log in
    /// sequence order, entry by entry.
    /// </summary>
    /// <exception cref="InvalidOperationException">Entries were already applied one by one.</exception>
    public void Replay(IReadOnlyList<LoggedSubmission> part)
    {
        lock (_gate)
        {
            if (!_replaying && Version > 0) throw new InvalidOperationException("Entries were already applied: a replay starts from an empty race.");
            _replaying = true;
            foreach (var entry in part)
            {
                if (!Applies(entry, out var box, out var sourceIndex)) continue;
                // In sequence order every such entry is recorded, replacing the source's earlier tally: so is it here,
                // except that an entry older than the one held is dropped at once instead of being replaced later.
                var ledger = _ledgers[box.Index] ??= new BoxLedger(Sources.Count);
                ledger.TryRecord(new SourceTally(sourceIndex, entry.Sequence, entry.ReceivedAt, entry.Tally!, entry.Evidence, entry.Reporter), out _);
                LastSequence = Math.Max(LastSequence, entry.Sequence);
                Version++;
            }
        }
    }

    /// <summary>Sums the replayed ledgers into the totals; the race then takes entries through <see cref="Apply"/> again.</summary>
    public void FinishReplay()
    {
        lock (_gate)
        {
            if (!_replaying) return;
            var counting = _sources.CountedMask;
            var order = _sources.TrustOrder;
            for (var boxIndex = 0; boxIndex < _ledgers.Length; boxIndex++)
            {
                if (_ledgers[boxIndex] is not { } ledger) continue;
                for (var source = 0; source < Sources.Count; source++)
                {
                    if (ledger[source] is not { } tally) continue;
                    SourceBoard(source).Add(boxIndex, tally.Tally, +1);
                }
                if (ledger.Counted(counting, order) is not { } counted) continue; // only a retired source's copies
                _reconciled.Add(boxIndex, counted.Tally, +1);
                _reconciled.Restatus(boxIndex, BoxStatus.NotReported, ledger.Status(counting, order));
            }
            _replaying = false;
        }
    }
}
