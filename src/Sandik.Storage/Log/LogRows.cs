using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sandik.Domain.Submissions;

namespace Sandik.Storage.Log;

/// <summary>Turns rows of the submissions table, selected with <see cref="Columns"/>, back into log entries.</summary>
internal static class LogRows
{
    /// <summary>
    /// The columns of <see cref="ReadCounted"/>: what the live state keeps of an accepted entry. A missing count is
    /// selected as −1 (counts are never negative), so that a row costs one call to the database per count instead of two.
    /// </summary>
    public const string CountedColumns =
        "sequence, received_at, source_id, reporter, race_id, box_code, evidence, coalesce(registered, -1) AS registered, " +
        "coalesce(voted, -1) AS voted, coalesce(valid, -1) AS valid, coalesce(invalid, -1) AS invalid, votes";

    /// <summary>The columns every other log query selects, in the order <see cref="Read"/> expects: the counted ones first.</summary>
    public const string Columns = CountedColumns + ", client_submission_id, errors, rejected_payload";

    /// <summary>A whole entry, selected with <see cref="Columns"/>.</summary>
    /// <param name="receivedAt">Reads the time column, whose type depends on the database.</param>
    public static LoggedSubmission Read(DbDataReader row, ElectionCodec election, Func<DbDataReader, int, DateTimeOffset> receivedAt) =>
        Read(row, election, receivedAt, whole: true);

    /// <summary>An accepted entry selected with <see cref="CountedColumns"/>: without its client submission id.</summary>
    public static LoggedSubmission ReadCounted(DbDataReader row, ElectionCodec election, Func<DbDataReader, int, DateTimeOffset> receivedAt) =>
        Read(row, election, receivedAt, whole: false);

    private static LoggedSubmission Read(DbDataReader row, ElectionCodec election, Func<DbDataReader, int, DateTimeOffset> receivedAt, bool whole)
    {
        // Columns are read in select order, which a streaming reader may require.
        var sequence = row.GetInt64(0);
        var time = receivedAt(row, 1);
        var sourceId = row.GetString(2);
        var reporter = NullableString(row, 3);
        var raceId = row.GetString(4);
        var boxCode = row.GetString(5);
        var evidence = NullableString(row, 6);
        var registered = Count(row, 7);
        var voted = Count(row, 8);
        var valid = Count(row, 9);
        var invalid = Count(row, 10);
        var tally = valid is { } v && !row.IsDBNull(11)
            ? new Tally(registered, voted, v, invalid, Votes(row, 11, election.RaceToRead(raceId, sequence), sequence))
            : null;
        if (!whole) return new LoggedSubmission(sequence, time, sourceId, reporter, raceId, boxCode, null, evidence, tally, [], null);
        var clientId = NullableString(row, 12);
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

    /// <summary>A count selected as −1 when missing.</summary>
    private static int? Count(DbDataReader row, int ordinal) => row.GetInt32(ordinal) is var count and >= 0 ? count : null;
}
