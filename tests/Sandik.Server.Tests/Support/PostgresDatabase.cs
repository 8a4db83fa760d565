using Npgsql;
using Xunit;

namespace Sandik.Server.Tests.Support;

/// <summary>A fresh database on the test PostgreSQL server (<c>SANDIK_TEST_POSTGRES</c>, set by ./test.sh), dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private PostgresDatabase(string admin, string name, string connection)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connection;
    }

    public string ConnectionString { get; }

    /// <param name="server">The server's maintenance connection string; the shared test server when null.</param>
    public static async Task<PostgresDatabase> CreateAsync(string? server = null)
    {
        var admin = server ?? Environment.GetEnvironmentVariable("SANDIK_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            if (Environment.GetEnvironmentVariable("SANDIK_SKIP_POSTGRES") == "1") Assert.Skip("PostgreSQL tests skipped (SANDIK_SKIP_POSTGRES=1).");
            throw new InvalidOperationException("SANDIK_TEST_POSTGRES is not set: run ./test.sh, or eval \"$(scripts/postgres.sh start)\" first.");
        }
        var name = "sandik_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new PostgresDatabase(admin, name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
