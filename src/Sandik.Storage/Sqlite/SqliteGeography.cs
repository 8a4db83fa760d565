using Microsoft.Data.Sqlite;
using Sandik.Storage.Elections;

namespace Sandik.Storage.Sqlite;

/// <summary>Writes an election's areas and boxes with one prepared command each, inside the caller's transaction.</summary>
internal static class SqliteGeography
{
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, StoredElection stored)
    {
        var electionId = stored.Election.Id;
        using (var areas = SqliteCommands.Prepare(connection, transaction,
            "INSERT INTO areas (election_id, idx, code, name, level, parent, kind) VALUES ($e, $v1, $v2, $v3, $v4, $v5, $v6)", electionId, 6))
        {
            var p = areas.Parameters;
            foreach (var area in stored.Geography.Areas)
            {
                p[1].Value = area.Index;
                p[2].Value = area.Code;
                p[3].Value = area.Name;
                p[4].Value = area.Level;
                p[5].Value = area.Parent;
                p[6].Value = AreaKinds.ToText(area.Kind);
                areas.ExecuteNonQuery();
            }
        }
        using var boxes = SqliteCommands.Prepare(connection, transaction,
            "INSERT INTO boxes (election_id, idx, code, number, area, registered) VALUES ($e, $v1, $v2, $v3, $v4, $v5)", electionId, 5);
        var b = boxes.Parameters;
        foreach (var box in stored.Geography.Boxes)
        {
            b[1].Value = box.Index;
            b[2].Value = box.Code;
            b[3].Value = box.Number;
            b[4].Value = box.Area;
            b[5].Value = box.Registered;
            boxes.ExecuteNonQuery();
        }
    }
}
