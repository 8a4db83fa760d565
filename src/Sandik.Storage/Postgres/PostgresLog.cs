using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Sandik.Domain.Submissions;
using Sandik.Storage.Log;

namespace Sandik.Storage.Postgres;

/// <summary>
/// Appends to the log: one transaction per call holding the election's advisory lock; the lock, the retries already
/// logged and the sequences are one round trip, and the new rows are streamed in with binary COPY.
/// </summary>
internal static class PostgresLog
{
    private const string CopySql = """
        COPY submissions (sequence, election_id, race_id, source_id, reporter, box_code, client_submission_id, evidence,
            received_at, accepted, registered, voted, valid, invalid, votes, errors, rejected_payload) FROM STDIN (FORMAT BINARY)
        """;

    public static readonly Func<DbDataReader, int, DateTimeOffset> ReceivedAt =
        static (row, ordinal) => row.GetFieldValue<DateTimeOffset>(ordinal);

    public static async Task<IReadOnlyList<AppendResult>> AppendAsync(
        NpgsqlDataSource dataSource, DefinitionCache definitions, string electionId, IReadOnlyList<LoggedSubmission> entries, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var plan = new AppendPlan(entries);
        var (election, sequences) = await PrepareAsync(connection, transaction, definitions, electionId, plan, ct);
        var toInsert = plan.ToInsert();
        if (toInsert.Count > 0) await CopyAsync(connection, election, plan, toInsert, sequences, ct);
        await transaction.CommitAsync(ct);
        return plan.Results();
    }

    /// <summary>
    /// One round trip for everything before the insert, in this order inside the transaction: the election's lock;
    /// its revision, with the definition only when this process has not parsed that revision; the retries already in
    /// the log; and a sequence value for every entry that may be new. Values reserved for entries that turn out to be
    /// retries are left unused (gaps, as a rolled-back append also leaves). Other elections' appends may interleave
    /// their values, but this election's lock makes its own increase in commit order.
    /// </summary>
    private static async Task<(ElectionCodec Election, long[] Sequences)> PrepareAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        DefinitionCache definitions, string electionId, AppendPlan plan, CancellationToken ct)
    {
        var candidates = plan.ToInsert().Count;
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                PostgresLocks.LockElection(electionId),
                new("SELECT revision, CASE WHEN revision = $2 THEN NULL ELSE definition END FROM elections WHERE id = $1")
                {
                    Parameters = { new() { Value = electionId }, new() { Value = definitions.KnownRevision(electionId) } },
                },
            },
        };
        if (plan.Keys.Count > 0)
        {
            // One index probe per key. The LATERAL ... LIMIT 1 keeps the planner from turning this into a hash or merge
            // join over the election's whole log, which it did with stale statistics while the log was growing fast.
            batch.BatchCommands.Add(new($"""
                SELECT s.* FROM unnest($2::text[], $3::text[]) AS k (k_source, k_client)
                CROSS JOIN LATERAL (
                    SELECT {LogRows.Columns} FROM submissions
                    WHERE election_id = $1 AND source_id = k.k_source AND client_submission_id = k.k_client LIMIT 1) AS s
                """)
            {
                Parameters =
                {
                    new() { Value = electionId },
                    new() { Value = plan.Keys.Select(k => k.Source).ToArray() },
                    new() { Value = plan.Keys.Select(k => k.Client).ToArray() },
                },
            });
        }
        batch.BatchCommands.Add(new("SELECT nextval('submissions_sequence_seq') FROM generate_series(1, $1)") { Parameters = { new() { Value = candidates } } });

        await using var row = await batch.ExecuteReaderAsync(ct);
        await row.NextResultAsync(ct); // past the lock
        if (!await row.ReadAsync(ct))
            throw new InvalidOperationException($"Election '{electionId}' is not saved in this store; save it before appending to its log.");
        var election = definitions.Resolve(electionId, row.GetInt64(0), row.IsDBNull(1) ? null : row.GetString(1));
        if (plan.Keys.Count > 0)
        {
            await row.NextResultAsync(ct);
            while (await row.ReadAsync(ct)) plan.AlreadyLogged(LogRows.Read(row, election, ReceivedAt));
        }
        await row.NextResultAsync(ct);
        var sequences = new long[candidates];
        var i = 0;
        while (await row.ReadAsync(ct)) sequences[i++] = row.GetInt64(0);
        Array.Sort(sequences);
        return (election, sequences);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, ElectionCodec election, AppendPlan plan,
        List<int> toInsert, long[] sequences, CancellationToken ct)
    {
        var json = new LogJson();
        var electionId = election.Election.Id;
        await using var copy = await connection.BeginBinaryImportAsync(CopySql, ct);
        for (var i = 0; i < toInsert.Count; i++)
        {
            var entry = plan.Inserted(toInsert[i], sequences[i]);
            var tally = entry.Tally;
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(entry.Sequence, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(electionId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(entry.RaceId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(entry.SourceId, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, entry.Reporter, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(entry.BoxCode, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, entry.ClientSubmissionId, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, entry.Evidence, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(entry.ReceivedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(entry.Accepted, NpgsqlDbType.Boolean, ct);
            await WriteAsync(copy, tally?.Registered, ct);
            await WriteAsync(copy, tally?.Voted, ct);
            await WriteAsync(copy, tally?.Valid, ct);
            await WriteAsync(copy, tally?.Invalid, ct);
            await WriteAsync(copy, json.Votes(election, entry), NpgsqlDbType.Json, ct);
            await WriteAsync(copy, json.Errors(entry.Errors), NpgsqlDbType.Json, ct);
            await WriteAsync(copy, entry.RejectedPayload, NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private static Task WriteAsync(NpgsqlBinaryImporter copy, int? value, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Integer, ct) : copy.WriteNullAsync(ct);
}
