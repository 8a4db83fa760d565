using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;

namespace Sandik.Storage;

/// <summary>
/// Where Sandik keeps elections (definition, sources, geography) and their append-only submission logs.
/// SQLite (embedded default) and PostgreSQL (production) behave the same behind it.
/// Implementations are safe for concurrent use; appends are serialised and each call is one durable commit.
/// </summary>
public interface IElectionStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema. Idempotent.</summary>
    Task InitializeAsync(CancellationToken ct = default);

    /// <summary>Saves an election with its sources and geography, replacing an earlier copy (its log is kept).</summary>
    Task SaveElectionAsync(StoredElection election, CancellationToken ct = default);

    /// <summary>
    /// Replaces an election's source catalogue alone (a new revision), leaving its definition, geography and log as
    /// they are: a change of trust ranks on election night writes one row, not the whole registry.
    /// </summary>
    /// <param name="ifRevision">
    /// Writes only if the election is still at this revision (from <see cref="LoadSourcesAsync"/>): two servers changing
    /// ranks at once cannot overwrite each other's change unseen. Null writes whatever the revision.
    /// </param>
    /// <returns>False when the store holds no such election, or it is no longer at <paramref name="ifRevision"/>.</returns>
    Task<bool> SaveSourcesAsync(string electionId, SourceCatalog sources, long? ifRevision = null, CancellationToken ct = default);

    /// <summary>An election's source catalogue and its revision, read from one row; null when the store holds no such election.</summary>
    Task<StoredSources?> LoadSourcesAsync(string electionId, CancellationToken ct = default);

    Task<StoredElection?> LoadElectionAsync(string electionId, CancellationToken ct = default);

    Task<IReadOnlyList<string>> ListElectionsAsync(CancellationToken ct = default);

    /// <summary>
    /// Appends entries to an election's log in one transaction and returns only once it is durable.
    /// The store assigns sequences in order. An entry whose (source, client submission id) is already logged is
    /// not added again: its result carries the original entry and <see cref="AppendResult.AlreadyLogged"/>.
    /// That holds for a retry of an entry already in the log and for a repeat later in the same call; entries without
    /// a client submission id are never merged. Returned entries are as the log holds them: with their sequence, and
    /// <see cref="LoggedSubmission.ReceivedAt"/> in UTC to the microsecond. If any entry fails, none is logged.
    /// </summary>
    /// <exception cref="InvalidOperationException">The election has not been saved.</exception>
    /// <exception cref="ArgumentException">An entry with a tally names a race the election lacks, or has the wrong number of votes.</exception>
    Task<IReadOnlyList<AppendResult>> AppendAsync(string electionId, IReadOnlyList<LoggedSubmission> entries, CancellationToken ct = default);

    /// <summary>
    /// Reads an election's log in sequence order, from the entry after <paramref name="afterSequence"/>, streaming
    /// (entries are read as the caller advances). Votes are matched to <paramref name="election"/>'s choices by id:
    /// a choice missing from a stored entry reads as 0.
    /// </summary>
    /// <exception cref="InvalidDataException">The log names a race or choice the election does not have.</exception>
    IAsyncEnumerable<LoggedSubmission> ReadLogAsync(StoredElection election, long afterSequence = 0, CancellationToken ct = default);

    /// <summary>
    /// The accepted entries of an election's log, as <see cref="ReadLogAsync"/> would give them but without their
    /// client submission ids: what the live count is rebuilt from. Reading less of every row makes a restart faster.
    /// </summary>
    /// <param name="throughSequence">The last sequence to read: a caller that reads the log in parts bounds each part,
    /// so that the database does not send rows the reader would stop before.</param>
    /// <exception cref="InvalidDataException">The log names a race or choice the election does not have.</exception>
    IAsyncEnumerable<LoggedSubmission> ReadCountedLogAsync(StoredElection election, long afterSequence = 0, long throughSequence = long.MaxValue,
        CancellationToken ct = default);

    /// <summary>
    /// Every log entry (accepted and rejected) naming one ballot box, in sequence order: the box's history, where the
    /// live ledger keeps only each source's latest tally. Scans the log (there is no index by box), so it is meant for
    /// one box at a time, not for loops over boxes.
    /// </summary>
    IAsyncEnumerable<LoggedSubmission> ReadBoxLogAsync(StoredElection election, string boxCode, CancellationToken ct = default);

    /// <summary>
    /// Gets ready to append to an election's log, so that the first append after a start does not pay for it (SQLite
    /// reads the logged client submission ids into memory; PostgreSQL has nothing to do). Optional: appends work without it.
    /// </summary>
    Task PrepareAppendsAsync(string electionId, CancellationToken ct = default) => Task.CompletedTask;

    /// <summary>Number of log entries (accepted and rejected) of an election.</summary>
    Task<long> CountLogAsync(string electionId, CancellationToken ct = default);
}
