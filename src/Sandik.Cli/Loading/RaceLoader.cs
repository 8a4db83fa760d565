using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;
using Sandik.Import;
using Sandik.Storage;

namespace Sandik.Cli.Loading;

/// <summary>Builds the live state of a race from a results file or from the store's log.</summary>
public static class RaceLoader
{
    /// <summary>Reads a per-box results file and counts every box as a submission of one source.</summary>
    public static LiveRace FromFile(CliContext context, string path, string? electionId, string sourceId = ImportSources.Default, string? geographyPath = null)
    {
        var definition = electionId is null ? null : context.Election(electionId);
        var geography = geographyPath is null ? null : context.Geography(geographyPath);
        var results = context.WithProgress($"Reading {Path.GetFileName(path)}", p => ResultFiles.Read(path, definition, context.Turkey, p, geography));
        var sources = context.Turkey.DefaultSources();
        if (sources.IndexOf(sourceId) < 0) throw new CommandLine.UsageException($"There is no source '{sourceId}'.");
        var live = new LiveRace(results.Election, results.Race, results.Geography, sources);
        var sequence = 0L;
        foreach (var entry in ImportSources.Entries(results, sourceId, DateTimeOffset.UnixEpoch))
        {
            live.Apply(entry with { Sequence = ++sequence });
        }
        return live;
    }

    /// <summary>Loads an election from the store and replays its log.</summary>
    public static async Task<LiveRace> FromStoreAsync(IElectionStore store, string? electionId, string? raceId, CancellationToken ct)
    {
        var stored = await FindAsync(store, electionId, ct);
        var race = raceId is null ? stored.Election.DefaultRace
            : stored.Election.FindRace(raceId) ?? throw new CommandLine.UsageException($"Election '{stored.Election.Id}' has no race '{raceId}'.");
        var live = new LiveRace(stored.Election, race, stored.Geography, stored.Sources);
        await foreach (var entry in store.ReadCountedLogAsync(stored, 0, ct: ct))
        {
            live.Apply(entry);
        }
        return live;
    }

    private static async Task<StoredElection> FindAsync(IElectionStore store, string? electionId, CancellationToken ct)
    {
        var id = await ElectionIdAsync(store, electionId, ", or give '--input FILE'", ct);
        return await store.LoadElectionAsync(id, ct) ?? throw new CommandLine.UsageException($"The store holds no election '{id}'.");
    }

    /// <summary>The election named, which the store must hold, or the store's only one.</summary>
    /// <param name="orElse">What else the command could be given when the store holds no election (appended to the message).</param>
    public static async Task<string> ElectionIdAsync(IElectionStore store, string? electionId, string orElse, CancellationToken ct)
    {
        var ids = await store.ListElectionsAsync(ct);
        if (ids.Count == 0) throw new CommandLine.UsageException($"The store holds no election yet: run './sandik import --input FILE' first{orElse}.");
        if (electionId is null && ids.Count > 1)
            throw new CommandLine.UsageException($"The store holds several elections ({string.Join(", ", ids)}): choose one with '--election'.");
        var id = electionId ?? ids[0];
        return ids.Contains(id) ? id : throw new CommandLine.UsageException($"The store holds no election '{id}'. It holds: {string.Join(", ", ids)}.");
    }
}
