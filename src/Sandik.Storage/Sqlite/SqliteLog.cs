using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sandik.Domain.Submissions;
using Sandik.Storage.Log;

namespace Sandik.Storage.Sqlite;

/// <summary>Appends to the log on the writer connection; the caller holds the write lock.</summary>
internal static class SqliteLog
{
    private const string InsertSql = """
        INSERT INTO submissions (sequence, election_id, race_id, source_id, reporter, box_code, client_submission_id, evidence,
            received_at, accepted, registered, voted, valid, invalid, votes, errors, rejected_payload)
        VALUES ($v1, $e, $v2, $v3, $v4, $v5, $v6, $v7, $v8, $v9, $v10, $v11, $v12, $v13, $v14, $v15, $v16)
        """;

    public static readonly Func<DbDataReader, int, DateTimeOffset> ReceivedAt =
        static (row, ordinal) => StoredTime.FromUnixMicroseconds(row.GetInt64(ordinal));

    /// <summary>One IMMEDIATE transaction for the whole call: one commit, one fsync, however many entries.</summary>
    public static async Task<IReadOnlyList<AppendResult>> AppendAsync(
        SqliteConnection connection, DefinitionCache definitions, string electionId, IReadOnlyList<LoggedSubmission> entries, CancellationToken ct)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var election = await definitions.GetAsync(connection, transaction, electionId, ct);
        var plan = new AppendPlan(entries);
        FindLogged(connection, transaction, election, plan);
        Insert(connection, transaction, election, plan);
        transaction.Commit();
        return plan.Results();
    }

    private static void FindLogged(SqliteConnection connection, SqliteTransaction transaction, ElectionCodec election, AppendPlan plan)
    {
        if (plan.Keys.Count == 0) return;
        using var find = SqliteCommands.Prepare(connection, transaction,
            $"SELECT {LogRows.Columns} FROM submissions WHERE election_id = $e AND source_id = $v1 AND client_submission_id = $v2",
            election.Election.Id, 2);
        foreach (var (source, client) in plan.Keys)
        {
            find.Parameters[1].Value = source;
            find.Parameters[2].Value = client;
            using var row = find.ExecuteReader();
            if (row.Read()) plan.AlreadyLogged(LogRows.Read(row, election, ReceivedAt));
        }
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, ElectionCodec election, AppendPlan plan)
    {
        var toInsert = plan.ToInsert();
        if (toInsert.Count == 0) return;
        long sequence;
        using (var last = connection.CreateCommand())
        {
            last.Transaction = transaction;
            last.CommandText = "SELECT coalesce(max(sequence), 0) FROM submissions";
            sequence = (long)last.ExecuteScalar()!;
        }

        var json = new LogJson();
        using var insert = SqliteCommands.Prepare(connection, transaction, InsertSql, election.Election.Id, 16);
        var p = insert.Parameters;
        foreach (var index in toInsert)
        {
            var entry = plan.Inserted(index, ++sequence);
            var tally = entry.Tally;
            p[1].Value = sequence;
            p[2].Value = entry.RaceId;
            p[3].Value = entry.SourceId;
            p[4].Value = (object?)entry.Reporter ?? DBNull.Value;
            p[5].Value = entry.BoxCode;
            p[6].Value = (object?)entry.ClientSubmissionId ?? DBNull.Value;
            p[7].Value = (object?)entry.Evidence ?? DBNull.Value;
            p[8].Value = StoredTime.ToUnixMicroseconds(entry.ReceivedAt);
            p[9].Value = entry.Accepted;
            p[10].Value = (object?)tally?.Registered ?? DBNull.Value;
            p[11].Value = (object?)tally?.Voted ?? DBNull.Value;
            p[12].Value = (object?)tally?.Valid ?? DBNull.Value;
            p[13].Value = (object?)tally?.Invalid ?? DBNull.Value;
            p[14].Value = (object?)json.Votes(election, entry) ?? DBNull.Value;
            p[15].Value = (object?)json.Errors(entry.Errors) ?? DBNull.Value;
            p[16].Value = (object?)entry.RejectedPayload ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }
}
