using Sandik.Domain.Submissions;
using Sandik.Storage.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Storage.Tests;

/// <summary>
/// What every <see cref="IElectionStore"/> must do. Each database runs these tests through a derived class that says
/// how to open (and reopen) a fresh, empty store of its kind.
/// </summary>
public abstract partial class ElectionStoreBehaviour : IAsyncLifetime
{
    private readonly List<IElectionStore> _opened = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens a store on this test's database; every call opens the same database.</summary>
    protected abstract Task<IElectionStore> CreateStoreAsync();

    /// <summary>Runs SQL directly against this test's database, to set up what the store itself would never write.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>An initialised store; disposed at the end of the test.</summary>
    protected async Task<IElectionStore> OpenAsync()
    {
        var store = await CreateStoreAsync();
        _opened.Add(store);
        await store.InitializeAsync(Ct);
        return store;
    }

    /// <summary>An initialised store holding the <see cref="TestElection"/>.</summary>
    protected async Task<(IElectionStore Store, StoredElection Election)> OpenWithElectionAsync()
    {
        var store = await OpenAsync();
        var election = TestElection.Create();
        await store.SaveElectionAsync(election, Ct);
        return (store, election);
    }

    /// <summary>
    /// Logs one entry ("v1-a", votes 4, 5, 6), closes the store and turns its database back into the first schema
    /// version: <paramref name="toFirstVersion"/> undoes what the later migrations did, and their rows of
    /// <c>schema_version</c> are deleted. See <see cref="ReopenedAndFindsTheRetryAsync"/>.
    /// </summary>
    protected async Task<StoredElection> LoggedThenTurnedBackAsync(string toFirstVersion)
    {
        var (store, election) = await OpenWithElectionAsync();
        await store.AppendAsync(election.Election.Id, [TestElection.Accepted([4, 5, 6], "v1-a")], Ct);
        await store.DisposeAsync();
        await ExecuteSqlAsync(toFirstVersion + "\nDELETE FROM schema_version WHERE version > 1;");
        return election;
    }

    /// <summary>Opens the database again, which upgrades it: the retry of "v1-a" gets the original, a new entry is logged.</summary>
    protected async Task ReopenedAndFindsTheRetryAsync(StoredElection election)
    {
        var upgraded = await OpenAsync();
        var results = await upgraded.AppendAsync(election.Election.Id, [TestElection.Accepted([0, 0, 0], "v1-a"), TestElection.Accepted([7, 8, 9], "v1-b")], Ct);

        results.Select(r => r.AlreadyLogged).ShouldBe([true, false]);
        results[0].Entry.Tally!.Votes.ToArray().ShouldBe([4, 5, 6]);
    }

    protected static async Task<List<LoggedSubmission>> ReadAllAsync(IElectionStore store, StoredElection election, long after = 0) =>
        await store.ReadLogAsync(election, after, Ct).ToListAsync(Ct);
}
