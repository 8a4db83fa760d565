using Npgsql;
using NpgsqlTypes;
using Sandik.Storage.Elections;

namespace Sandik.Storage.Postgres;

/// <summary>Writes an election's areas and boxes with binary COPY, inside the caller's transaction.</summary>
internal static class PostgresGeography
{
    public static async Task InsertAsync(NpgsqlConnection connection, StoredElection stored, CancellationToken ct)
    {
        var electionId = stored.Election.Id;
        await using (var areas = await connection.BeginBinaryImportAsync(
            "COPY areas (election_id, idx, code, name, level, parent, kind) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var area in stored.Geography.Areas)
            {
                await areas.StartRowAsync(ct);
                await areas.WriteAsync(electionId, NpgsqlDbType.Text, ct);
                await areas.WriteAsync(area.Index, NpgsqlDbType.Integer, ct);
                await areas.WriteAsync(area.Code, NpgsqlDbType.Text, ct);
                await areas.WriteAsync(area.Name, NpgsqlDbType.Text, ct);
                await areas.WriteAsync(area.Level, NpgsqlDbType.Integer, ct);
                await areas.WriteAsync(area.Parent, NpgsqlDbType.Integer, ct);
                await areas.WriteAsync(AreaKinds.ToText(area.Kind), NpgsqlDbType.Text, ct);
            }
            await areas.CompleteAsync(ct);
        }
        await using var boxes = await connection.BeginBinaryImportAsync(
            "COPY boxes (election_id, idx, code, number, area, registered) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var box in stored.Geography.Boxes)
        {
            await boxes.StartRowAsync(ct);
            await boxes.WriteAsync(electionId, NpgsqlDbType.Text, ct);
            await boxes.WriteAsync(box.Index, NpgsqlDbType.Integer, ct);
            await boxes.WriteAsync(box.Code, NpgsqlDbType.Text, ct);
            await boxes.WriteAsync(box.Number, NpgsqlDbType.Text, ct);
            await boxes.WriteAsync(box.Area, NpgsqlDbType.Integer, ct);
            await boxes.WriteAsync(box.Registered, NpgsqlDbType.Integer, ct);
        }
        await boxes.CompleteAsync(ct);
    }
}
