using Npgsql;
using Sandik.Storage.Postgres;
using Sandik.Storage.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Storage.Tests;

/// <summary>The store behaviours on PostgreSQL; the class has its own database and every test its own schema.</summary>
public sealed class PostgresElectionStoreTests(PostgresDatabase database) : ElectionStoreBehaviour, IClassFixture<PostgresDatabase>
{
    private readonly TestSchema _schema = database.Schema("test_");

    protected override async Task<IElectionStore> CreateStoreAsync() =>
        new PostgresElectionStore(await _schema.ConnectionStringAsync());

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await _schema.ConnectionStringAsync());
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Theory]
    [InlineData("Host=db;Database=sandik", 32, true)]
    [InlineData("Host=db;Database=sandik;Max Auto Prepare=0", 0, true)]
    [InlineData("Host=db;Database=sandik;maxautoprepare=5;No Reset On Close=false", 5, false)]
    public void repeated_statements_are_prepared_and_connections_not_reset_unless_the_connection_string_decides(string given, int prepared, bool noReset)
    {
        var used = new NpgsqlConnectionStringBuilder(PostgresElectionStore.WithDefaults(given));

        used.MaxAutoPrepare.ShouldBe(prepared);
        used.NoResetOnClose.ShouldBe(noReset);
        used.Host.ShouldBe("db");
        used.Database.ShouldBe("sandik");
    }

    [Fact]
    public async Task a_first_version_database_is_upgraded_to_byte_compared_ids_and_still_finds_its_retries()
    {
        // The first version: ids under the database's own collation.
        var election = await LoggedThenTurnedBackAsync("""
            ALTER TABLE submissions
                ALTER COLUMN election_id TYPE text COLLATE "default",
                ALTER COLUMN source_id TYPE text COLLATE "default",
                ALTER COLUMN client_submission_id TYPE text COLLATE "default";
            """);
        (await CollationsAsync()).ShouldAllBe(c => c == null);

        await ReopenedAndFindsTheRetryAsync(election);
        (await CollationsAsync()).ShouldBe(["C", "C", "C"]);
    }

    /// <summary>The collations of the submissions' election, source and client id columns (null: the database's).</summary>
    private async Task<List<string?>> CollationsAsync()
    {
        await using var connection = new NpgsqlConnection(await _schema.ConnectionStringAsync());
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            SELECT collation_name FROM information_schema.columns
            WHERE table_schema = @schema AND table_name = 'submissions'
              AND column_name IN ('election_id', 'source_id', 'client_submission_id')
            ORDER BY column_name
            """, connection);
        command.Parameters.AddWithValue("schema", _schema.Name);
        var collations = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) collations.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        return collations;
    }
}
