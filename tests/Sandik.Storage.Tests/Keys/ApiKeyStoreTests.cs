using Sandik.Storage.Keys;
using Sandik.Storage.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Storage.Tests.Keys;

/// <summary>What the API key store must do on every database; each derived class says where the database is.</summary>
public abstract class ApiKeyStoreBehaviour : DatabaseBehaviour
{
    private static readonly DateTimeOffset Evening = new(2015, 11, 1, 18, 30, 0, TimeSpan.Zero);

    private async Task<ApiKeyStore> OpenAsync()
    {
        var store = new ApiKeyStore(await ConnectionStringAsync());
        await store.InitializeAsync(Ct);
        return store;
    }

    [Fact]
    public async Task keys_come_back_in_the_order_made_and_a_revoked_one_says_when()
    {
        var store = await OpenAsync();
        await store.SaveAsync(new ApiKey("k2", "sms", "hash-2", Evening.AddMinutes(5), null, null), Ct);
        await store.SaveAsync(new ApiKey("k1", "district-office", "hash-1", Evening, null, "Kadıköy office"), Ct);

        (await store.RevokeAsync("k2", Evening.AddHours(1), Ct)).ShouldBeTrue();
        (await store.RevokeAsync("k2", Evening.AddHours(2), Ct)).ShouldBeFalse();
        (await store.RevokeAsync("nobody", Evening, Ct)).ShouldBeFalse();

        (await store.ListAsync(Ct)).ShouldBe(
        [
            new ApiKey("k1", "district-office", "hash-1", Evening, null, "Kadıköy office"),
            new ApiKey("k2", "sms", "hash-2", Evening.AddMinutes(5), Evening.AddHours(1), null),
        ]);
    }

    [Fact]
    public async Task servers_starting_together_on_a_new_database_all_find_the_table()
    {
        var connection = await ConnectionStringAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => new ApiKeyStore(connection).InitializeAsync(Ct), Ct)));

        var store = new ApiKeyStore(connection);
        await store.SaveAsync(new ApiKey("k1", "sms", "hash", Evening, null, null), Ct);
        (await store.ListAsync(Ct)).Select(k => k.Id).ShouldBe(["k1"]);
    }
}

public sealed class SqliteApiKeyStoreTests : ApiKeyStoreBehaviour, IDisposable
{
    private readonly SqliteFolder _folder = new("sandik-keys-");

    // A bare path, as `--store` takes it.
    protected override Task<string> ConnectionStringAsync() => Task.FromResult(_folder.DatabasePath);

    public void Dispose() => _folder.Dispose();
}

public sealed class PostgresApiKeyStoreTests(PostgresDatabase database) : ApiKeyStoreBehaviour, IClassFixture<PostgresDatabase>
{
    private readonly TestSchema _schema = database.Schema("keys_");

    protected override Task<string> ConnectionStringAsync() => _schema.ConnectionStringAsync();
}
