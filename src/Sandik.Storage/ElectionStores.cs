using System.Data.Common;
using Sandik.Storage.Postgres;
using Sandik.Storage.Sqlite;

namespace Sandik.Storage;

/// <summary>Opens the store a connection string names.</summary>
public static class ElectionStores
{
    /// <summary>
    /// A SQLite store for <c>Data Source=path</c> (or a bare path ending in <c>.db</c>), a PostgreSQL store for
    /// <c>Host=...</c>. Call <see cref="IElectionStore.InitializeAsync"/> before use.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string names neither database.</exception>
    public static IElectionStore Open(string connectionString) => IsPostgres(connectionString, out var text)
        ? new PostgresElectionStore(text)
        : new SqliteElectionStore(text.Contains('=') ? text : $"Data Source={text}");

    /// <summary>Whether a connection string names a PostgreSQL server (a store several nodes can share) rather than a SQLite file.</summary>
    /// <exception cref="ArgumentException">The connection string names neither database.</exception>
    public static bool IsPostgres(string connectionString) => IsPostgres(connectionString, out _);

    private static bool IsPostgres(string connectionString, out string text)
    {
        text = connectionString?.Trim() ?? "";
        if (!text.Contains('='))
        {
            return IsSqliteFile(text)
                ? false
                : throw Unrecognised($"'{text}' is neither a connection string nor a path ending in .db");
        }

        var keys = KeysOf(text);
        var postgres = keys.Contains("host") || keys.Contains("server");
        var sqlite = keys.Contains("data source") || keys.Contains("datasource") || keys.Contains("filename");
        return (postgres, sqlite) switch
        {
            (true, false) => true,
            (false, true) => false,
            (true, true) => throw Unrecognised("the connection string names both a host and a data source"),
            _ => throw Unrecognised($"the connection string has neither Host nor Data Source (it has: {string.Join(", ", keys)})"),
        };
    }

    private static bool IsSqliteFile(string path) =>
        path.Length > 0 && Path.GetExtension(path).ToLowerInvariant() is ".db" or ".sqlite" or ".sqlite3";

    /// <summary>Key names only: values may hold a password and must not end up in an error message.</summary>
    private static HashSet<string> KeysOf(string connectionString)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return [.. builder.Keys.Cast<string>().Select(k => k.ToLowerInvariant())];
        }
        catch (ArgumentException)
        {
            throw Unrecognised("the connection string is malformed");
        }
    }

    private static ArgumentException Unrecognised(string reason) =>
        new($"Cannot open an election store: {reason}. Use 'Data Source=path/to/sandik.db' (or a path ending in .db) " +
            "for SQLite, or 'Host=...;Database=...;Username=...' for PostgreSQL.", "connectionString");
}
