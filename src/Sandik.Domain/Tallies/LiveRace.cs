using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Tallies;

/// <summary>
/// The live state of one race: every box's ledger of source tallies, and running totals at every level for the
/// reconciled view (the sources of <see cref="SourceCatalog.CountedMask"/>) and for each source alone. Other subsets of sources are summed on request and cached until the
/// next change. Replaying the same log in sequence order always gives the same state.
/// Thread-safe: one writer or reader at a time behind an internal lock; every result is a snapshot.
/// </summary>
public sealed partial class LiveRace
{
    private readonly Lock _gate = new();
    private readonly BoxLedger?[] _ledgers;
    private readonly TallyBoard _reconciled;
    private TallyBoard?[] _bySource;
    private readonly Dictionary<uint, TallyBoard> _subsets = [];
    private long _subsetVersion = -1;

    public LiveRace(Election election, Race race, ElectionGeography geography, SourceCatalog sources)
    {
        Election = election;
        Race = race;
        Geography = geography;
        _sources = sources;
        _ledgers = new BoxLedger?[geography.Boxes.Count];
        _reconciled = new TallyBoard(geography, race.Choices.Count);
        _bySource = new TallyBoard?[sources.Count];
    }

    public Election Election { get; }
    public Race Race { get; }
    public ElectionGeography Geography { get; }
    /// <summary>
    /// The sources and their order of trust. A change of the catalogue (<see cref="ChangeSources"/>) replaces it with a catalogue
    /// that keeps every source's index, so a view's mask keeps its meaning.
    /// </summary>
    public SourceCatalog Sources { get => Volatile.Read(ref _sources); private set => Volatile.Write(ref _sources, value); }

    private SourceCatalog _sources;

    /// <summary>Grows by one with every applied submission; lets readers tell whether anything changed.</summary>
    public long Version { get; private set; }

    /// <summary>Sequence of the last log entry applied.</summary>
    public long LastSequence { get; private set; }

    /// <summary>
    /// Applies one accepted log entry of this race. Returns what changed at the box, or null when the entry is
    /// rejected, for another race, for an unknown box or source, or older than the source's tally already held.
    /// </summary>
    public BoxChange? Apply(LoggedSubmission entry)
    {
        if (!Applies(entry, out var box, out var sourceIndex)) return null;
        lock (_gate)
        {
            if (_replaying) throw new InvalidOperationException("A replay is under way: finish it before applying entries one by one.");
            LastSequence = Math.Max(LastSequence, entry.Sequence);
            return Record(box.Index, new SourceTally(sourceIndex, entry.Sequence, entry.ReceivedAt, entry.Tally!, entry.Evidence, entry.Reporter));
        }
    }

    private bool Applies(LoggedSubmission entry, out BallotBox box, out int sourceIndex)
    {
        box = null!;
        sourceIndex = -1;
        if (!entry.Accepted || entry.RaceId != Race.Id || !Geography.TryGetBox(entry.BoxCode, out box)) return false;
        sourceIndex = Sources.IndexOf(entry.SourceId);
        return sourceIndex >= 0 && entry.Tally!.ChoiceCount == Race.Choices.Count;
    }

    private BoxChange? Record(int boxIndex, SourceTally tally)
    {
        var ledger = _ledgers[boxIndex] ??= new BoxLedger(Sources.Count);
        var counting = _sources.CountedMask;
        var order = _sources.TrustOrder;
        var previousCounted = ledger.Counted(counting, order);
        var previousStatus = ledger.Status(counting, order);
        if (!ledger.TryRecord(tally, out var replaced)) return null;
        var counted = ledger.Counted(counting, order);
        var status = ledger.Status(counting, order);

        var sourceBoard = SourceBoard(tally.SourceIndex);
        if (replaced is not null) sourceBoard.Add(boxIndex, replaced.Tally, -1);
        sourceBoard.Add(boxIndex, tally.Tally, +1);
        Version++;
        // A retired source's copy (taken in from the log, sent before it was retired) counts nowhere but in its own view.
        if (counted is null) return null;

        if (!ReferenceEquals(previousCounted, counted))
        {
            if (previousCounted is not null) _reconciled.Add(boxIndex, previousCounted.Tally, -1);
            _reconciled.Add(boxIndex, counted.Tally, +1);
        }
        _reconciled.Restatus(boxIndex, previousStatus, status);
        return new BoxChange(boxIndex, tally.SourceIndex, replaced?.Tally, tally.Tally, previousCounted, counted, previousStatus, status);
    }

    /// <summary>Totals of an area in a source view.</summary>
    public AreaTotals Totals(int areaIndex, SourceView view)
    {
        lock (_gate) return BoardFor(view).Totals(areaIndex);
    }

    /// <summary>Totals of every child of an area, in registry order.</summary>
    public IReadOnlyList<AreaTotals> ChildTotals(int areaIndex, SourceView view)
    {
        lock (_gate)
        {
            var board = BoardFor(view);
            return [.. Geography.ChildrenOf(areaIndex).Select(board.Totals)];
        }
    }

    /// <summary>The box's counted tally in a view, or null when no source of the view has sent it.</summary>
    public SourceTally? CountedTally(int boxIndex, SourceView view)
    {
        lock (_gate) return _ledgers[boxIndex]?.Counted(view.Mask, _sources.TrustOrder);
    }

    public BoxStatus StatusOf(int boxIndex, SourceView view)
    {
        lock (_gate) return _ledgers[boxIndex]?.Status(view.Mask, _sources.TrustOrder) ?? BoxStatus.NotReported;
    }

    /// <summary>Why the box's counted tally is what it is: every source's latest tally and how it differs.</summary>
    public TallyExplanation Explain(int boxIndex, SourceView view)
    {
        lock (_gate)
        {
            var box = Geography.Boxes[boxIndex];
            var ledger = _ledgers[boxIndex];
            var sources = _sources;
            var counted = ledger?.Counted(view.Mask, sources.TrustOrder);
            if (ledger is null || counted is null)
                return new TallyExplanation(box.Code, BoxStatus.NotReported, null, null, "No source in this view has sent this box yet.", []);
            var entries = ledger.Entries(sources.TrustOrder).Where(e => view.Includes(e.SourceIndex)).Select(e => new TallyExplanation.Entry(
                sources.Sources[e.SourceIndex].Id, sources.Sources[e.SourceIndex].TrustRank, e.Sequence, e.ReceivedAt, e.Tally,
                ReferenceEquals(e, counted), e.Tally.DifferingFields(counted.Tally, Race), e.Evidence, e.Reporter)).ToList();
            return new TallyExplanation(box.Code, ledger.Status(view.Mask, sources.TrustOrder), sources.Sources[counted.SourceIndex].Id,
                counted.Sequence, Reason(sources, counted, entries), entries);
        }
    }

    /// <summary>Indexes of the boxes that have a given status in a view.</summary>
    public IReadOnlyList<int> BoxesWithStatus(BoxStatus status, SourceView view)
    {
        lock (_gate)
        {
            var boxes = new List<int>();
            for (var i = 0; i < _ledgers.Length; i++)
            {
                if ((_ledgers[i]?.Status(view.Mask, _sources.TrustOrder) ?? BoxStatus.NotReported) == status) boxes.Add(i);
            }
            return boxes;
        }
    }

    private static string Reason(SourceCatalog sources, SourceTally counted, List<TallyExplanation.Entry> entries)
    {
        var source = sources.Sources[counted.SourceIndex];
        var text = $"Counted from '{source.Id}' (trust rank {source.TrustRank}), its latest submission #{counted.Sequence}: "
            + "the best-ranked source in this view that has sent this box.";
        var others = entries.Where(e => !e.Counted).ToList();
        if (others.Count == 0) return text + " No other source has sent it.";
        var disagree = others.Where(e => e.Differences.Count > 0).ToList();
        if (disagree.Count == 0) return text + $" {others.Count} other source(s) agree on every count.";
        return text + " Disagreeing: " + string.Join("; ", disagree.Select(e => $"'{e.SourceId}' on {string.Join(", ", e.Differences)}")) + ".";
    }

    /// <summary>One source's running totals, made on first use (a source added since the race was built gets its slot then).</summary>
    private TallyBoard SourceBoard(int sourceIndex)
    {
        if (sourceIndex >= _bySource.Length) Array.Resize(ref _bySource, _sources.Count);
        return _bySource[sourceIndex] ??= new TallyBoard(Geography, Race.Choices.Count);
    }

    private TallyBoard BoardFor(SourceView view)
    {
        if (view.Mask == _sources.CountedMask) return _reconciled;
        if (view.SingleSource is var single and >= 0 && single < _sources.Count) return SourceBoard(single);
        if (_subsetVersion != Version)
        {
            _subsets.Clear();
            _subsetVersion = Version;
        }
        if (!_subsets.TryGetValue(view.Mask, out var board))
        {
            board = SumSubset(view.Mask);
            _subsets[view.Mask] = board;
        }
        return board;
    }

    private TallyBoard SumSubset(uint mask)
    {
        var board = new TallyBoard(Geography, Race.Choices.Count);
        for (var i = 0; i < _ledgers.Length; i++)
        {
            if (_ledgers[i] is not { } ledger || ledger.Counted(mask, _sources.TrustOrder) is not { } counted) continue;
            board.Add(i, counted.Tally, +1);
            board.Restatus(i, BoxStatus.NotReported, ledger.Status(mask, _sources.TrustOrder));
        }
        return board;
    }
}
