using Sandik.Domain.Submissions;
using Sandik.Storage.Tests.Support;
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

    protected static async Task<List<LoggedSubmission>> ReadAllAsync(IElectionStore store, StoredElection election, long after = 0) =>
        await store.ReadLogAsync(election, after, Ct).ToListAsync(Ct);
}
