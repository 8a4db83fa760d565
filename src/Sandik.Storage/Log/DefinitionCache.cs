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
        if (KnownRevision(electionId) == current) return Resolve(electionId, current, null);
        return Resolve(electionId, current, (string)(await Scalar(connection, transaction, "SELECT definition FROM elections WHERE id = @id", electionId, ct))!);
    }

    /// <summary>The revision whose definition is parsed for the election, or -1: an append that reads the revision
    /// itself asks for the definition only when it differs (see <see cref="Resolve"/>).</summary>
    public long KnownRevision(string electionId) => _codecs.TryGetValue(electionId, out var cached) ? cached.Revision : -1;

    /// <summary>The codec of the stored revision; <paramref name="definition"/> is the stored definition, read only
    /// when the revision was not the <see cref="KnownRevision"/>.</summary>
    public ElectionCodec Resolve(string electionId, long revision, string? definition)
    {
        if (_codecs.TryGetValue(electionId, out var cached) && cached.Revision == revision) return cached.Codec;
        if (definition is null) throw new InvalidOperationException($"The stored definition of election '{electionId}' changed while it was read; append again.");
        var codec = new ElectionCodec(ElectionFile.FromJson(definition, $"the stored definition of election '{electionId}'"));
        _codecs[electionId] = (revision, codec);
        return codec;
    }

    private static async Task<object?> Scalar(DbConnection connection, DbTransaction transaction, string sql, string electionId, CancellationToken ct)
    {
        await using var command = connection.Command(sql, transaction).With("@id", electionId);
        return await command.ExecuteScalarAsync(ct);
    }
}
