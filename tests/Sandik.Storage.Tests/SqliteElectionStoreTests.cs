using Microsoft.Data.Sqlite;
using Sandik.Storage.Sqlite;
using Sandik.Storage.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Storage.Tests;

/// <summary>The store behaviours on SQLite; every test gets its own database file.</summary>
public sealed class SqliteElectionStoreTests : ElectionStoreBehaviour
{
    private readonly SqliteFolder _folder = new("sandik-storage-");

    private string DatabasePath => _folder.DatabasePath;

    protected override Task<IElectionStore> CreateStoreAsync() =>
        Task.FromResult<IElectionStore>(new SqliteElectionStore($"Data Source={DatabasePath}"));

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task the_database_file_is_in_wal_mode()
    {
        await OpenWithElectionAsync();

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        (await command.ExecuteScalarAsync(Ct)).ShouldBe("wal");
    }

    [Fact]
    public async Task a_missing_folder_is_created()
    {
        var path = Path.Combine(_folder.Path, "nested", "deeper", "sandik.db");
        await using var store = new SqliteElectionStore($"Data Source={path}");

        await store.InitializeAsync(Ct);

        File.Exists(path).ShouldBeTrue();
    }

    [Fact]
    public async Task a_first_version_database_is_upgraded_and_still_knows_its_client_ids()
    {
        // The first version: the unique client-id index.
        var election = await LoggedThenTurnedBackAsync("""
            CREATE UNIQUE INDEX submissions_by_client_id ON submissions (election_id, source_id, client_submission_id)
                WHERE client_submission_id IS NOT NULL;
            """);
        (await Indexes()).ShouldContain("submissions_by_client_id");

        await ReopenedAndFindsTheRetryAsync(election);
        (await Indexes()).ShouldNotContain("submissions_by_client_id");
    }

    private async Task<List<string>> Indexes()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index'";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) names.Add(reader.GetString(0));
        return names;
    }
}
