using System.Runtime.CompilerServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandik.Domain.Anomalies;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Tallies;
using Sandik.Server.Hosting;
using Sandik.Server.Live;

namespace Sandik.Server.Anomalies;

/// <summary>
/// A live <see cref="AnomalyDetector"/> for the default race, all sources reconciled by trust. Once the election is
/// loaded it scans every box in the background; then ingest only queues the boxes it changed (<see cref="Changed"/>,
/// a set insert), and a background loop rescores them one by one (<see cref="AnomalyDetector.Update"/>, microseconds
/// each) and recomputes all statistics when enough boxes changed or enough time passed
/// (<see cref="LiveAnomalyOptions"/>). Readers rescore whatever is still queued first, so a ranking never lags the
/// counted tallies; only its statistics may be up to one refresh old (<see cref="Status"/> says how old).
/// Thread-safe: ingest, the background loop and any number of readers may call at once.
/// </summary>
public sealed partial class LiveAnomalies(ElectionHost host, IOptions<SandikServerOptions> options, TimeProvider time, IHostApplicationLifetime lifetime,
    ILogger<LiveAnomalies> logger)
    : BackgroundService
{
    private readonly Lock _queueGate = new();
    private readonly Lock _scoreGate = new();
    private HashSet<int> _queued = [];
    private volatile AnomalyDetector? _detector;
    private bool _builtBlind;
    private volatile bool _rebuildDue;
    private DateTimeOffset? _refreshedAt;
    private long _version;
    private event Action? Refreshed;

    private LiveAnomalyOptions Options => options.Value.Anomalies;

    /// <summary>Queues the boxes of one commit for rescoring; cheap, called on the ingest path.</summary>
    /// <remarks>
    /// A box is queued when what the detector reads of it may have moved: its counted tally took other numbers, or
    /// its sources were or are in conflict (a lower-ranked source's copy can open, widen or close a disagreement).
    /// A copy that only confirms the counted numbers — most of the night's submissions — changes neither and is not
    /// rescored. A change of another race queues the same box index of the default race, which is rescored for
    /// nothing (microseconds).
    /// </remarks>
    public void Changed(IReadOnlyList<BoxChange> changes)
    {
        if (changes.Count == 0) return;
        lock (_queueGate)
        {
            foreach (var change in changes)
            {
                // A box that left the count (its only copies are a retired source's) cannot be rescored into nothing:
                // the detector is built again over the boxes counted now (a second, for a rare administrative act).
                if (change.Counted is null) _rebuildDue = true;
                else if (MayMoveRanking(change)) _queued.Add(change.BoxIndex);
            }
        }
    }

    /// <summary>Whether a change can move the box's score: new counted numbers, or a disagreement before or after.</summary>
    public static bool MayMoveRanking(BoxChange change) =>
        change.Status == BoxStatus.Conflict || change.PreviousStatus == BoxStatus.Conflict
        || change.PreviousCounted is null || change.Counted is null || !change.PreviousCounted.Tally.Equals(change.Counted.Tally);

    /// <summary>
    /// Calls back after every full scan (the first one, and each refresh) until the returned handle is disposed: the
    /// screens follow tallies through <see cref="LiveNotifier"/>, but a refresh can reorder boxes when no tally changed.
    /// The callback runs on the background loop; it must hand its work to its own dispatcher.
    /// </summary>
    public IDisposable OnRefresh(Action callback)
    {
        Refreshed += callback;
        return new Subscription(() => Refreshed -= callback);
    }

    /// <summary>How current the ranking is.</summary>
    public AnomalyStatus Status
    {
        get
        {
            var detector = _detector;
            var withPrior = host.Prior is not null;
            if (detector is null) return AnomalyStatus.NotReady(withPrior);
            int queued;
            lock (_queueGate) queued = _queued.Count;
            var scored = detector.ScoredBoxes;
            return new AnomalyStatus(true, scored, FlaggedCount(scored), _refreshedAt, detector.LastRefresh.TotalMilliseconds,
                detector.PendingSinceRefresh, queued, withPrior);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStartedAsync(stoppingToken);
        try
        {
            Build();
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "The anomaly ranking could not be built; anomalies stay unavailable");
            return;
        }
        using var timer = new PeriodicTimer(Options.RescoreInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (_rebuildDue)
                {
                    _rebuildDue = false;
                    Build();
                    continue;
                }
                Rescore();
                if (RefreshDue()) Refresh();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Rescoring anomalies failed; the ranking keeps its last state");
            }
        }
    }

    /// <summary>A new detector over every counted tally, fully scanned.</summary>
    /// <remarks>
    /// Holds the scoring lock throughout, so no queued box is rescored on a detector about to be replaced. The first
    /// build blocks no reader: until a detector exists, readers do not take the lock.
    /// </remarks>
    private void Build()
    {
        AnomalyDetector detector;
        var prior = host.Prior?.Anomalies;
        lock (_scoreGate)
        {
            var live = host.DefaultRace;
            if (_detector is not null)
            {
                // The detector built before any count is dropped, and its memory collected, before its replacement is
                // made: both at once held about 100 MB more at the moment the count starts to pour in. Readers are told
                // the ranking is not ready for the second or two the build takes.
                _detector = null;
                GC.Collect();
            }
            // Whatever was applied so far is read below; what is applied from now on is queued and rescored again.
            lock (_queueGate) _queued.Clear();
            var (counts, gaps) = LiveInput.From(live, SourceView.All(live.Sources));
            detector = new AnomalyDetector(live.Geography, live.Race, counts, prior, sourceGaps: gaps);
            detector.Refresh();
            // Without counts or a prior the detector cannot tell the major choices yet: build it again at the next refresh.
            _builtBlind = prior is null && !AnyReported(counts);
            _detector = detector;
            _refreshedAt = time.GetUtcNow();
            Interlocked.Increment(ref _version);
        }
        Refreshed?.Invoke();
        logger.LogInformation("Anomalies: {Boxes} boxes ranked in {Ms} ms{Prior}", detector.ScoredBoxes, (long)detector.LastRefresh.TotalMilliseconds,
            prior is null ? "" : ", with the prior election");
    }

    /// <summary>Rescores the boxes queued by ingest against the last refresh's statistics.</summary>
    /// <remarks>
    /// Compiled fully at once: called four times a second, its loop would otherwise run unoptimised, then
    /// instrumented, for the first half minute or so of the night's peak.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Rescore()
    {
        if (_detector is null) return;
        lock (_scoreGate)
        {
            if (_detector is not { } detector) return;
            HashSet<int> boxes;
            lock (_queueGate)
            {
                if (_queued.Count == 0) return;
                boxes = _queued;
                _queued = [];
            }
            var live = host.DefaultRace;
            var view = SourceView.All(live.Sources);
            var choices = live.Race.Choices.Select(c => c.Id).ToList();
            foreach (var box in boxes)
            {
                var (counted, gap) = LiveInput.Of(live, view, box, choices);
                if (counted is not null) detector.Update(box, counted, gap);
            }
            Interlocked.Increment(ref _version);
        }
    }

    private bool RefreshDue()
    {
        if (_detector is not { } detector || detector.PendingSinceRefresh == 0) return false;
        var since = time.GetUtcNow() - _refreshedAt;
        return since >= Options.RefreshInterval || (since >= Options.MinRefreshGap && detector.PendingSinceRefresh >= Options.RefreshAfterBoxes);
    }

    /// <summary>Recomputes every statistic and score (about a second for the whole country).</summary>
    public void Refresh()
    {
        if (_builtBlind)
        {
            Build();
            return;
        }
        lock (_scoreGate)
        {
            if (_detector is not { } detector) return;
            detector.Refresh();
            _refreshedAt = time.GetUtcNow();
            Interlocked.Increment(ref _version);
        }
        Refreshed?.Invoke();
    }

    private static bool AnyReported(BoxCounts counts)
    {
        for (var box = 0; box < counts.BoxCount; box++)
        {
            if (counts.IsReported(box)) return true;
        }
        return false;
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }

    private int FlaggedCount(int scored) => scored == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(Options.FlaggedShare * scored));
}
