using Sandik.Storage.Postgres;
using Sandik.Storage.Sqlite;
using Shouldly;
using Xunit;

namespace Sandik.Storage.Tests;

public sealed class ElectionStoresTests
{
    [Theory]
    [InlineData("Data Source=results/sandik.db")]
    [InlineData("data source=sandik.db;Cache=Shared")]
    [InlineData("results/sandik.db")]
    public async Task a_data_source_or_a_db_path_opens_sqlite(string connectionString)
    {
        await using var store = ElectionStores.Open(connectionString);

        store.ShouldBeOfType<SqliteElectionStore>();
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Username=sandik;Database=sandik")]
    [InlineData("Server=db.internal;Database=sandik")]
    public async Task a_host_opens_postgresql(string connectionString)
    {
        await using var store = ElectionStores.Open(connectionString);

        store.ShouldBeOfType<PostgresElectionStore>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("sandik.txt")]
    [InlineData("Username=sandik;Password=hunter2")]
    [InlineData("Host=db;Data Source=sandik.db;Password=hunter2")]
    public void anything_else_is_refused_without_echoing_secrets(string connectionString)
    {
        var error = Should.Throw<ArgumentException>(() => ElectionStores.Open(connectionString));

        error.Message.ShouldContain("Data Source=");
        error.Message.ShouldContain("Host=");
        error.Message.ShouldNotContain("hunter2");
    }
}
