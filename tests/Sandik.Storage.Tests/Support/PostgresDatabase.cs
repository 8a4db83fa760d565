using Npgsql;
using Xunit;

namespace Sandik.Storage.Tests.Support;

/// <summary>
/// A fresh PostgreSQL database for one test class, created on the server named by <c>SANDIK_TEST_POSTGRES</c> and
/// dropped afterwards; each test then works in a schema of its own inside it. Without a server the tests fail and say
/// how to get one, unless <c>SANDIK_SKIP_POSTGRES=1</c> asks to skip them.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string ServerVariable = "SANDIK_TEST_POSTGRES";
    public const string SkipVariable = "SANDIK_SKIP_POSTGRES";

    private readonly string? _server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : null;
    private readonly string _name = "sandik_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connectionString;

    public async ValueTask InitializeAsync()
    {
        if (_server is null) return;
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
        await create.ExecuteNonQueryAsync();
        _connectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
    }

    /// <summary>A connection string whose search path is a new, empty schema; fails or skips the test without a server.</summary>
    public async Task<string> NewSchemaAsync(string schema)
    {
        var database = _connectionString ?? Unavailable();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {schema}", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(database) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>A schema of its own for one test, named <paramref name="prefix"/> and a random suffix, created when its
    /// connection string is first asked for.</summary>
    public TestSchema Schema(string prefix) => new(this, prefix + Guid.NewGuid().ToString("N")[..12]);

    public async ValueTask DisposeAsync()
    {
        if (_server is null || _connectionString is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Unavailable()
    {
        if (Environment.GetEnvironmentVariable(SkipVariable) == "1")
            Assert.Skip($"PostgreSQL tests skipped: {SkipVariable}=1.");
        Assert.Fail(
            $"{ServerVariable} is not set, so there is no PostgreSQL to test against. Run ./test.sh, which starts a " +
            $"throw-away server, or run eval \"$(scripts/postgres.sh start)\" first. Set {SkipVariable}=1 to skip these tests on purpose.");
        return "";
    }
}

/// <summary>One test's schema in a <see cref="PostgresDatabase"/> (see <see cref="PostgresDatabase.Schema"/>).</summary>
public sealed class TestSchema(PostgresDatabase database, string name)
{
    private string? _connectionString;

    public string Name => name;

    /// <summary>A connection string whose search path is this schema, created on first use.</summary>
    public async Task<string> ConnectionStringAsync() => _connectionString ??= await database.NewSchemaAsync(name);
}
