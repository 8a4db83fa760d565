using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;
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

    /// <summary>
    /// One IMMEDIATE transaction for the whole call: one commit, one fsync, however many entries. Retries are found
    /// in the election's <see cref="LoggedClientIds"/>, brought up to date inside the transaction, and confirmed by
    /// reading the row; the pairs this call logs join the set only once the transaction has committed.
    /// </summary>
    public static async Task<IReadOnlyList<AppendResult>> AppendAsync(
        SqliteConnection connection, DefinitionCache definitions, string electionId, IReadOnlyList<LoggedSubmission> entries, CancellationToken ct)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var election = await definitions.GetAsync(connection, transaction, electionId, ct);
        var logged = definitions.ClientIdsOf(electionId);
        var last = LastSequence(connection, transaction);
        if (last > logged.KnownThrough) CatchUp(connection, electionId, logged, last);
        var plan = new AppendPlan(entries);
        FindLogged(connection, transaction, election, plan, logged);
        var inserted = Insert(connection, transaction, election, plan, last);
        transaction.Commit();
        foreach (var entry in inserted)
        {
            if (entry.ClientSubmissionId is { } client) logged.Add(entry.SourceId, client, entry.Sequence);
        }
        logged.Through(last + inserted.Count);
        return plan.Results();
    }

    /// <summary>Brings the election's client-id set up to date in a read transaction; returns how many pairs it holds.</summary>
    public static int Prepare(SqliteConnection connection, string electionId, DefinitionCache definitions)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var logged = definitions.ClientIdsOf(electionId);
        var last = LastSequence(connection, transaction);
        if (last > logged.KnownThrough) CatchUp(connection, electionId, logged, last);
        transaction.Commit();
        return logged.Count;
    }

    private static long LastSequence(SqliteConnection connection, SqliteTransaction transaction)
    {
        var last = WriterCommands.Of(connection).LastSequence;
        last.Transaction = transaction;
        return (long)last.ExecuteScalar()!;
    }

    /// <summary>Adds the pairs logged since the set was last complete: by another process, or all of them the first time.</summary>
    /// <remarks>
    /// The first time at start-up this reads every row of the log, inside the transaction the caller holds on this
    /// connection. It goes to SQLite directly, hashing the ids from the UTF-8 SQLite holds: through ADO.NET each row cost
    /// two strings and a dozen calls into SQLite, and the scan ran beside the rebuild of the live count on the same cores.
    /// </remarks>
    private static void CatchUp(SqliteConnection connection, string electionId, LoggedClientIds logged, long last)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db,
            "SELECT sequence, source_id, client_submission_id FROM submissions " +
            "WHERE election_id = ?1 AND sequence > ?2 AND client_submission_id IS NOT NULL", out var scan));
        using (scan)
        {
            Check(db, raw.sqlite3_bind_text(scan, 1, electionId));
            Check(db, raw.sqlite3_bind_int64(scan, 2, logged.KnownThrough));
            int step;
            while ((step = raw.sqlite3_step(scan)) == raw.SQLITE_ROW)
                logged.Add(raw.sqlite3_column_blob(scan, 1), raw.sqlite3_column_blob(scan, 2), raw.sqlite3_column_int64(scan, 0));
            if (step != raw.SQLITE_DONE) Check(db, step);
        }
        logged.Through(last);
    }

    private static void Check(sqlite3 db, int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) SqliteException.ThrowExceptionForRC(result, db);
    }

    private static void FindLogged(SqliteConnection connection, SqliteTransaction transaction, ElectionCodec election, AppendPlan plan, LoggedClientIds logged)
    {
        SqliteCommand? read = null;
        try
        {
            foreach (var (source, client) in plan.Keys)
            {
                if (logged.Find(source, client, out var exact) is not { } sequence) continue;
                read ??= SqliteCommands.Prepare(connection, transaction,
                    $"SELECT {LogRows.Columns} FROM submissions WHERE sequence = $v1 AND election_id = $e", election.Election.Id, 1);
                read.Parameters[1].Value = sequence;
                using var row = read.ExecuteReader();
                var original = row.Read() ? LogRows.Read(row, election, ReceivedAt) : null;
                if (original is not null && original.SourceId == source && original.ClientSubmissionId == client) plan.AlreadyLogged(original);
                else if (exact)
                    throw new InvalidOperationException($"Log entry {sequence} should hold client submission id '{client}' of '{source}', but does not.");
                // Otherwise another pair with the same hash: this one is not logged.
            }
        }
        finally
        {
            read?.Dispose();
        }
    }

    /// <returns>The inserted entries as logged, numbered on from <paramref name="last"/>.</returns>
    private static List<LoggedSubmission> Insert(SqliteConnection connection, SqliteTransaction transaction, ElectionCodec election, AppendPlan plan, long last)
    {
        var toInsert = plan.ToInsert();
        var inserted = new List<LoggedSubmission>(toInsert.Count);
        if (toInsert.Count == 0) return inserted;
        var sequence = last;
        var json = new LogJson();
        var insert = WriterCommands.Of(connection).Insert;
        insert.Transaction = transaction;
        var p = insert.Parameters;
        p[0].Value = election.Election.Id;
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
            inserted.Add(entry);
        }
        return inserted;
    }

    /// <summary>
    /// The writer connection's insert and last-sequence statements, prepared once and kept with the connection (which
    /// finalizes them when it closes): preparing a 17-column insert at every commit, with a parameter object each,
    /// cost more than binding the commit's rows.
    /// </summary>
    private sealed class WriterCommands
    {
        private static readonly ConditionalWeakTable<SqliteConnection, WriterCommands> ByConnection = [];

        private WriterCommands(SqliteConnection connection)
        {
            Insert = SqliteCommands.Create(connection, InsertSql, 16);
            LastSequence = connection.CreateCommand();
            LastSequence.CommandText = "SELECT coalesce(max(sequence), 0) FROM submissions";
        }

        public SqliteCommand Insert { get; }

        public SqliteCommand LastSequence { get; }

        public static WriterCommands Of(SqliteConnection connection) => ByConnection.GetValue(connection, static c => new WriterCommands(c));
    }
}
