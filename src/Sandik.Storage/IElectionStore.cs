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

    Task<StoredElection?> LoadElectionAsync(string electionId, CancellationToken ct = default);

    Task<IReadOnlyList<string>> ListElectionsAsync(CancellationToken ct = default);

    /// <summary>
    /// Appends entries to an election's log in one transaction and returns only once it is durable.
    /// The store assigns sequences in order. An entry whose (source, client submission id) is already logged is
    /// not added again: its result carries the original entry and <see cref="AppendResult.AlreadyLogged"/>.
    /// </summary>
    Task<IReadOnlyList<AppendResult>> AppendAsync(string electionId, IReadOnlyList<LoggedSubmission> entries, CancellationToken ct = default);

    /// <summary>Reads an election's log in sequence order, from the entry after <paramref name="afterSequence"/>.</summary>
    IAsyncEnumerable<LoggedSubmission> ReadLogAsync(StoredElection election, long afterSequence = 0, CancellationToken ct = default);

    /// <summary>Number of log entries (accepted and rejected) of an election.</summary>
    Task<long> CountLogAsync(string electionId, CancellationToken ct = default);
}
