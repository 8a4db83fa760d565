using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Sandik.Domain.Submissions;
using Sandik.Storage.Log;

namespace Sandik.Storage.Postgres;

/// <summary>
/// Appends to the log: one transaction per call holding the election's advisory lock; retries are found with one
/// query, sequences reserved with one query, and the new rows streamed in with binary COPY.
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
        await PostgresLocks.LockElectionAsync(connection, transaction, electionId, ct);
        var election = await definitions.GetAsync(connection, transaction, electionId, ct);
        var plan = new AppendPlan(entries);
        await FindLoggedAsync(connection, transaction, election, plan, ct);
        var toInsert = plan.ToInsert();
        if (toInsert.Count > 0)
        {
            var sequences = await ReserveAsync(connection, transaction, toInsert.Count, ct);
            await CopyAsync(connection, election, plan, toInsert, sequences, ct);
        }
        await transaction.CommitAsync(ct);
        return plan.Results();
    }

    private static async Task FindLoggedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ElectionCodec election, AppendPlan plan, CancellationToken ct)
    {
        if (plan.Keys.Count == 0) return;
        // One index probe per key. The LATERAL ... LIMIT 1 keeps the planner from turning this into a hash or merge
        // join over the election's whole log, which it did with stale statistics while the log was growing fast.
        await using var find = new NpgsqlCommand($"""
            SELECT s.* FROM unnest(@sources, @clients) AS k (k_source, k_client)
            CROSS JOIN LATERAL (
                SELECT {LogRows.Columns} FROM submissions
                WHERE election_id = @id AND source_id = k.k_source AND client_submission_id = k.k_client LIMIT 1) AS s
            """, connection, transaction);
        find.Parameters.AddWithValue("id", election.Election.Id);
        find.Parameters.AddWithValue("sources", plan.Keys.Select(k => k.Source).ToArray());
        find.Parameters.AddWithValue("clients", plan.Keys.Select(k => k.Client).ToArray());
        await using var row = await find.ExecuteReaderAsync(ct);
        while (await row.ReadAsync(ct)) plan.AlreadyLogged(LogRows.Read(row, election, ReceivedAt));
    }

    /// <summary>
    /// Takes <paramref name="count"/> values from the sequence. Other elections' appends may interleave theirs, but
    /// this election's lock makes its own values increase in commit order.
    /// </summary>
    private static async Task<long[]> ReserveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int count, CancellationToken ct)
    {
        await using var reserve = new NpgsqlCommand(
            "SELECT nextval('submissions_sequence_seq') FROM generate_series(1, @count)", connection, transaction);
        reserve.Parameters.AddWithValue("count", count);
        var sequences = new long[count];
        var i = 0;
        await using (var row = await reserve.ExecuteReaderAsync(ct))
        {
            while (await row.ReadAsync(ct)) sequences[i++] = row.GetInt64(0);
        }
        Array.Sort(sequences);
        return sequences;
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
