using System.Data.Common;
using System.Runtime.CompilerServices;
using Sandik.Domain.Submissions;

namespace Sandik.Storage.Log;

/// <summary>Reads the log (the same SQL on both databases).</summary>
internal static class LogQueries
{
    /// <summary>Streams an election's log in sequence order; rows are mapped one at a time as the reader advances.</summary>
    public static IAsyncEnumerable<LoggedSubmission> StreamAsync(DbConnection connection, StoredElection election, long afterSequence,
        Func<DbDataReader, int, DateTimeOffset> receivedAt, CancellationToken ct) =>
        RowsAsync(connection, election, $"SELECT {LogRows.Columns} FROM submissions WHERE election_id = @id AND sequence > @after ORDER BY sequence",
            LogRows.Read, receivedAt, ct, ("@after", afterSequence));

    /// <summary>Streams an election's accepted entries in sequence order, as <see cref="LogRows.ReadCounted"/> reads them.</summary>
    public static IAsyncEnumerable<LoggedSubmission> StreamCountedAsync(DbConnection connection, StoredElection election, long afterSequence,
        long throughSequence, Func<DbDataReader, int, DateTimeOffset> receivedAt, CancellationToken ct) =>
        RowsAsync(connection, election,
            $"SELECT {LogRows.CountedColumns} FROM submissions WHERE election_id = @id AND sequence > @after AND sequence <= @through AND accepted ORDER BY sequence",
            LogRows.ReadCounted, receivedAt, ct, ("@after", afterSequence), ("@through", throughSequence));

    /// <summary>Streams the log entries of one box in sequence order.</summary>
    public static IAsyncEnumerable<LoggedSubmission> StreamBoxAsync(DbConnection connection, StoredElection election, string boxCode,
        Func<DbDataReader, int, DateTimeOffset> receivedAt, CancellationToken ct) =>
        RowsAsync(connection, election, $"SELECT {LogRows.Columns} FROM submissions WHERE election_id = @id AND box_code = @box ORDER BY sequence",
            LogRows.Read, receivedAt, ct, ("@box", boxCode));

    /// <summary>Runs a query of the election's log (<c>@id</c> is the election; the other parameters are the query's own) and maps its rows as they come.</summary>
    private static async IAsyncEnumerable<LoggedSubmission> RowsAsync(DbConnection connection, StoredElection election, string sql,
        Func<DbDataReader, ElectionCodec, Func<DbDataReader, int, DateTimeOffset>, LoggedSubmission> read,
        Func<DbDataReader, int, DateTimeOffset> receivedAt, [EnumeratorCancellation] CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var codec = new ElectionCodec(election.Election);
        await using var command = connection.Command(sql).With("@id", election.Election.Id);
        foreach (var (name, value) in parameters) command.With(name, value);
        await using var row = await command.ExecuteReaderAsync(ct);
        while (await row.ReadAsync(ct)) yield return read(row, codec, receivedAt);
    }

    public static async Task<long> CountAsync(DbConnection connection, string electionId, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT count(*) FROM submissions WHERE election_id = @id").With("@id", electionId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
