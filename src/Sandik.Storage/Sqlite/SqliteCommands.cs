using Microsoft.Data.Sqlite;

namespace Sandik.Storage.Sqlite;

internal static class SqliteCommands
{
    /// <summary>
    /// A prepared command for row-by-row writes: parameter 0 is <c>$e</c>, the election id; <c>$v1</c>..<c>$vN</c>
    /// (parameters 1..N) are set for each row. Reusing one prepared statement avoids parsing SQL per row.
    /// </summary>
    public static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, string electionId, int count)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$e", electionId);
        for (var i = 1; i <= count; i++) command.Parameters.Add(new SqliteParameter("$v" + i, DBNull.Value));
        command.Prepare();
        return command;
    }
}
