using System.Collections.Concurrent;
using System.Data.Common;
using Sandik.Domain.Elections;

namespace Sandik.Storage.Log;

/// <summary>
/// What appends keep between calls, per election: the definition they write against, parsed once per saved revision,
/// and (for the SQLite log) the client submission ids already logged. Each append reads the election's revision
/// inside its own transaction, so a definition saved by another process is picked up before the next append.
/// Thread-safe.
/// </summary>
internal sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<string, (long Revision, ElectionCodec Codec)> _codecs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LoggedClientIds> _clientIds = new(StringComparer.Ordinal);

    /// <summary>The election's logged client ids, empty until its appender loads them (see <see cref="LoggedClientIds"/>).</summary>
    public LoggedClientIds ClientIdsOf(string electionId) => _clientIds.GetOrAdd(electionId, static _ => new LoggedClientIds());

    /// <exception cref="InvalidOperationException">The election has not been saved.</exception>
    public async Task<ElectionCodec> GetAsync(DbConnection connection, DbTransaction transaction, string electionId, CancellationToken ct)
    {
        var revision = await Scalar(connection, transaction, "SELECT revision FROM elections WHERE id = @id", electionId, ct)
            ?? throw new InvalidOperationException($"Election '{electionId}' is not saved in this store; save it before appending to its log.");
        var current = Convert.ToInt64(revision, System.Globalization.CultureInfo.InvariantCulture);
        if (_codecs.TryGetValue(electionId, out var cached) && cached.Revision == current) return cached.Codec;

        var json = (string)(await Scalar(connection, transaction, "SELECT definition FROM elections WHERE id = @id", electionId, ct))!;
        var codec = new ElectionCodec(ElectionFile.FromJson(json, $"the stored definition of election '{electionId}'"));
        _codecs[electionId] = (current, codec);
        return codec;
    }

    private static async Task<object?> Scalar(DbConnection connection, DbTransaction transaction, string sql, string electionId, CancellationToken ct)
    {
        await using var command = connection.Command(sql, transaction).With("@id", electionId);
        return await command.ExecuteScalarAsync(ct);
    }
}
