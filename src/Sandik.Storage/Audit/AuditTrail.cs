using System.Data.Common;
using Sandik.Storage.Identity;

namespace Sandik.Storage.Audit;

/// <summary>
/// The append-only record of manual actions, in the store's database. This class can only append and read. The
/// database refuses changes too: triggers abort any UPDATE or DELETE on SQLite, and any UPDATE, DELETE or TRUNCATE on
/// PostgreSQL, whoever sends it. Thread-safe: every call opens its own pooled connection.
/// </summary>
public sealed class AuditTrail(string connectionString)
{
    public const string RefusalMessage = "the audit trail is append-only";

    private const string Written = "at, actor_id, actor_name, action, target, before_state, after_state, reason";
    private const string Columns = "sequence, " + Written;

    private static readonly string[] SqliteSchema =
    [
        """
        CREATE TABLE IF NOT EXISTS audit_trail (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT, at BIGINT NOT NULL, actor_id TEXT NOT NULL, actor_name TEXT NOT NULL,
            action TEXT NOT NULL, target TEXT NOT NULL, before_state TEXT NULL, after_state TEXT NULL, reason TEXT NULL)
        """,
        $"CREATE TRIGGER IF NOT EXISTS audit_trail_no_update BEFORE UPDATE ON audit_trail BEGIN SELECT RAISE(ABORT, '{RefusalMessage}'); END",
        $"CREATE TRIGGER IF NOT EXISTS audit_trail_no_delete BEFORE DELETE ON audit_trail BEGIN SELECT RAISE(ABORT, '{RefusalMessage}'); END",
    ];

    private static readonly string[] PostgresSchema =
    [
        """
        CREATE TABLE IF NOT EXISTS audit_trail (
            sequence bigserial PRIMARY KEY, at bigint NOT NULL, actor_id text NOT NULL, actor_name text NOT NULL,
            action text NOT NULL, target text NOT NULL, before_state text NULL, after_state text NULL, reason text NULL)
        """,
        $"""
        CREATE OR REPLACE FUNCTION audit_trail_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{RefusalMessage}'; END $$
        """,
        "CREATE OR REPLACE TRIGGER audit_trail_no_change BEFORE UPDATE OR DELETE ON audit_trail FOR EACH ROW EXECUTE FUNCTION audit_trail_refuse()",
        "CREATE OR REPLACE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_refuse()",
    ];

    private readonly AccessDatabase _database = new(connectionString);

    public Task InitializeAsync(CancellationToken ct = default) => _database.CreateAsync(_database.IsPostgres ? PostgresSchema : SqliteSchema, ct);

    /// <summary>Appends an entry durably and returns it with its sequence.</summary>
    public async Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command($"INSERT INTO audit_trail ({Written}) VALUES (@at, @actorId, @actorName, @action, @target, @before, @after, @reason) RETURNING sequence")
            .With("@at", entry.At.ToUnixTimeMilliseconds()).With("@actorId", entry.ActorId).With("@actorName", entry.ActorName)
            .With("@action", entry.Action).With("@target", entry.Target).With("@before", entry.Before).With("@after", entry.After)
            .With("@reason", entry.Reason);
        var sequence = Convert.ToInt64(await command.ExecuteScalarAsync(ct));
        return entry with { Sequence = sequence };
    }

    /// <summary>Entries newest first, before a sequence (for paging back) when given.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int limit, long? before = null, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command($"SELECT {Columns} FROM audit_trail WHERE sequence < @before ORDER BY sequence DESC LIMIT @limit")
            .With("@before", before ?? long.MaxValue).With("@limit", Math.Clamp(limit, 1, 1_000));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(ct)) entries.Add(Read(reader));
        return entries;
    }

    private static AuditEntry Read(DbDataReader r) => new(r.GetInt64(0), AccessDatabase.Time(r, 1)!.Value, r.GetString(2), r.GetString(3),
        r.GetString(4), r.GetString(5), AccessDatabase.Text(r, 6), AccessDatabase.Text(r, 7), AccessDatabase.Text(r, 8));
}
