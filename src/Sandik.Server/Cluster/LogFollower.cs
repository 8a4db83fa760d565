using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandik.Domain.Submissions;
using Sandik.Server.Hosting;
using Sandik.Server.Ingest;
using Sandik.Server.Live;
using Sandik.Storage;

namespace Sandik.Server.Cluster;

/// <summary>
/// Keeps a node's live state equal to the whole log when several nodes ingest into one PostgreSQL store. The log
/// takes an election's appends one after another under its lock, so sequences grow in commit order: everything up to
/// the follower's cursor is in this node's state, and reading the accepted entries after the cursor finds every entry
/// committed since, whichever node committed it. The follower reads when another node announces a commit
/// (<see cref="ClusterBus"/>) and at least every <see cref="SandikServerOptions.FollowInterval"/>, and hands what it
/// reads to the <see cref="IngestQueue"/>'s writer, which applies it beside this node's own commits (skipping the
/// entries it committed itself). It also takes in a change of the source catalogue (ranks, a source added or retired) made through another node: at once when that
/// node's notice arrives, and otherwise within a follow interval, by reading the stored catalogue's one row. Applying is order-free — each box keeps every source's latest tally by sequence — so
/// another node's older entry applied after this node's newer one gives the state the log gives in sequence order.
/// On a single node it only reads the stored catalogue every follow interval, so that a source added or retired from
/// the command line (<c>sandik sources</c>) applies without a restart. Thread-safe.
/// </summary>
public sealed class LogFollower(IElectionStore store, ElectionHost host, IngestQueue queue, ClusterBus bus,
    IOptions<SandikServerOptions> options, ILogger<LogFollower> logger, TimeProvider time) : BackgroundService
{
    /// <summary>Entries handed to the writer at once.</summary>
    private const int Part = 4_096;

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _cursor;
    private int _sourcesDue = 1;
    private DateTimeOffset _sourcesCheckedAt;
    private long _followed;
    private long _reads;
    private readonly Lock _status = new();
    private DateTimeOffset? _lastRead;
    private string? _lastError;

    /// <summary>What the follower has done, for the metrics endpoint.</summary>
    public ClusterStatus Status() => new(bus.Enabled, bus.NodeId, bus.Connected, Interlocked.Read(ref _cursor), Interlocked.Read(ref _followed),
        Interlocked.Read(ref _reads), LastRead, LastError);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var electionId = host.Election.Election.Id;
        if (!bus.Enabled)
        {
            await WatchSourcesAsync(electionId, stoppingToken);
            return;
        }
        Interlocked.Exchange(ref _cursor, host.LoadedThroughSequence);
        bus.Appended += notice =>
        {
            if (notice.Election == electionId && notice.LastSequence > Interlocked.Read(ref _cursor)) _wake.Writer.TryWrite(true);
        };
        bus.SourcesChanged += election =>
        {
            if (election != electionId) return;
            Volatile.Write(ref _sourcesDue, 1);
            _wake.Writer.TryWrite(true);
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            // Redis first, on its own: whatever it does, the log is read below.
            try
            {
                await bus.StartAsync(); // a no-op once its client exists
                await bus.EnsureSubscribedAsync();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Joining the other nodes through Redis failed ({Message}); following the log by polling", e.Message);
            }
            try
            {
                await CatchUpAsync(stoppingToken);
                await CheckSourcesAsync(electionId, stoppingToken);
                LastError = null;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The store is restarting or failing over: the cursor has not moved, so the next round reads it all.
                LastError = e.Message;
                logger.LogWarning(e, "Following the log after sequence {Cursor} failed; trying again", Interlocked.Read(ref _cursor));
            }
            await WaitAsync(stoppingToken);
        }
    }

    private async Task WatchSourcesAsync(string electionId, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await CheckSourcesAsync(electionId, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Reading the stored sources of {Election} failed; trying again", electionId);
            }
            try
            {
                await Task.Delay(options.Value.FollowInterval, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private DateTimeOffset? LastRead
    {
        get { lock (_status) return _lastRead; }
        set { lock (_status) _lastRead = value; }
    }

    private string? LastError
    {
        get { lock (_status) return _lastError; }
        set { lock (_status) _lastError = value; }
    }

    private async Task WaitAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.FollowInterval);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The interval passed without a notice: read anyway.
        }
    }

    private async Task CatchUpAsync(CancellationToken ct)
    {
        var part = new List<LoggedSubmission>(Part);
        await foreach (var entry in store.ReadCountedLogAsync(host.Election, Interlocked.Read(ref _cursor), long.MaxValue, ct))
        {
            part.Add(entry);
            if (part.Count == Part) await HandOverAsync(part, ct);
        }
        if (part.Count > 0) await HandOverAsync(part, ct);
        Interlocked.Increment(ref _reads);
        LastRead = time.GetUtcNow();
    }

    /// <summary>Takes in sources and ranks another node stored, when it said so or a follow interval after the last look.</summary>
    private async Task CheckSourcesAsync(string electionId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Exchange(ref _sourcesDue, 0) == 0 && now - _sourcesCheckedAt < options.Value.FollowInterval) return;
        try
        {
            _sourcesCheckedAt = now;
            if (await store.LoadSourcesAsync(electionId, ct) is { } stored && !host.Election.Sources.SameAs(stored.Catalog))
                await queue.ChangeSourcesAsync(stored, ct);
        }
        catch
        {
            Volatile.Write(ref _sourcesDue, 1); // look again next round
            throw;
        }
    }

    private async Task HandOverAsync(List<LoggedSubmission> part, CancellationToken ct)
    {
        var last = part[^1].Sequence;
        var applied = await queue.ApplyFollowedAsync([.. part], ct);
        Interlocked.Add(ref _followed, applied);
        Interlocked.Exchange(ref _cursor, last);
        part.Clear();
    }
}

/// <summary>A node's place in a cluster: its name, whether Redis answers, and how far it has followed the log.</summary>
public sealed record ClusterStatus(bool Enabled, string Node, bool RedisConnected, long FollowedThroughSequence, long FollowedEntries,
    long Reads, DateTimeOffset? LastRead, string? LastError);
