using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sandik.Domain.Submissions;

namespace Sandik.Storage.Log;

/// <summary>Turns rows of the submissions table, selected with <see cref="Columns"/>, back into log entries.</summary>
internal static class LogRows
{
    /// <summary>The columns every log query selects, in the order <see cref="Read"/> expects.</summary>
    public const string Columns =
        "sequence, received_at, source_id, reporter, race_id, box_code, client_submission_id, evidence, " +
        "registered, voted, valid, invalid, votes, errors, rejected_payload";

    /// <param name="receivedAt">Reads the time column, whose type depends on the database.</param>
    public static LoggedSubmission Read(DbDataReader row, ElectionCodec election, Func<DbDataReader, int, DateTimeOffset> receivedAt)
    {
        // Columns are read in select order, which a streaming reader may require.
        var sequence = row.GetInt64(0);
        var time = receivedAt(row, 1);
        var sourceId = row.GetString(2);
        var reporter = NullableString(row, 3);
        var raceId = row.GetString(4);
        var boxCode = row.GetString(5);
        var clientId = NullableString(row, 6);
        var evidence = NullableString(row, 7);
        var registered = NullableInt(row, 8);
        var voted = NullableInt(row, 9);
        var valid = NullableInt(row, 10);
        var invalid = NullableInt(row, 11);
        var tally = valid is { } v && !row.IsDBNull(12)
            ? new Tally(registered, voted, v, invalid, Votes(row, 12, election.RaceToRead(raceId, sequence), sequence))
            : null;
        var errors = LogJson.ReadErrors(NullableString(row, 13), sequence);
        return new LoggedSubmission(sequence, time, sourceId, reporter, raceId, boxCode, clientId, evidence, tally, errors, NullableString(row, 14));
    }

    /// <summary>
    /// SQLite hands the votes over as the UTF-8 it stores: no string to decode and then encode again for the JSON
    /// reader, which was the largest allocation of a rebuild.
    /// </summary>
    private static int[] Votes(DbDataReader row, int ordinal, RaceCodec race, long sequence) =>
        row is SqliteDataReader ? race.ReadVotes(row.GetFieldValue<byte[]>(ordinal), sequence) : race.ReadVotes(row.GetString(ordinal), sequence);

    private static string? NullableString(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static int? NullableInt(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetInt32(ordinal);
}
