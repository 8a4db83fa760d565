using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sandik.Domain.Projection;
using Sandik.Domain.Projection.Golden;
using Sandik.Domain.Sources;
using Sandik.Domain.Tallies;
using Sandik.Server.Hosting;
using Sandik.Server.Live;
using Sandik.Storage.Projection;

namespace Sandik.Server.Projection;

/// <summary>
/// The live projection of each race, for the API and the screens: one <see cref="LiveProjector"/> per race (built once,
/// off the request thread, with <see cref="ElectionHost.Prior"/>), and the latest snapshot of each source view, made
/// again at most every <see cref="Interval"/> whatever the traffic. Projections run on the <see cref="ProjectionWorker"/>'s
/// own thread and read the live state like any reader, so neither ingest nor the thread pool waits for them. The
/// all-sources view of the default race is kept current in the background, and each of its snapshots joins the race's
/// <see cref="ConvergenceHistory"/>.
/// </summary>
/// <remarks>Thread-safe. Subscribers are called after every new snapshot, on a thread-pool thread.</remarks>
public sealed class ProjectionService(ElectionHost host, ProjectionWorker worker, GoldenSampleStore samples, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<ProjectionService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A view is made again no sooner than this many times its last projection took after it started: on a loaded
    /// machine projections slow down, and then come less often instead of taking the cores the count needs. At sixteen,
    /// a view takes at most a sixteenth of one core: at a night's peak (a projection of the whole country takes about
    /// 0.5 s beside ingest on two cores) a snapshot every 8 s or so; screens asking sooner get the last one. At four
    /// the projection took a tenth of the server's CPU, at eight 7.6 % of its samples in a profile (docs/benchmarks.md).
    /// </summary>
    private const int MaxDutyInverse = 16;

    private const double BackgroundStep = 0.001;

    private static readonly TimeSpan BackgroundMaxAge = TimeSpan.FromSeconds(30);

    private const int MaxViews = 32;

    private readonly RaceProjectors _projectors = new(host, worker, samples, logger);
    private readonly ConcurrentDictionary<string, ConvergenceHistory> _histories = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Race, uint Mask), ViewSlot> _views = [];
    private readonly List<Func<Task>> _subscribers = [];

    /// <summary>The latest snapshot of a view, at once (null until the first is made); starts a new one when it is stale.</summary>
    public ProjectionSnapshot? Latest(LiveRace live, SourceView view)
    {
        lock (_gate) return Schedule(live, view).Serve;
    }

    /// <summary>
    /// The snapshot of a view: the latest when it is current or was made less than <see cref="Interval"/> ago (longer on
    /// a loaded machine), else a new one.
    /// </summary>
    public Task<ProjectionSnapshot> ProjectAsync(LiveRace live, SourceView view, CancellationToken ct)
    {
        lock (_gate)
        {
            var (serve, wait) = Schedule(live, view);
            return wait is null ? Task.FromResult(serve!) : wait.WaitAsync(ct);
        }
    }

    /// <summary>
    /// The golden-box quick count of a view (a few milliseconds: it reads only the sampled boxes); null until the race's
    /// projector, which designs the sample from the prior, is ready.
    /// </summary>
    public GoldenEstimate? QuickCount(LiveRace live, SourceView view)
    {
        var task = _projectors.For(live);
        return task.IsCompletedSuccessfully ? GoldenQuickCount.Estimate(task.Result.GoldenSample, live, view) : null;
    }

    /// <summary>The codes of the race's golden boxes; null until its projector, which designs the sample, is ready.</summary>
    public IReadOnlySet<string>? GoldenBoxes(LiveRace live)
    {
        var task = _projectors.For(live);
        return task.IsCompletedSuccessfully ? task.Result.GoldenCodes : null;
    }

    /// <summary>The national convergence of a race's projection in the view of every source, fewest boxes first.</summary>
    public IReadOnlyList<ConvergencePoint> History(LiveRace live) => HistoryOf(live).Points();

    /// <summary>Calls back after every new snapshot until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<Task> onProjected)
    {
        lock (_gate) _subscribers.Add(onProjected);
        return new Subscription(this, onProjected);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStartedAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var live = host.DefaultRace;
                if (BackgroundDue(live, time.GetUtcNow())) Latest(live, SourceView.All(live.Sources));
            }
            catch (InvalidOperationException e)
            {
                logger.LogDebug(e, "No projection yet: the election is not loaded.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Whether the background should project the all-sources view again: when nothing is projected yet, when the count
    /// has moved by <see cref="BackgroundStep"/> of the boxes, when the trust ranks changed, or when it has changed at all and the snapshot is
    /// <see cref="BackgroundMaxAge"/> old. Screens and the API still get a new snapshot every <see cref="Interval"/>.
    /// </summary>
    private bool BackgroundDue(LiveRace live, DateTimeOffset now)
    {
        ViewSlot? slot;
        lock (_gate) _views.TryGetValue((live.Race.Id, live.Sources.CountedMask), out slot);
        if (slot?.Snapshot is not { } snapshot) return true;
        if (snapshot.Version == live.Version) return false;
        // New trust ranks count other tallies in the same boxes: the number counted does not move, the result does.
        if (!ReferenceEquals(slot.Ranks, live.Sources)) return true;
        var counted = live.Totals(live.Geography.Root.Index, SourceView.All(live.Sources)).BoxesCounted;
        return Math.Abs(counted - snapshot.BoxesCounted) >= Math.Max(1, snapshot.BoxesTotal * BackgroundStep) || now - slot.MadeAt >= BackgroundMaxAge;
    }

    /// <summary>What to serve now, and the run to wait for when what there is may not be served; under the gate.</summary>
    private (ProjectionSnapshot? Serve, Task<ProjectionSnapshot>? Wait) Schedule(LiveRace live, SourceView view)
    {
        var now = time.GetUtcNow();
        var key = (live.Race.Id, view.Mask);
        if (!_views.TryGetValue(key, out var slot))
        {
            if (_views.Count >= MaxViews) Evict();
            _views[key] = slot = new ViewSlot();
        }
        if (slot.Snapshot is { } current && current.Version == live.Version) return (current, null);
        var throttled = slot.Snapshot is not null && now < slot.NextAllowed;
        slot.Running ??= Start(slot, live, view, throttled ? slot.NextAllowed - now : TimeSpan.Zero);
        return throttled ? (slot.Snapshot, null) : (slot.Snapshot, slot.Running);
    }

    private Task<ProjectionSnapshot> Start(ViewSlot slot, LiveRace live, SourceView view, TimeSpan delay) =>
        Task.Run(() => RunAsync(slot, live, view, delay));

    private async Task<ProjectionSnapshot> RunAsync(ViewSlot slot, LiveRace live, SourceView view, TimeSpan delay)
    {
        ProjectionSnapshot snapshot;
        SourceCatalog ranks;
        try
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, time);
            var race = await _projectors.For(live);
            ranks = live.Sources;
            var started = time.GetUtcNow();
            lock (_gate) slot.NextAllowed = started + Interval;
            snapshot = await worker.Run(() => race.Projector.Project(live, view));
            var took = time.GetUtcNow() - started;
            lock (_gate) slot.NextAllowed = started + (took * MaxDutyInverse > Interval ? took * MaxDutyInverse : Interval);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Projection of race {Race} in view {Mask} failed", live.Race.Id, view.Mask);
            lock (_gate) slot.Running = null;
            throw;
        }
        lock (_gate)
        {
            // A change that arrived during the run is projected at the next request (screens ask again when told of
            // this snapshot), or by the background loop for the all-sources view.
            slot.Snapshot = snapshot;
            slot.MadeAt = time.GetUtcNow();
            slot.Ranks = ranks;
            slot.Running = null;
        }
        if (view.Mask == live.Sources.CountedMask) HistoryOf(live).Add(snapshot, time.GetUtcNow());
        await NotifyAsync();
        return snapshot;
    }

    private ConvergenceHistory HistoryOf(LiveRace live) => _histories.GetOrAdd(live.Race.Id, _ => new ConvergenceHistory());

    /// <summary>Forgets the views nobody is waiting for but those of every source; under the gate.</summary>
    private void Evict()
    {
        foreach (var (key, slot) in _views.ToList())
        {
            if (slot.Running is null && slot.Snapshot is not null && key.Mask != host.Race(key.Race)?.Sources.AllMask) _views.Remove(key);
        }
    }

    private async Task NotifyAsync()
    {
        Func<Task>[] subscribers;
        lock (_gate) subscribers = [.. _subscribers];
        foreach (var subscriber in subscribers)
        {
            try { await subscriber(); }
            catch (Exception e) { logger.LogDebug(e, "A projection subscriber failed"); }
        }
    }

    private sealed class ViewSlot
    {
        public ProjectionSnapshot? Snapshot;
        public Task<ProjectionSnapshot>? Running;
        public DateTimeOffset NextAllowed = DateTimeOffset.MinValue;
        public DateTimeOffset MadeAt;

        /// <summary>The catalogue (and so the trust ranks) the snapshot was made under.</summary>
        public SourceCatalog? Ranks;
    }

    private sealed class Subscription(ProjectionService owner, Func<Task> callback) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._subscribers.Remove(callback);
        }
    }
}
