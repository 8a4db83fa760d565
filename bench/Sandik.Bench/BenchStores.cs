using Npgsql;

namespace Sandik.Bench;

/// <summary>
/// Fresh, throw-away stores for one benchmark run, removed by <see cref="CleanUpAsync"/> when the run ends: a whole
/// night's SQLite log with its WAL is some 300 MB, and every run makes three.
/// </summary>
public static class BenchStores
{
    private static readonly List<string> Folders = [];
    private static readonly List<(string Admin, string Database)> Databases = [];

    public static string Sqlite(string name)
    {
        var folder = Directory.CreateTempSubdirectory("sandik-bench-").FullName;
        lock (Folders) Folders.Add(folder);
        return $"Data Source={Path.Combine(folder, name + ".db")}";
    }

    /// <summary>A new database on the server named by <paramref name="admin"/>; returns its connection string.</summary>
    public static async Task<string> PostgresAsync(string admin, string name)
    {
        var database = $"sandik_bench_{name}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
        await command.ExecuteNonQueryAsync();
        lock (Databases) Databases.Add((admin, database));
        return new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
    }

    public static string? PostgresAdmin(string[] args) =>
        Figures.Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("SANDIK_TEST_POSTGRES");

    /// <summary>Deletes the run's SQLite folders and drops its PostgreSQL databases; what cannot be removed is named.</summary>
    public static async Task CleanUpAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var (admin, database) in Databases)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException e)
            {
                Console.Error.WriteLine($"Could not drop the benchmark database {database}: {e.Message}");
            }
        }
        foreach (var folder in Folders)
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException e) { Console.Error.WriteLine($"Could not delete {folder}: {e.Message}"); }
            catch (UnauthorizedAccessException e) { Console.Error.WriteLine($"Could not delete {folder}: {e.Message}"); }
        }
    }
}
