using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;
using Sandik.Server.Anomalies;
using Sandik.Server.Cluster;
using Sandik.Server.Hosting;
using Sandik.Server.Live;
using Sandik.Storage;

namespace Sandik.Server.Ingest;

/// <summary>
/// Group commit: requests hand their log entries to one writer, which commits everything waiting (up to
/// <see cref="SandikServerOptions.MaxCommitBatch"/>) in a single transaction, then applies the committed entries to the
/// live state and only then completes the requests. So an acknowledgement always means "durable and visible", and
/// a thousand concurrent submissions cost one fsync instead of a thousand. Thread-safe.
/// </summary>
/// <remarks>
/// On a node of a cluster the writer also applies what the <see cref="LogFollower"/> read of other nodes' commits,
/// between its own commits: the live state has a single writer either way.
/// </remarks>
public sealed class IngestQueue(IElectionStore store, ElectionHost host, LiveNotifier notifier, LiveAnomalies anomalies, IngestMetrics metrics,
    ClusterBus cluster, IOptions<SandikServerOptions> options, ILogger<IngestQueue> logger, TimeProvider time) : BackgroundService
{
    /// <summary>
    /// The sequence ranges of this node's own commits that the follower has not read past yet: their entries are in
    /// the live state already. Touched by the writer only.
    /// </summary>
    private readonly List<(long First, long Last)> _ownCommits = [];

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(100_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues entries for the next commit; completes when they are durable and applied.</summary>
    /// <param name="answerOnWriter">
    /// Lets the caller's continuation run on the writer, right after the commit is applied, instead of being queued to
    /// the thread pool. Only for a caller whose remaining work is short and never blocks — the ingest API, which only
    /// writes its answer: it saves a hand-over between threads per request (the server's CPU per request fell from a
    /// median of 85 µs to 72 µs, docs/benchmarks.md). A caller that goes on to do I/O must leave it false, or it holds
    /// up the next commit.
    /// </param>
    /// <exception cref="StoreUnavailableException">The store kept failing for the whole retry window.</exception>
    public async Task<IReadOnlyList<AppendResult>> SubmitAsync(IReadOnlyList<LoggedSubmission> entries, CancellationToken ct, bool answerOnWriter = false)
    {
        var pending = new Pending(entries, new TaskCompletionSource<IReadOnlyList<AppendResult>>(
            answerOnWriter ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously));
        await EnqueueAsync(pending, ct);
        return await pending.Done.Task;
    }

    /// <summary>Queues work for the writer; a writer that has stopped answers "store unavailable", as a failed commit does.</summary>
    private async ValueTask EnqueueAsync(Pending pending, CancellationToken ct)
    {
        try
        {
            await _queue.Writer.WriteAsync(pending, ct);
        }
        catch (ChannelClosedException e)
        {
            throw new StoreUnavailableException(e);
        }
    }

    /// <summary>
    /// Applies entries that are already in the log, read by the <see cref="LogFollower"/> in sequence order, to the
    /// live state on the writer; entries this node committed itself are skipped. Completes once they are visible.
    /// </summary>
    /// <returns>How many entries were applied (not skipped).</returns>
    public async Task<int> ApplyFollowedAsync(IReadOnlyList<LoggedSubmission> entries, CancellationToken ct)
    {
        var pending = new Pending(entries, new TaskCompletionSource<IReadOnlyList<AppendResult>>(TaskCreationOptions.RunContinuationsAsynchronously), Followed: true);
        await _queue.Writer.WriteAsync(pending, ct);
        return (await pending.Done.Task.WaitAsync(ct)).Count;
    }

    /// <summary>
    /// Takes a stored catalogue (new ranks, added or retired sources) into the live state on the writer, between
    /// commits, so that what a commit changed and what the new catalogue changed reach the viewers and the anomaly
    /// ranking in the order they happened, and no submission is validated against one catalogue and applied under another.
    /// </summary>
    /// <returns>How many box counts changed; null when the catalogue was the one already served (or needs a restart).</returns>
    public async Task<int?> ChangeSourcesAsync(StoredSources stored, CancellationToken ct)
    {
        var changed = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pending = new Pending([], new TaskCompletionSource<IReadOnlyList<AppendResult>>(TaskCreationOptions.RunContinuationsAsynchronously),
            Sources: (stored, changed));
        await EnqueueAsync(pending, ct);
        await pending.Done.Task.WaitAsync(ct);
        return await changed.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>();
        var entries = new List<LoggedSubmission>();
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                entries.Clear();
                // Followed entries and new catalogues are applied on their own, between commits.
                while (entries.Count < options.Value.MaxCommitBatch && reader.TryPeek(out var next) && next.IsCommit && reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                    entries.AddRange(pending.Entries);
                }
                if (batch.Count > 0) await CommitAsync(batch, entries, stoppingToken);
                else if (reader.TryRead(out var other))
                {
                    if (other.Sources is { } sources) ApplySources(other, sources.Stored, sources.Changed);
                    else ApplyFollowed(other);
                }
            }
        }
        finally
        {
            // The server is stopping (or the writer failed): nothing queued or in the commit under way is left waiting.
            // Whatever was not answered may or may not have reached the log, and a retry with the same client
            // submission id finds out: "not stored, send it again" is the true answer either way.
            _queue.Writer.TryComplete();
            var stopping = new StoreUnavailableException(new OperationCanceledException("The server is stopping."));
            Acknowledge(batch, null, stopping);
            while (reader.TryRead(out var left)) left.Done.TrySetException(stopping);
        }
    }

    private async Task CommitAsync(List<Pending> batch, List<LoggedSubmission> entries, CancellationToken ct)
    {
        var electionId = host.Election.Election.Id;
        IReadOnlyList<AppendResult> results;
        try
        {
            results = await AppendWithRetryAsync(electionId, entries, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Acknowledge(batch, null, new StoreUnavailableException(e));
            return;
        }
        var fresh = new List<LoggedSubmission>(results.Count);
        var counted = new List<LoggedSubmission>(results.Count);
        long first = long.MaxValue, last = 0;
        foreach (var result in results)
        {
            // An entry already in the log is applied as well: it is normally in the live state since its first
            // commit, and then applying it changes nothing; but if that commit reached the log while its answer was
            // lost, or another node of a cluster committed it, it is not yet, and its acknowledgement must still mean
            // "visible here".
            if (result.Entry.Accepted) counted.Add(result.Entry);
            if (result.AlreadyLogged || !result.Entry.Accepted) continue;
            first = Math.Min(first, result.Entry.Sequence);
            last = Math.Max(last, result.Entry.Sequence);
            fresh.Add(result.Entry);
        }
        var changes = host.Apply(counted);
        metrics.RecordVisible(fresh, time.GetUtcNow());
        metrics.RecordCommit(entries.Count);
        notifier.Changed(changes);
        anomalies.Changed(changes);
        // Every sequence between the two was taken by this commit (the election's lock was held). The follower reads
        // accepted entries only, so a commit without any needs no range.
        if (cluster.Enabled && fresh.Count > 0) _ownCommits.Add((first, last));
        Acknowledge(batch, results as AppendResult[] ?? [.. results], null);
        if (cluster.Enabled && fresh.Count > 0) cluster.Announce(electionId, last);
    }

    private void ApplyFollowed(Pending followed)
    {
        var entries = followed.Entries;
        var others = new List<LoggedSubmission>(entries.Count);
        foreach (var entry in entries)
        {
            if (!IsOwn(entry.Sequence)) others.Add(entry);
        }
        // The follower read the log in sequence order, so every commit of this node that ends at or before the last
        // entry read was visible to that read: its range can go.
        if (entries.Count > 0) _ownCommits.RemoveAll(c => c.Last <= entries[^1].Sequence);
        var changes = host.Apply(others);
        metrics.RecordFollowed(others, time.GetUtcNow());
        notifier.Changed(changes);
        anomalies.Changed(changes);
        followed.Done.TrySetResult([.. others.Select(e => new AppendResult(e, AlreadyLogged: true))]);
    }

    private void ApplySources(Pending pending, StoredSources stored, TaskCompletionSource<int?> changed)
    {
        try
        {
            var changes = host.ChangeSources(stored);
            if (changes is not null)
            {
                notifier.Changed(changes, force: true);
                anomalies.Changed(changes);
            }
            changed.TrySetResult(changes?.Count);
            pending.Done.TrySetResult([]);
        }
        catch (Exception e)
        {
            // A catalogue the races refuse must fail the caller, not the writer that every submission waits on.
            logger.LogError(e, "Taking a new source catalogue into the live state failed");
            changed.TrySetException(e);
            pending.Done.TrySetException(e);
        }
    }

    /// <summary>Whether a sequence lies in one of this node's commits (their ranges rise one after another).</summary>
    private bool IsOwn(long sequence)
    {
        int low = 0, high = _ownCommits.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var (first, last) = _ownCommits[middle];
            if (sequence < first) high = middle - 1;
            else if (sequence > last) low = middle + 1;
            else return true;
        }
        return false;
    }

    private static void Acknowledge(List<Pending> batch, AppendResult[]? results, Exception? failure)
    {
        var offset = 0;
        foreach (var pending in batch)
        {
            if (failure is not null) pending.Done.TrySetException(failure);
            else pending.Done.TrySetResult(new ArraySegment<AppendResult>(results!, offset, pending.Entries.Count));
            offset += pending.Entries.Count;
        }
    }

    /// <summary>Rides out a store that restarts or fails over: retries with back-off for the configured window.</summary>
    private async Task<IReadOnlyList<AppendResult>> AppendWithRetryAsync(string electionId, List<LoggedSubmission> entries, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                return await store.AppendAsync(electionId, entries, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not ArgumentException && clock.Elapsed < options.Value.StoreRetryWindow)
            {
                logger.LogWarning(e, "Appending {Count} entries failed; retrying in {Delay} ms", entries.Count, delay.TotalMilliseconds);
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(2_000, delay.TotalMilliseconds * 2));
            }
        }
    }

    private sealed record Pending(IReadOnlyList<LoggedSubmission> Entries, TaskCompletionSource<IReadOnlyList<AppendResult>> Done, bool Followed = false,
        (StoredSources Stored, TaskCompletionSource<int?> Changed)? Sources = null)
    {
        public bool IsCommit => !Followed && Sources is null;
    }
}
