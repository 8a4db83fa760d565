using Npgsql;
using Sandik.Storage.Postgres;
using Sandik.Storage.Tests.Support;
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
}
