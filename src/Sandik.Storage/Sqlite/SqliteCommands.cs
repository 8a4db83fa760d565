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
        var command = Create(connection, sql, count);
        command.Transaction = transaction;
        command.Parameters[0].Value = electionId;
        command.Prepare();
        return command;
    }

    /// <summary>
    /// The same command without a transaction or an election, for a caller that keeps it across transactions and
    /// sets both each time; prepared at its first execution.
    /// </summary>
    public static SqliteCommand Create(SqliteConnection connection, string sql, int count)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter("$e", DBNull.Value));
        for (var i = 1; i <= count; i++) command.Parameters.Add(new SqliteParameter("$v" + i, DBNull.Value));
        return command;
    }
}
