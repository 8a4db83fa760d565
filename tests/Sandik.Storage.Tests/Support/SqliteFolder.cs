using Microsoft.Data.Sqlite;

namespace Sandik.Storage.Tests.Support;

/// <summary>A temporary folder for one test's SQLite database, deleted (pooled connections closed first) when disposed.</summary>
public sealed class SqliteFolder(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The database file's path, as <c>--store</c> takes it.</summary>
    public string DatabasePath => System.IO.Path.Combine(Path, "sandik.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
