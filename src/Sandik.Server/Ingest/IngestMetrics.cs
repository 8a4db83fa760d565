using System.Diagnostics.Metrics;
using Sandik.Domain.Submissions;

namespace Sandik.Server.Ingest;

/// <summary>
/// Ingest figures: submissions committed, commits, and the delay from receipt to visibility in the live tallies —
/// of this node's own submissions, and, on a node of a cluster, of those another node received (receipt there to
/// visibility here). Exposed through <see cref="System.Diagnostics.Metrics"/> (meter <c>Sandik.Ingest</c>) and as a
/// snapshot with percentiles over the most recent submissions. Thread-safe.
/// </summary>
public sealed class IngestMetrics : IDisposable
{
    private readonly Meter _meter = new("Sandik.Ingest");
    private readonly Counter<long> _committed;
    private readonly DelayWindow _visible;
    private readonly DelayWindow _followed;
    private long _commits;
    private long _entries;

    public IngestMetrics()
    {
        _visible = new DelayWindow(_meter.CreateHistogram<double>("sandik.ingest.visible_delay", "ms", "Receipt to visibility in the live tallies"));
        _followed = new DelayWindow(_meter.CreateHistogram<double>("sandik.cluster.follow_delay", "ms",
            "Receipt on another node of the cluster to visibility in this node's live tallies"));
        _committed = _meter.CreateCounter<long>("sandik.ingest.committed", "submissions", "Log entries committed");
    }

    /// <summary>Records, for entries that have just become visible, the delay since each was received.</summary>
    public void RecordVisible(IReadOnlyList<LoggedSubmission> visible, DateTimeOffset now) => _visible.Record(visible, now);

    /// <summary>The same for entries another node received, read from the log by this node's follower.</summary>
    public void RecordFollowed(IReadOnlyList<LoggedSubmission> visible, DateTimeOffset now) => _followed.Record(visible, now);

    public void RecordCommit(int entries)
    {
        _committed.Add(entries);
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _entries, entries);
    }

    public IngestSnapshot Snapshot()
    {
        var (visible, visibleP50, visibleP99, visibleMax) = _visible.Read();
        var (followed, followedP50, followedP99, followedMax) = _followed.Read();
        return new IngestSnapshot(Interlocked.Read(ref _entries), Interlocked.Read(ref _commits), visible, visibleP50, visibleP99, visibleMax,
            followed, followedP50, followedP99, followedMax);
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>A histogram, and the most recent delays for percentiles.</summary>
    private sealed class DelayWindow(Histogram<double> histogram)
    {
        private const int Window = 50_000;
        private readonly double[] _recent = new double[Window];
        private readonly Lock _gate = new();
        private long _recorded;

        public void Record(IReadOnlyList<LoggedSubmission> visible, DateTimeOffset now)
        {
            lock (_gate)
            {
                foreach (var entry in visible)
                {
                    var ms = (now - entry.ReceivedAt).TotalMilliseconds;
                    histogram.Record(ms);
                    _recent[_recorded++ % Window] = ms;
                }
            }
        }

        public (long Recorded, double P50, double P99, double Max) Read()
        {
            double[] sample;
            long recorded;
            lock (_gate)
            {
                recorded = _recorded;
                sample = _recent.AsSpan(0, (int)Math.Min(recorded, Window)).ToArray();
            }
            Array.Sort(sample);
            return (recorded, Percentile(sample, 0.5), Percentile(sample, 0.99), sample.Length == 0 ? 0 : sample[^1]);
        }

        private static double Percentile(double[] sorted, double p) =>
            sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}

/// <summary>
/// Ingest figures at one moment; delays in milliseconds over the most recent submissions: this node's own
/// (<c>Visible…</c>), and other nodes' followed from the log (<c>Followed…</c>, zero on a single node).
/// </summary>
public sealed record IngestSnapshot(long Entries, long Commits, long Visible, double VisibleP50Ms, double VisibleP99Ms, double VisibleMaxMs,
    long Followed, double FollowedP50Ms, double FollowedP99Ms, double FollowedMaxMs);
