using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;
using Sandik.Storage.Elections;
using Sandik.Storage.Log;

namespace Sandik.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. All writes go through a single writer connection guarded by a
/// lock (SQLite admits one writer at a time anyway); reads open their own pooled connections and, thanks to WAL,
/// never wait for the writer. Thread-safe.
/// </summary>
public sealed class SqliteElectionStore : IElectionStore
{
    private const int BusyTimeoutMilliseconds = 10_000;

    private readonly string _connectionString;
    private readonly string? _folder;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly DefinitionCache _definitions = new();
    private SqliteConnection? _writer;

    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file, e.g. <c>Data Source=sandik.db</c>.</param>
    public SqliteElectionStore(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new ArgumentException("A SQLite connection string needs a Data Source (the database file).", nameof(connectionString));
        _connectionString = builder.ToString();
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:")
            _folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
    }

    public Task InitializeAsync(CancellationToken ct = default) =>
        WriteAsync(async writer =>
        {
            using var transaction = writer.BeginTransaction(deferred: false);
            await SchemaMigrations.ApplyAsync(writer, transaction, SqliteSchema.Migrations, ct);
            transaction.Commit();
            return true;
        }, ct);

    public Task SaveElectionAsync(StoredElection election, CancellationToken ct = default) =>
        WriteAsync(async writer =>
        {
            using var transaction = writer.BeginTransaction(deferred: false);
            await ElectionRows.ReplaceDefinitionAsync(writer, transaction, election, ct);
            SqliteGeography.Insert(writer, transaction, election);
            transaction.Commit();
            return true;
        }, ct);

    public Task<bool> SaveSourcesAsync(string electionId, SourceCatalog sources, long? ifRevision = null, CancellationToken ct = default) =>
        WriteAsync(writer => ElectionRows.ReplaceSourcesAsync(writer, electionId, sources, ifRevision, ct), ct);

    public async Task<StoredSources?> LoadSourcesAsync(string electionId, CancellationToken ct = default)
    {
        await using var connection = OpenReader();
        return await ElectionRows.LoadSourcesAsync(connection, electionId, ct);
    }

    public async Task<StoredElection?> LoadElectionAsync(string electionId, CancellationToken ct = default)
    {
        await using var connection = OpenReader();
        using var snapshot = connection.BeginTransaction(deferred: true);
        return await ElectionRows.LoadAsync(connection, snapshot, electionId, ct);
    }

    public async Task<IReadOnlyList<string>> ListElectionsAsync(CancellationToken ct = default)
    {
        await using var connection = OpenReader();
        return await ElectionRows.ListAsync(connection, ct);
    }

    public Task<IReadOnlyList<AppendResult>> AppendAsync(string electionId, IReadOnlyList<LoggedSubmission> entries, CancellationToken ct = default) =>
        entries.Count == 0
            ? Task.FromResult<IReadOnlyList<AppendResult>>([])
            : WriteAsync(writer => SqliteLog.AppendAsync(writer, _definitions, electionId, entries, ct), ct);

    public Task PrepareAppendsAsync(string electionId, CancellationToken ct = default) =>
        WriteAsync(writer => Task.FromResult(SqliteLog.Prepare(writer, electionId, _definitions)), ct);

    public async IAsyncEnumerable<LoggedSubmission> ReadLogAsync(StoredElection election, long afterSequence = 0,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = OpenReader();
        await foreach (var entry in LogQueries.StreamAsync(connection, election, afterSequence, SqliteLog.ReceivedAt, ct))
            yield return entry;
    }

    public async IAsyncEnumerable<LoggedSubmission> ReadCountedLogAsync(StoredElection election, long afterSequence = 0,
        long throughSequence = long.MaxValue, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = OpenReader();
        await foreach (var entry in LogQueries.StreamCountedAsync(connection, election, afterSequence, throughSequence, SqliteLog.ReceivedAt, ct))
            yield return entry;
    }

    public async IAsyncEnumerable<LoggedSubmission> ReadBoxLogAsync(StoredElection election, string boxCode,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = OpenReader();
        await foreach (var entry in LogQueries.StreamBoxAsync(connection, election, boxCode, SqliteLog.ReceivedAt, ct))
            yield return entry;
    }

    public async Task<long> CountLogAsync(string electionId, CancellationToken ct = default)
    {
        await using var connection = OpenReader();
        return await LogQueries.CountAsync(connection, electionId, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            if (_writer is not null) await _writer.DisposeAsync();
            _writer = null;
            // Pooled connections would keep the file open after the store is gone.
            using var any = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(any);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            return await write(_writer ??= OpenWriter());
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private SqliteConnection OpenWriter()
    {
        if (_folder is not null) Directory.CreateDirectory(_folder);
        var connection = Open();
        // WAL lets readers run while the writer commits. In WAL mode, synchronous=NORMAL fsyncs only at checkpoints,
        // so a power cut can lose transactions that were already committed; FULL fsyncs the WAL at every commit.
        // An appended submission has been acknowledged to its sender, so it must survive the power cut: FULL.
        // The cost is one fsync per commit, which is why appends are grouped (one transaction per AppendAsync call).
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        return connection;
    }

    private SqliteConnection OpenReader() => Open();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
