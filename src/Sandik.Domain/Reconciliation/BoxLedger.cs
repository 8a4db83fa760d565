namespace Sandik.Domain.Reconciliation;

/// <summary>
/// The latest tally of every source for one box of one race, by source index. The counted tally is that of the
/// best-ranked source that has one, within a set of sources given as a bit mask over the indexes, in the trust order
/// the caller gives (<see cref="Sources.SourceCatalog.TrustOrder"/>). A source added to the catalogue after the
/// ledger was made gets its slot with its first tally. Not thread-safe.
/// </summary>
public sealed class BoxLedger(int sourceCount)
{
    private SourceTally?[] _bySource = new SourceTally?[sourceCount];

    public SourceTally? this[int sourceIndex] => sourceIndex < _bySource.Length ? _bySource[sourceIndex] : null;

    /// <summary>
    /// Records a source's tally unless that source already sent a later one, or this very entry (the same sequence):
    /// applying one log entry twice changes nothing. Returns the tally it replaced.
    /// </summary>
    public bool TryRecord(SourceTally entry, out SourceTally? replaced)
    {
        if (entry.SourceIndex >= _bySource.Length) Array.Resize(ref _bySource, entry.SourceIndex + 1);
        replaced = _bySource[entry.SourceIndex];
        if (replaced is not null && replaced.Sequence >= entry.Sequence) return false;
        _bySource[entry.SourceIndex] = entry;
        return true;
    }

    /// <summary>The tally of the best-ranked source inside the mask, or null when none of them sent one.</summary>
    public SourceTally? Counted(uint mask, ReadOnlySpan<int> trustOrder)
    {
        foreach (var i in trustOrder)
        {
            if ((mask & (1u << i)) != 0 && this[i] is { } entry) return entry;
        }
        return null;
    }

    /// <summary>
    /// Whether the sources inside the mask agree with the counted tally (a count one of them left blank agrees with
    /// any): which source is counted can decide it, so the status takes the trust order too.
    /// </summary>
    public BoxStatus Status(uint mask, ReadOnlySpan<int> trustOrder)
    {
        SourceTally? counted = null;
        var sources = 0;
        var agree = true;
        foreach (var i in trustOrder)
        {
            if ((mask & (1u << i)) == 0 || this[i] is not { } entry) continue;
            sources++;
            if (counted is null) counted = entry;
            else if (!entry.Tally.AgreesWith(counted.Tally)) agree = false;
        }
        return sources switch
        {
            0 => BoxStatus.NotReported,
            1 => BoxStatus.SingleSource,
            _ => agree ? BoxStatus.Confirmed : BoxStatus.Conflict,
        };
    }

    /// <summary>Every source's latest tally, in trust order.</summary>
    public List<SourceTally> Entries(ReadOnlySpan<int> trustOrder)
    {
        var entries = new List<SourceTally>(_bySource.Length);
        foreach (var i in trustOrder)
        {
            if (this[i] is { } entry) entries.Add(entry);
        }
        return entries;
    }
}
