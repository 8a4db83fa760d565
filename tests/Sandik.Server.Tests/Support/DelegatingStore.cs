using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;
using Sandik.Storage;

namespace Sandik.Server.Tests.Support;

/// <summary>A real store passed through, for tests that make one of its calls fail or race at a chosen moment.</summary>
public abstract class DelegatingStore(IElectionStore inner) : IElectionStore
{
    protected IElectionStore Inner => inner;

    public virtual Task<IReadOnlyList<AppendResult>> AppendAsync(string electionId, IReadOnlyList<LoggedSubmission> entries, CancellationToken ct = default) =>
        inner.AppendAsync(electionId, entries, ct);

    public virtual Task<bool> SaveSourcesAsync(string electionId, SourceCatalog sources, long? ifRevision = null, CancellationToken ct = default) =>
        inner.SaveSourcesAsync(electionId, sources, ifRevision, ct);

    public Task InitializeAsync(CancellationToken ct = default) => inner.InitializeAsync(ct);
    public Task SaveElectionAsync(StoredElection election, CancellationToken ct = default) => inner.SaveElectionAsync(election, ct);
    public Task<StoredSources?> LoadSourcesAsync(string electionId, CancellationToken ct = default) => inner.LoadSourcesAsync(electionId, ct);
    public Task<StoredElection?> LoadElectionAsync(string electionId, CancellationToken ct = default) => inner.LoadElectionAsync(electionId, ct);
    public Task<IReadOnlyList<string>> ListElectionsAsync(CancellationToken ct = default) => inner.ListElectionsAsync(ct);
    public IAsyncEnumerable<LoggedSubmission> ReadLogAsync(StoredElection election, long afterSequence = 0, CancellationToken ct = default) =>
        inner.ReadLogAsync(election, afterSequence, ct);
    public IAsyncEnumerable<LoggedSubmission> ReadCountedLogAsync(StoredElection election, long afterSequence = 0, long throughSequence = long.MaxValue,
        CancellationToken ct = default) => inner.ReadCountedLogAsync(election, afterSequence, throughSequence, ct);
    public IAsyncEnumerable<LoggedSubmission> ReadBoxLogAsync(StoredElection election, string boxCode, CancellationToken ct = default) =>
        inner.ReadBoxLogAsync(election, boxCode, ct);
    public Task PrepareAppendsAsync(string electionId, CancellationToken ct = default) => inner.PrepareAppendsAsync(electionId, ct);
    public Task<long> CountLogAsync(string electionId, CancellationToken ct = default) => inner.CountLogAsync(electionId, ct);
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
