using Sandik.Domain.Projection.Golden;
using Sandik.Storage.Projection;
using Sandik.Storage.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Storage.Tests.Projection;

/// <summary>What the golden sample store must do on every database; each derived class says where the database is.</summary>
public abstract class GoldenSampleStoreBehaviour : DatabaseBehaviour
{
    private static readonly DateTimeOffset Evening = new(2015, 11, 1, 18, 30, 0, TimeSpan.Zero);

    private async Task<GoldenSampleStore> OpenAsync()
    {
        var store = new GoldenSampleStore(await ConnectionStringAsync());
        await store.InitializeAsync(Ct);
        return store;
    }

    private static GoldenSampleDesign Design(string electionId, int seed) => new(electionId, "parliament", "prior", seed, ["a", "b"],
        [new GoldenStratum("34/a", 120, 9_000, [5_000, 4_000]), new GoldenStratum("*/*", 80, 6_000, [1_000, 5_000])],
        [new GoldenBox("34/Kadıköy/1001", 0, 300, [170, 130]), new GoldenBox("06/Çankaya/2002", 1, 250, [40, 210])]);

    [Fact]
    public async Task a_saved_design_comes_back_whole_and_an_election_without_one_has_none()
    {
        var store = await OpenAsync();

        await store.SaveAsync(Design("e1", seed: 7), replace: false, Evening, Ct);

        var loaded = (await store.LoadAsync("e1", Ct)).ShouldNotBeNull();
        loaded.Design.ToJson().ShouldBe(Design("e1", seed: 7).ToJson());
        loaded.SavedAt.ShouldBe(Evening);
        (await store.LoadAsync("e2", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task a_design_is_replaced_only_when_asked()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Design("e1", seed: 1), replace: false, Evening, Ct);

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => store.SaveAsync(Design("e1", seed: 2), replace: false, Evening.AddHours(1), Ct));
        refused.Message.ShouldContain("already has a golden sample");
        (await store.LoadAsync("e1", Ct))!.Value.Design.Seed.ShouldBe(1);

        await store.SaveAsync(Design("e1", seed: 2), replace: true, Evening.AddHours(2), Ct);
        var replaced = (await store.LoadAsync("e1", Ct))!.Value;
        (replaced.Design.Seed, replaced.SavedAt).ShouldBe((2, Evening.AddHours(2)));
    }

    [Fact]
    public async Task initializing_again_keeps_the_designs()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Design("e1", seed: 3), replace: false, Evening, Ct);

        var again = await OpenAsync();

        (await again.LoadAsync("e1", Ct))!.Value.Design.Seed.ShouldBe(3);
    }
}

public sealed class SqliteGoldenSampleStoreTests : GoldenSampleStoreBehaviour, IDisposable
{
    private readonly SqliteFolder _folder = new("sandik-golden-");

    protected override Task<string> ConnectionStringAsync() => Task.FromResult($"Data Source={_folder.DatabasePath}");

    public void Dispose() => _folder.Dispose();
}

public sealed class PostgresGoldenSampleStoreTests(PostgresDatabase database) : GoldenSampleStoreBehaviour, IClassFixture<PostgresDatabase>
{
    private readonly TestSchema _schema = database.Schema("golden_");

    protected override Task<string> ConnectionStringAsync() => _schema.ConnectionStringAsync();
}
