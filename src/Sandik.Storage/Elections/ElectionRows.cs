using System.Data.Common;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Sources;

namespace Sandik.Storage.Elections;

/// <summary>Reads elections back from the elections, areas and boxes tables (the same SQL on both databases).</summary>
internal static class ElectionRows
{
    /// <param name="transaction">A read transaction, so that the three queries see one snapshot even while a save commits.</param>
    public static async Task<StoredElection?> LoadAsync(DbConnection connection, DbTransaction transaction, string electionId, CancellationToken ct)
    {
        string definition, sources, levels;
        await using (var command = connection.Command("SELECT definition, sources, levels FROM elections WHERE id = @id", transaction).With("@id", electionId))
        await using (var row = await command.ExecuteReaderAsync(ct))
        {
            if (!await row.ReadAsync(ct)) return null;
            (definition, sources, levels) = (row.GetString(0), row.GetString(1), row.GetString(2));
        }
        var election = ElectionFile.FromJson(definition, $"the stored definition of election '{electionId}'");
        var catalog = SourceCatalog.FromJson(sources, $"the stored sources of election '{electionId}'");
        var areas = await ReadAreasAsync(connection, transaction, electionId, ct);
        var boxes = await ReadBoxesAsync(connection, transaction, electionId, ct);
        var geography = ElectionGeography.FromRows(LevelsJson.Read(levels, electionId), areas, boxes);
        return new StoredElection(election, catalog, geography);
    }

    /// <summary>
    /// Writes the definition, sources and levels (a new revision when the election exists) and deletes its areas and
    /// boxes, ready for the caller to insert the new ones in the same transaction. The log is left alone.
    /// </summary>
    public static async Task ReplaceDefinitionAsync(DbConnection connection, DbTransaction transaction, StoredElection stored, CancellationToken ct)
    {
        var id = stored.Election.Id;
        await using (var upsert = connection.Command("""
            INSERT INTO elections (id, definition, sources, levels, revision) VALUES (@id, @definition, @sources, @levels, 1)
            ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, sources = excluded.sources,
                levels = excluded.levels, revision = elections.revision + 1
            """, transaction)
            .With("@id", id).With("@definition", ElectionFile.ToJson(stored.Election))
            .With("@sources", stored.Sources.ToJson()).With("@levels", LevelsJson.Write(stored.Geography.Levels)))
            await upsert.ExecuteNonQueryAsync(ct);
        await using (var boxes = connection.Command("DELETE FROM boxes WHERE election_id = @id", transaction).With("@id", id))
            await boxes.ExecuteNonQueryAsync(ct);
        await using var areas = connection.Command("DELETE FROM areas WHERE election_id = @id", transaction).With("@id", id);
        await areas.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Writes an election's sources alone, as a new revision, if the election's revision is still the one given (any
    /// revision when null); false when there is no such election or its revision moved.
    /// </summary>
    public static async Task<bool> ReplaceSourcesAsync(DbConnection connection, string electionId, SourceCatalog sources, long? ifRevision,
        CancellationToken ct)
    {
        await using var update = connection.Command(ifRevision is null
                ? "UPDATE elections SET sources = @sources, revision = revision + 1 WHERE id = @id"
                : "UPDATE elections SET sources = @sources, revision = revision + 1 WHERE id = @id AND revision = @revision")
            .With("@id", electionId).With("@sources", sources.ToJson());
        if (ifRevision is { } revision) update.With("@revision", revision);
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>An election's sources and the revision they belong to, from its one row; null when there is no such election.</summary>
    public static async Task<StoredSources?> LoadSourcesAsync(DbConnection connection, string electionId, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT sources, revision FROM elections WHERE id = @id").With("@id", electionId);
        await using var row = await command.ExecuteReaderAsync(ct);
        if (!await row.ReadAsync(ct)) return null;
        return new StoredSources(SourceCatalog.FromJson(row.GetString(0), $"the stored sources of election '{electionId}'"), row.GetInt64(1));
    }

    public static async Task<IReadOnlyList<string>> ListAsync(DbConnection connection, CancellationToken ct)
    {
        var ids = new List<string>();
        await using var command = connection.Command("SELECT id FROM elections ORDER BY id");
        await using var row = await command.ExecuteReaderAsync(ct);
        while (await row.ReadAsync(ct)) ids.Add(row.GetString(0));
        return ids;
    }

    private static async Task<List<Area>> ReadAreasAsync(DbConnection connection, DbTransaction transaction, string electionId, CancellationToken ct)
    {
        var areas = new List<Area>();
        await using var command = connection.Command(
            "SELECT idx, code, name, level, parent, kind FROM areas WHERE election_id = @id ORDER BY idx", transaction).With("@id", electionId);
        await using var row = await command.ExecuteReaderAsync(ct);
        while (await row.ReadAsync(ct))
        {
            var code = row.GetString(1);
            areas.Add(new Area(row.GetInt32(0), code, row.GetString(2), row.GetInt32(3), row.GetInt32(4), AreaKinds.Parse(row.GetString(5), code)));
        }
        return areas;
    }

    private static async Task<List<BallotBox>> ReadBoxesAsync(DbConnection connection, DbTransaction transaction, string electionId, CancellationToken ct)
    {
        var boxes = new List<BallotBox>();
        await using var command = connection.Command(
            "SELECT idx, code, number, area, registered FROM boxes WHERE election_id = @id ORDER BY idx", transaction).With("@id", electionId);
        await using var row = await command.ExecuteReaderAsync(ct);
        while (await row.ReadAsync(ct))
            boxes.Add(new BallotBox(row.GetInt32(0), row.GetString(1), row.GetString(2), row.GetInt32(3), row.GetInt32(4)));
        return boxes;
    }
}
