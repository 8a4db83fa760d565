using System.Runtime.CompilerServices;
using Npgsql;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;
using Sandik.Storage.Elections;
using Sandik.Storage.Log;

namespace Sandik.Storage.Postgres;

/// <summary>
/// The production store: a PostgreSQL database reached through a pooled <see cref="NpgsqlDataSource"/>. Appends to
/// one election are serialised by an advisory lock, also across processes; each commits synchronously. Tables are
/// unqualified, so a <c>Search Path</c> in the connection string selects the schema. Thread-safe.
/// </summary>
public sealed class PostgresElectionStore : IElectionStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly DefinitionCache _definitions = new();

    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=sandik;Username=sandik</c>.</param>
    public PostgresElectionStore(string connectionString) => _dataSource = NpgsqlDataSource.Create(WithDefaults(connectionString));

    /// <summary>
    /// The store's own defaults, each unless the connection string decides: statements it repeats thousands of times
    /// a night (the append's lock, lookups and sequences) are prepared on each connection once used a few times
    /// (<c>Max Auto Prepare=0</c> turns it off, e.g. behind a pooler that cannot keep prepared statements); and a
    /// connection going back to the pool is not reset (<c>No Reset On Close</c>), since the store leaves no session
    /// state behind — its locks and settings last one transaction — and the reset would cost every append five more
    /// statements.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var used = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) used.MaxAutoPrepare = 32;
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) used.NoResetOnClose = true;
        return used.ConnectionString;
    }

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await PostgresLocks.LockSchemaAsync(connection, transaction, ct);
        await SchemaMigrations.ApplyAsync(connection, transaction, PostgresSchema.Migrations, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task SaveElectionAsync(StoredElection election, CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await PostgresLocks.LockElectionAsync(connection, transaction, election.Election.Id, ct);
        await ElectionRows.ReplaceDefinitionAsync(connection, transaction, election, ct);
        await PostgresGeography.InsertAsync(connection, election, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<bool> SaveSourcesAsync(string electionId, SourceCatalog sources, long? ifRevision = null, CancellationToken ct = default)
    {
        // One row: no election lock, so appends go on meanwhile (each reads the definition's revision as it starts).
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        return await ElectionRows.ReplaceSourcesAsync(connection, electionId, sources, ifRevision, ct);
    }

    public async Task<StoredSources?> LoadSourcesAsync(string electionId, CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        return await ElectionRows.LoadSourcesAsync(connection, electionId, ct);
    }

    public async Task<StoredElection?> LoadElectionAsync(string electionId, CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        return await ElectionRows.LoadAsync(connection, snapshot, electionId, ct);
    }

    public async Task<IReadOnlyList<string>> ListElectionsAsync(CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        return await ElectionRows.ListAsync(connection, ct);
    }

    public Task<IReadOnlyList<AppendResult>> AppendAsync(string electionId, IReadOnlyList<LoggedSubmission> entries, CancellationToken ct = default) =>
        entries.Count == 0
            ? Task.FromResult<IReadOnlyList<AppendResult>>([])
            : PostgresLog.AppendAsync(_dataSource, _definitions, electionId, entries, ct);

    public async IAsyncEnumerable<LoggedSubmission> ReadLogAsync(StoredElection election, long afterSequence = 0,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await foreach (var entry in LogQueries.StreamAsync(connection, election, afterSequence, PostgresLog.ReceivedAt, ct))
            yield return entry;
    }

    public async IAsyncEnumerable<LoggedSubmission> ReadCountedLogAsync(StoredElection election, long afterSequence = 0,
        long throughSequence = long.MaxValue, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await foreach (var entry in LogQueries.StreamCountedAsync(connection, election, afterSequence, throughSequence, PostgresLog.ReceivedAt, ct))
            yield return entry;
    }

    public async IAsyncEnumerable<LoggedSubmission> ReadBoxLogAsync(StoredElection election, string boxCode,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await foreach (var entry in LogQueries.StreamBoxAsync(connection, election, boxCode, PostgresLog.ReceivedAt, ct))
            yield return entry;
    }

    public async Task<long> CountLogAsync(string electionId, CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        return await LogQueries.CountAsync(connection, electionId, ct);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
