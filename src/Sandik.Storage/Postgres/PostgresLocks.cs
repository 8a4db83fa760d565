using System.Text;
using Npgsql;

namespace Sandik.Storage.Postgres;

/// <summary>
/// Transaction-scoped advisory locks. Appends to (and saves of) one election take its lock, so they commit one after
/// another in sequence order even across processes: a reader that follows the log by sequence never sees entry n + 1
/// before entry n is committed.
/// </summary>
internal static class PostgresLocks
{
    private const int Namespace = 0x53_41_4E_44; // "SAND"
    private const int SchemaKey = 0;

    public static Task LockSchemaAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        LockAsync(connection, transaction, SchemaKey, ct);

    public static Task LockElectionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string electionId, CancellationToken ct) =>
        LockAsync(connection, transaction, KeyOf(electionId), ct);

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int key, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Lock(key) } };
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The election's lock as one statement with one result row, to send in a batch with what follows it.</summary>
    public static NpgsqlBatchCommand LockElection(string electionId) => Lock(KeyOf(electionId));

    // The append contract is "durable when it returns": a synchronous commit whatever the server default (set_config
    // with is_local is SET LOCAL).
    private static NpgsqlBatchCommand Lock(int key) => new("SELECT set_config('synchronous_commit', 'on', true), pg_advisory_xact_lock($1, $2)")
    {
        Parameters = { new() { Value = Namespace }, new() { Value = key } },
    };

    /// <summary>FNV-1a of the id: stable across processes and runtimes (string.GetHashCode is not). Never 0.</summary>
    private static int KeyOf(string electionId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(electionId))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return hash == 0 ? 1 : unchecked((int)hash);
    }
}
