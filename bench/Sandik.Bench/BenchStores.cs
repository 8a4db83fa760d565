using Npgsql;

namespace Sandik.Bench;

/// <summary>Fresh, throw-away stores for one benchmark run.</summary>
public static class BenchStores
{
    public static string Sqlite(string name)
    {
        var folder = Directory.CreateTempSubdirectory("sandik-bench-").FullName;
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
        return new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
    }

    public static string? PostgresAdmin(string[] args) =>
        Figures.Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("SANDIK_TEST_POSTGRES");
}
