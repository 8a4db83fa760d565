using Npgsql;
using Sandik.Storage.Postgres;
using Sandik.Storage.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Storage.Tests;

/// <summary>The store behaviours on PostgreSQL; the class has its own database and every test its own schema.</summary>
public sealed class PostgresElectionStoreTests(PostgresDatabase database) : ElectionStoreBehaviour, IClassFixture<PostgresDatabase>
{
    private readonly string _schema = "test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connectionString;

    protected override async Task<IElectionStore> CreateStoreAsync() =>
        new PostgresElectionStore(_connectionString ??= await database.NewSchemaAsync(_schema));

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString ??= await database.NewSchemaAsync(_schema));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Theory]
    [InlineData("Host=db;Database=sandik", 32)]
    [InlineData("Host=db;Database=sandik;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=sandik;maxautoprepare=5", 5)]
    public void repeated_statements_are_prepared_unless_the_connection_string_decides(string given, int prepared)
    {
        var used = new NpgsqlConnectionStringBuilder(PostgresElectionStore.WithDefaults(given));

        used.MaxAutoPrepare.ShouldBe(prepared);
        used.Host.ShouldBe("db");
        used.Database.ShouldBe("sandik");
    }
}
