using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Sandik.Storage.Log;

/// <summary>Reads the log (the same SQL on both databases).</summary>
internal static class LogQueries
{
    /// <summary>Streams an election's log in sequence order; rows are mapped one at a time as the reader advances.</summary>
    public static async IAsyncEnumerable<Sandik.Domain.Submissions.LoggedSubmission> StreamAsync(
        DbConnection connection, StoredElection election, long afterSequence,
        Func<DbDataReader, int, DateTimeOffset> receivedAt, [EnumeratorCancellation] CancellationToken ct)
    {
        var codec = new ElectionCodec(election.Election);
        await using var command = connection.Command(
            $"SELECT {LogRows.Columns} FROM submissions WHERE election_id = @id AND sequence > @after ORDER BY sequence")
            .With("@id", election.Election.Id).With("@after", afterSequence);
        await using var row = await command.ExecuteReaderAsync(ct);
        while (await row.ReadAsync(ct)) yield return LogRows.Read(row, codec, receivedAt);
    }

    /// <summary>Streams an election's accepted entries in sequence order, as <see cref="LogRows.ReadCounted"/> reads them.</summary>
    public static async IAsyncEnumerable<Sandik.Domain.Submissions.LoggedSubmission> StreamCountedAsync(
        DbConnection connection, StoredElection election, long afterSequence,
        Func<DbDataReader, int, DateTimeOffset> receivedAt, [EnumeratorCancellation] CancellationToken ct)
    {
        var codec = new ElectionCodec(election.Election);
        await using var command = connection.Command(
            $"SELECT {LogRows.CountedColumns} FROM submissions WHERE election_id = @id AND sequence > @after AND accepted ORDER BY sequence")
            .With("@id", election.Election.Id).With("@after", afterSequence);
        await using var row = await command.ExecuteReaderAsync(ct);
        while (await row.ReadAsync(ct)) yield return LogRows.ReadCounted(row, codec, receivedAt);
    }

    /// <summary>Streams the log entries of one box in sequence order.</summary>
    public static async IAsyncEnumerable<Sandik.Domain.Submissions.LoggedSubmission> StreamBoxAsync(
        DbConnection connection, StoredElection election, string boxCode,
        Func<DbDataReader, int, DateTimeOffset> receivedAt, [EnumeratorCancellation] CancellationToken ct)
    {
        var codec = new ElectionCodec(election.Election);
        await using var command = connection.Command(
            $"SELECT {LogRows.Columns} FROM submissions WHERE election_id = @id AND box_code = @box ORDER BY sequence")
            .With("@id", election.Election.Id).With("@box", boxCode);
        await using var row = await command.ExecuteReaderAsync(ct);
        while (await row.ReadAsync(ct)) yield return LogRows.Read(row, codec, receivedAt);
    }

    public static async Task<long> CountAsync(DbConnection connection, string electionId, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT count(*) FROM submissions WHERE election_id = @id").With("@id", electionId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
