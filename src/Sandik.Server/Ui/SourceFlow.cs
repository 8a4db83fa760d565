using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sandik.Domain.Tallies;
using Sandik.Server.Live;

namespace Sandik.Server.Ui;

/// <summary>
/// What the operations centre remembers of the night beyond the live state: boxes received per source over time
/// (sampled every <see cref="Interval"/>), the time of the last pushed update, and each view's source coverage,
/// measured at most once per <see cref="CoverageMaxAge"/> however many screens ask. Thread-safe.
/// </summary>
public sealed class SourceFlow(ElectionHost host, LiveNotifier notifier, TimeProvider time, ILogger<SourceFlow> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan CoverageMaxAge = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<uint, (DateTimeOffset At, SourceCoverage Coverage)> _coverage = [];
    private FlowSeries? _series;
    private long _lastUpdateTicks;

    /// <summary>The samples so far; empty until the election is loaded.</summary>
    public FlowSeries Series => _series ?? new FlowSeries(0);

    /// <summary>When the live state last changed (the last push), or when the server loaded it.</summary>
    public DateTimeOffset LastUpdate => new(Interlocked.Read(ref _lastUpdateTicks), TimeSpan.Zero);

    public SourceCoverage Coverage(LiveRace live, SourceView view)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_coverage.TryGetValue(view.Mask, out var cached) && (cached.Coverage.Version == live.Version || now - cached.At < CoverageMaxAge))
                return cached.Coverage;
        }
        var measured = SourceCoverage.Measure(live, view);
        lock (_gate)
        {
            if (_coverage.Count > 64) _coverage.Clear();
            _coverage[view.Mask] = (now, measured);
        }
        return measured;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Interlocked.Exchange(ref _lastUpdateTicks, time.GetUtcNow().UtcTicks);
        using var subscription = notifier.Subscribe(update =>
        {
            Interlocked.Exchange(ref _lastUpdateTicks, update.At.UtcTicks);
            return Task.CompletedTask;
        });
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                Sample();
            }
            catch (InvalidOperationException e)
            {
                logger.LogDebug(e, "No sample yet: the election is not loaded.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void Sample()
    {
        var live = host.DefaultRace;
        var series = _series ??= new FlowSeries(live.Sources.Count);
        var boxes = new long[live.Sources.Count];
        for (var s = 0; s < boxes.Length; s++) boxes[s] = live.Totals(0, SourceView.Only(s)).BoxesCounted;
        series.Add(new FlowSample(time.GetUtcNow(), boxes));
    }
}
