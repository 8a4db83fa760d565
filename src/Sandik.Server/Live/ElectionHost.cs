using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandik.Domain.Reconciliation;
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
    private StoredElection? _election;
    private Dictionary<string, LiveRace> _races = [];

    public StoredElection Election => _election ?? throw new InvalidOperationException("The election is not loaded yet.");

    public SubmissionValidator Validator { get; private set; } = null!;

    public IReadOnlyCollection<LiveRace> Races => _races.Values;

    public LiveRace DefaultRace => _races[Election.Election.DefaultRace.Id];

    public TimeSpan RebuildTime { get; private set; }

    public long RebuiltEntries { get; private set; }

    public LiveRace? Race(string? raceId) => raceId is null ? DefaultRace : _races.GetValueOrDefault(raceId);

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
        var races = election.Election.Races.ToDictionary(r => r.Id, r => new LiveRace(election.Election, r, election.Geography, election.Sources));
        long entries = 0;
        await foreach (var entry in store.ReadLogAsync(election, 0, ct))
        {
            entries++;
            if (races.TryGetValue(entry.RaceId, out var race)) race.Apply(entry);
        }
        _election = election;
        _races = races;
        Validator = new SubmissionValidator(election.Election, election.Geography, election.Sources);
        RebuildTime = clock.Elapsed;
        RebuiltEntries = entries;
        logger.LogInformation("Loaded {Election}: {Boxes} boxes, {Entries} log entries replayed in {Ms} ms",
            id, election.Geography.Boxes.Count, entries, (long)clock.Elapsed.TotalMilliseconds);
    }

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
