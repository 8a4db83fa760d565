using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;

namespace Sandik.Domain.Projection;

/// <summary>
/// The live projection of one race: from every box counted so far and a prior election, what the count will end at,
/// with intervals, seats and probabilities (see <c>docs/projection.md</c>). Build one per race and prior — matching the
/// prior to the boxes is the slow part — and call <see cref="Project(LiveRace, SourceView)"/> whenever a snapshot is
/// wanted; an unchanged race returns the cached snapshot.
/// </summary>
/// <remarks>Thread-safe: one projection runs at a time behind an internal lock; snapshots are immutable.</remarks>
public sealed class LiveProjector
{
    private readonly Lock _gate = new();
    private readonly string _electionId;
    private readonly ProjectionEngine _engine;
    private readonly ProjectionDraws _draws;
    private readonly Tally?[] _counted;
    private readonly long[] _arrival;
    private (long Version, uint Mask)? _cachedKey;
    private ProjectionSnapshot? _cached;

    public LiveProjector(Election election, Race race, ElectionGeography geography, PriorElection? prior, ProjectionOptions? options = null)
    {
        Options = options ?? ProjectionOptions.Default;
        _electionId = election.Id;
        var sums = prior is null ? null : new PriorSums(prior, race, Options.PriorAliases);
        var groups = SwingGroups.Build(race, sums?.NationalShares(), Options.OwnSwingShare);
        var tree = PoolingTree.Build(geography, Options);
        var priors = BoxPriors.Build(geography, race, groups, sums, Options.PriorSmoothing);
        _engine = new ProjectionEngine(geography, race, tree, groups, priors, Options);
        _draws = new ProjectionDraws(_engine, new ReportingAreas(tree, geography));
        _counted = new Tally?[geography.Boxes.Count];
        _arrival = new long[geography.Boxes.Count];
        Prior = PriorUsage(prior, priors, groups);
    }

    /// <summary>A projector for a live race.</summary>
    public static LiveProjector For(LiveRace live, PriorElection? prior, ProjectionOptions? options = null) =>
        new(live.Election, live.Race, live.Geography, prior, options);

    public ProjectionOptions Options { get; }

    public string ElectionId => _electionId;

    public Race Race => _engine.Race;

    public ElectionGeography Geography => _engine.Geography;

    /// <summary>How the prior matched the boxes; the same for every snapshot.</summary>
    public PriorUse Prior { get; }

    /// <summary>The prior's expectation for each box, for sample designs that stratify on it.</summary>
    internal BoxPriors Priors => _engine.Priors;

    internal SwingGroups Groups => _engine.Groups;

    /// <summary>Projects from the boxes counted in a view of a live race.</summary>
    public ProjectionSnapshot Project(LiveRace live, SourceView view)
    {
        lock (_gate)
        {
            // Read once, before the scan: boxes applied while it runs may be in this snapshot, but its version never
            // claims what the scan did not see, so the next call projects again instead of keeping a stale snapshot.
            var version = live.Version;
            if (_cachedKey == (version, view.Mask) && _cached is not null) return _cached;
            for (var b = 0; b < _counted.Length; b++)
            {
                var tally = live.CountedTally(b, view);
                (_counted[b], _arrival[b]) = (tally?.Tally, tally?.Sequence ?? 0);
            }
            _cached = Run(_counted, version, _arrival);
            _cachedKey = (version, view.Mask);
            return _cached;
        }
    }

    /// <summary>Projects from counted tallies given by box index (null = not counted yet).</summary>
    /// <param name="arrival">
    /// Optional arrival order of each counted box (any increasing number; 0 when unknown): lets the projection measure
    /// how later boxes differ from earlier ones and widen its intervals by as much.
    /// </param>
    public ProjectionSnapshot Project(IReadOnlyList<Tally?> counted, long version = 0, IReadOnlyList<long>? arrival = null)
    {
        if (counted.Count != _counted.Length) throw new ArgumentException($"Expected {_counted.Length} boxes, got {counted.Count}.", nameof(counted));
        lock (_gate)
        {
            _cachedKey = null;
            return Run(counted, version, arrival);
        }
    }

    private ProjectionSnapshot Run(IReadOnlyList<Tally?> counted, long version, IReadOnlyList<long>? arrival)
    {
        _engine.Run(counted, arrival);
        _draws.Run(Options.Draws, Options.Seed);
        return SnapshotBuilder.Build(_engine, _draws, _electionId, version, Prior, ProjectionNotes.For(_engine, _draws, Prior));
    }

    private static PriorUse PriorUsage(PriorElection? prior, BoxPriors priors, SwingGroups groups)
    {
        var counts = new int[priors.MatchNames.Length];
        foreach (var m in priors.Match) counts[m]++;
        var byMatch = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0) byMatch[priors.MatchNames[i]] = counts[i];
        }
        var own = groups.CompositionFromCountOnly ? [] : groups.Names.Where((_, g) => g != groups.Other).ToList();
        return new PriorUse(prior?.ElectionId, byMatch, groups.CompositionFromCountOnly, own);
    }
}
