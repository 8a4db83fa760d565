using System.Diagnostics.Metrics;
using Sandik.Domain.Submissions;

namespace Sandik.Server.Ingest;

/// <summary>
/// Ingest figures: submissions committed, commits, and the delay from receipt to visibility in the live tallies.
/// Exposed through <see cref="System.Diagnostics.Metrics"/> (meter <c>Sandik.Ingest</c>) and as a snapshot with
/// percentiles over the most recent submissions. Thread-safe.
/// </summary>
public sealed class IngestMetrics : IDisposable
{
    private const int Window = 50_000;
    private readonly Meter _meter = new("Sandik.Ingest");
    private readonly Histogram<double> _visibleDelay;
    private readonly Counter<long> _committed;
    private readonly double[] _recent = new double[Window];
    private readonly Lock _gate = new();
    private long _recorded;
    private long _commits;
    private long _entries;

    public IngestMetrics()
    {
        _visibleDelay = _meter.CreateHistogram<double>("sandik.ingest.visible_delay", "ms", "Receipt to visibility in the live tallies");
        _committed = _meter.CreateCounter<long>("sandik.ingest.committed", "submissions", "Log entries committed");
    }

    /// <summary>Records, for entries that have just become visible, the delay since each was received.</summary>
    public void RecordVisible(IReadOnlyList<LoggedSubmission> visible, DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var entry in visible)
            {
                var ms = (now - entry.ReceivedAt).TotalMilliseconds;
                _visibleDelay.Record(ms);
                _recent[_recorded++ % Window] = ms;
            }
        }
    }

    public void RecordCommit(int entries)
    {
        _committed.Add(entries);
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _entries, entries);
    }

    public IngestSnapshot Snapshot()
    {
        double[] sample;
        long recorded;
        lock (_gate)
        {
            recorded = _recorded;
            sample = _recent.AsSpan(0, (int)Math.Min(recorded, Window)).ToArray();
        }
        Array.Sort(sample);
        return new IngestSnapshot(Interlocked.Read(ref _entries), Interlocked.Read(ref _commits), recorded,
            Percentile(sample, 0.5), Percentile(sample, 0.99), sample.Length == 0 ? 0 : sample[^1]);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public void Dispose() => _meter.Dispose();
}

/// <summary>Ingest figures at one moment; delays in milliseconds over the most recent submissions.</summary>
public sealed record IngestSnapshot(long Entries, long Commits, long Visible, double VisibleP50Ms, double VisibleP99Ms, double VisibleMaxMs);
