using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;
using Sandik.Server.Hosting;
using Sandik.Storage;

namespace Sandik.Server.Live;

/// <summary>
/// The election this server serves: its definition and registry from the store, and the live state of every race,
/// rebuilt from the log at start-up. Thread-safe (each <see cref="LiveRace"/> guards itself).
/// </summary>
public sealed class ElectionHost(IElectionStore store, IOptions<SandikServerOptions> options, ILogger<ElectionHost> logger)
{
    /// <summary>Entries read before they are handed to the races at once (one lock per part, not per entry).</summary>
    private const int ReplayPart = 4_096;

    private volatile StoredElection? _election;
    private string? _refusedSources;
    private long _sourcesRevision;
    private Dictionary<string, LiveRace> _races = [];

    public StoredElection Election => _election ?? throw new InvalidOperationException("The election is not loaded yet.");

    /// <summary>Whether the election has been loaded (its log replayed); until then <see cref="Election"/> throws.</summary>
    public bool IsLoaded => _election is not null;

    public SubmissionValidator Validator { get; private set; } = null!;

    public IReadOnlyCollection<LiveRace> Races => _races.Values;

    public LiveRace DefaultRace => _races[Election.Election.DefaultRace.Id];

    public TimeSpan RebuildTime { get; private set; }

    /// <summary>How many accepted log entries the last load replayed (rejected entries are not read).</summary>
    public long RebuiltEntries { get; private set; }

    /// <summary>The highest sequence the load applied: where a node of a cluster starts following the log (it may re-read a few entries that apply to nothing).</summary>
    public long LoadedThroughSequence { get; private set; }

    public LiveRace? Race(string? raceId) => raceId is null ? DefaultRace : _races.GetValueOrDefault(raceId);

    /// <summary>
    /// The earlier election the projection moves by the swing and the anomaly checks compare against
    /// (<see cref="SandikServerOptions.PriorElection"/>), as counted in its own log; null when none is configured.
    /// </summary>
    public PriorResults? Prior { get; private set; }

    /// <summary>Loads the election and replays its whole log.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await store.InitializeAsync(ct);
        var ids = await store.ListElectionsAsync(ct);
        var id = options.Value.Election ?? (ids.Count == 1 ? ids[0]
            : throw new InvalidOperationException(ids.Count == 0
                ? "The store holds no election: import one first ('sandik import --input FILE --election ID')."
                : $"The store holds several elections ({string.Join(", ", ids)}); choose one."));
        var election = await store.LoadElectionAsync(id, ct) ?? throw new InvalidOperationException($"The store holds no election '{id}'.");
        var loaded = clock.Elapsed;
        var races = election.Election.Races.ToDictionary(r => r.Id, r => new LiveRace(election.Election, r, election.Geography, election.Sources));
        var prepare = store.PrepareAppendsAsync(id, ct);
        var entries = await ReplayLogAsync(election, races.Values, ct);
        await prepare;
        foreach (var race in races.Values) race.FinishReplay();
        LoadedThroughSequence = races.Values.Max(r => r.LastSequence);
        _election = election;
        _races = races;
        Validator = new SubmissionValidator(election.Election, election.Geography, election.Sources);
        if (options.Value.PriorElection is { Length: > 0 } priorId) Prior = await LoadPriorAsync(priorId, id, ct);
        RebuildTime = clock.Elapsed;
        RebuiltEntries = entries;
        logger.LogInformation("Loaded {Election}: {Boxes} boxes in {LoadMs} ms, {Entries} accepted log entries replayed in {ReplayMs} ms",
            id, election.Geography.Boxes.Count, (long)loaded.TotalMilliseconds, entries, (long)(clock.Elapsed - loaded).TotalMilliseconds);
    }

    private async Task<PriorResults> LoadPriorAsync(string priorId, string servedId, CancellationToken ct)
    {
        if (priorId == servedId) throw new InvalidOperationException($"The prior election cannot be the election served ('{priorId}').");
        var prior = await store.LoadElectionAsync(priorId, ct)
            ?? throw new InvalidOperationException($"The store holds no prior election '{priorId}': import it first ('sandik import --input FILE --election {priorId}').");
        var race = new LiveRace(prior.Election, prior.Election.DefaultRace, prior.Geography, prior.Sources);
        await ReplayLogAsync(prior, [race], ct);
        race.FinishReplay();
        var result = PriorResults.Counted(race);
        logger.LogInformation("Prior election {Prior}: {Counted} of {Boxes} boxes counted", priorId, result.BoxesCounted, prior.Geography.Boxes.Count);
        return result;
    }

    /// <summary>
    /// Reads the log in two halves at once: reading and decoding rows is most of a rebuild, and a replay takes its parts
    /// in any order (see <see cref="LiveRace.Replay"/>). The halves are split at the sequence half the entry count in,
    /// which is the middle for a store holding one election; with several, the split is uneven but still complete.
    /// </summary>
    /// <returns>The number of accepted log entries read.</returns>
    private async Task<long> ReplayLogAsync(StoredElection election, IReadOnlyCollection<LiveRace> races, CancellationToken ct)
    {
        var count = await store.CountLogAsync(election.Election.Id, ct);
        if (count < 4 * ReplayPart) return await ReplayRangeAsync(election, races, 0, long.MaxValue, ct);
        var halves = await Task.WhenAll(
            Task.Run(() => ReplayRangeAsync(election, races, 0, count / 2, ct), ct),
            Task.Run(() => ReplayRangeAsync(election, races, count / 2, long.MaxValue, ct), ct));
        return halves[0] + halves[1];
    }

    private async Task<long> ReplayRangeAsync(StoredElection election, IReadOnlyCollection<LiveRace> races, long after, long through, CancellationToken ct)
    {
        var part = new List<LoggedSubmission>(ReplayPart);
        long read = 0;
        await foreach (var entry in store.ReadCountedLogAsync(election, after, through, ct))
        {
            read++;
            part.Add(entry);
            if (part.Count < ReplayPart) continue;
            foreach (var race in races) race.Replay(part);
            part.Clear();
        }
        foreach (var race in races) race.Replay(part);
        return read;
    }

    /// <summary>
    /// Takes the stored catalogue into every race (call on the live state's writer, between commits): new ranks, added
    /// sources and retired ones. Each box is counted again from its best-ranked counting source. Null when the catalogue
    /// is the one already served, when a later revision of it was taken in already (two changes read in one order and
    /// queued in the other), or when the stored catalogue lacks a source this server serves, which only a restart takes
    /// in (logged).
    /// </summary>
    public IReadOnlyList<BoxChange>? ChangeSources(StoredSources stored)
    {
        var election = Election;
        if (stored.Revision < _sourcesRevision) return null;
        _sourcesRevision = stored.Revision;
        if (election.Sources.SameAs(stored.Catalog)) return null;
        if (election.Sources.Adopting(stored.Catalog) is not { } next)
        {
            // The follower asks again at every interval: one warning per stored catalogue, not one per look.
            var key = stored.Catalog.ToJson();
            if (key == _refusedSources) return null;
            _refusedSources = key;
            logger.LogWarning("The stored sources of {Election} lack some of those served ({Stored} against {Served}); they apply after a restart",
                election.Election.Id, string.Join(", ", stored.Catalog.Sources.Select(s => s.Id)), string.Join(", ", election.Sources.Sources.Select(s => s.Id)));
            return null;
        }
        var changes = new List<BoxChange>();
        foreach (var race in _races.Values) changes.AddRange(race.ChangeSources(next));
        _election = election with { Sources = next };
        Validator = new SubmissionValidator(election.Election, election.Geography, next);
        logger.LogInformation("Sources of {Election} now {Sources}: {Changed} box counts changed", election.Election.Id,
            string.Join(", ", next.ByTrustRank.Select(s => $"{s.Id} {s.TrustRank}{(s.Retired ? " (retired)" : "")}")), changes.Count);
        return changes;
    }

    /// <summary>Whether this server can take in a stored catalogue without a restart: it holds every source served.</summary>
    public bool Serves(SourceCatalog stored) => Election.Sources.Adopting(stored) is not null;

    /// <summary>Applies committed log entries to the live state, in sequence order.</summary>
    public IReadOnlyList<BoxChange> Apply(IEnumerable<LoggedSubmission> committed)
    {
        var changes = new List<BoxChange>();
        foreach (var entry in committed)
        {
            if (_races.TryGetValue(entry.RaceId, out var race) && race.Apply(entry) is { } change) changes.Add(change);
        }
        return changes;
    }
}
