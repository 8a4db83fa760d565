using Sandik.Storage.Calls;
using Sandik.Storage.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Storage.Tests.Calls;

/// <summary>What the call-claim store must do on every database; each derived class says where the database is.</summary>
public abstract class CallClaimStoreBehaviour : DatabaseBehaviour
{
    private static readonly DateTimeOffset Evening = new(2015, 11, 1, 15, 0, 0, TimeSpan.Zero);
    private const string Box = "34/Kadıköy/1001";

    private async Task<CallClaimStore> OpenAsync()
    {
        var store = new CallClaimStore(await ConnectionStringAsync());
        await store.InitializeAsync(Ct);
        return store;
    }

    [Fact]
    public async Task a_box_held_by_one_operator_is_refused_to_another_until_the_hold_runs_out()
    {
        var store = await OpenAsync();

        (await store.TryClaimAsync("e1", Box, "ayse", Evening.AddMinutes(10), Evening, Ct)).Taken.ShouldBeTrue();
        var (taken, held) = await store.TryClaimAsync("e1", Box, "mehmet", Evening.AddMinutes(12), Evening.AddMinutes(2), Ct);
        taken.ShouldBeFalse();
        held.ShouldBe(new StoredCallClaim(Box, "ayse", Evening.AddMinutes(10)));
        // The holder renews; another election's box of the same code is another box.
        (await store.TryClaimAsync("e1", Box, "ayse", Evening.AddMinutes(13), Evening.AddMinutes(3), Ct)).Taken.ShouldBeTrue();
        (await store.TryClaimAsync("e2", Box, "mehmet", Evening.AddMinutes(13), Evening.AddMinutes(3), Ct)).Taken.ShouldBeTrue();
        // Once the hold has run out anyone may take it.
        (await store.TryClaimAsync("e1", Box, "mehmet", Evening.AddMinutes(24), Evening.AddMinutes(14), Ct)).Taken.ShouldBeTrue();
        (await store.LiveAsync("e1", Evening.AddMinutes(15), Ct)).ShouldBe([new StoredCallClaim(Box, "mehmet", Evening.AddMinutes(24))]);
    }

    [Fact]
    public async Task only_the_holder_releases_a_box_and_holds_that_ran_out_are_gone()
    {
        var store = await OpenAsync();
        await store.TryClaimAsync("e1", Box, "ayse", Evening.AddMinutes(10), Evening, Ct);
        await store.TryClaimAsync("e1", "34/Kadıköy/1002", "ayse", Evening.AddMinutes(1), Evening, Ct);

        await store.ReleaseAsync("e1", Box, "mehmet", Ct);
        (await store.LiveAsync("e1", Evening.AddMinutes(2), Ct)).Select(c => c.Box).ShouldBe([Box]);
        await store.ReleaseAsync("e1", Box, "ayse", Ct);
        (await store.LiveAsync("e1", Evening.AddMinutes(2), Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task of_many_operators_claiming_at_once_exactly_one_wins()
    {
        var store = await OpenAsync();
        await store.TryClaimAsync("e1", "warm-up", "x", Evening, Evening, Ct);

        var tries = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.TryClaimAsync("e1", Box, $"op{i}", Evening.AddMinutes(10), Evening, Ct))));

        tries.Count(t => t.Taken).ShouldBe(1);
        tries.Select(t => t.Claim.Operator).Distinct().Count().ShouldBe(1);
    }
}

public sealed class SqliteCallClaimStoreTests : CallClaimStoreBehaviour, IDisposable
{
    private readonly SqliteFolder _folder = new("sandik-calls-");

    protected override Task<string> ConnectionStringAsync() => Task.FromResult($"Data Source={_folder.DatabasePath}");

    public void Dispose() => _folder.Dispose();
}

public sealed class PostgresCallClaimStoreTests(PostgresDatabase database) : CallClaimStoreBehaviour, IClassFixture<PostgresDatabase>
{
    private readonly TestSchema _schema = database.Schema("calls_");

    protected override Task<string> ConnectionStringAsync() => _schema.ConnectionStringAsync();
}
