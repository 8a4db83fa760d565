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
    /// The columns of <see cref="ReadCounted"/>: what the live state keeps of an accepted entry. A missing count is
    /// selected as −1 (counts are never negative), so that a row costs one call to the database per column instead of two.
    /// </summary>
    public const string CountedColumns =
        "sequence, received_at, source_id, reporter, race_id, box_code, evidence, " +
        "coalesce(registered, -1), coalesce(voted, -1), valid, coalesce(invalid, -1), votes";

    /// <summary>An accepted entry selected with <see cref="CountedColumns"/>: its client submission id is not read.</summary>
    public static LoggedSubmission ReadCounted(DbDataReader row, ElectionCodec election, Func<DbDataReader, int, DateTimeOffset> receivedAt)
    {
        var sequence = row.GetInt64(0);
        var time = receivedAt(row, 1);
        var sourceId = row.GetString(2);
        var reporter = NullableString(row, 3);
        var raceId = row.GetString(4);
        var boxCode = row.GetString(5);
        var evidence = NullableString(row, 6);
        var registered = CountOrNull(row.GetInt32(7));
        var voted = CountOrNull(row.GetInt32(8));
        var valid = row.GetInt32(9);
        var invalid = CountOrNull(row.GetInt32(10));
        var tally = new Tally(registered, voted, valid, invalid, Votes(row, 11, election.RaceToRead(raceId, sequence), sequence));
        return new LoggedSubmission(sequence, time, sourceId, reporter, raceId, boxCode, null, evidence, tally, [], null);

        static int? CountOrNull(int value) => value < 0 ? null : value;
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
