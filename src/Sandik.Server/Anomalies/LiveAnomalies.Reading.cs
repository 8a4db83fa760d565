using Sandik.Domain.Anomalies;

namespace Sandik.Server.Anomalies;

// The reading side: rankings for the API and the screen, cached until the next rescoring or refresh.
public sealed partial class LiveAnomalies
{
    private const int CachedQueries = 64;
    private readonly Lock _cacheGate = new();
    private readonly Dictionary<AnomalyQuery, AnomalyReport> _reports = [];
    private long _cachedVersion = -1;
    private FlaggedBoxes? _flagged;

    /// <summary>The ranking narrowed by a query, after rescoring whatever ingest queued; null until the first scan is done.</summary>
    public AnomalyReport? Report(AnomalyQuery query)
    {
        if (Current() is not { } detector) return null;
        lock (_cacheGate)
        {
            Revalidate();
            if (_reports.TryGetValue(query, out var cached)) return cached;
        }
        var version = Interlocked.Read(ref _version);
        var report = detector.Report(query);
        lock (_cacheGate)
        {
            if (_cachedVersion == version && _reports.Count < CachedQueries) _reports[query] = report;
        }
        return report;
    }

    /// <summary>
    /// The top share of all scored boxes (<see cref="LiveAnomalyOptions.FlaggedShare"/>, the review budget of the
    /// evaluation): what the map counts and where extra observers go. Null until the first scan is done.
    /// </summary>
    public FlaggedBoxes? Flagged()
    {
        if (Current() is not { } detector) return null;
        lock (_cacheGate)
        {
            Revalidate();
            if (_flagged is { } cached) return cached;
        }
        var version = Interlocked.Read(ref _version);
        var flagged = new FlaggedBoxes(host.Election.Geography, detector.Report(new AnomalyQuery(Top: FlaggedCount(detector.ScoredBoxes))));
        lock (_cacheGate)
        {
            if (_cachedVersion == version) _flagged = flagged;
        }
        return flagged;
    }

    /// <summary>One box's score and reasons and whether it is among the flagged boxes; null until the first scan, or for a box not counted yet.</summary>
    public (BoxAnomaly Anomaly, bool Flagged)? Explain(int box)
    {
        if (Current() is not { } detector || detector.Explain(box) is not { } anomaly) return null;
        var flagged = Flagged()?.Report.Boxes.Any(b => b.BoxIndex == box) == true;
        return (anomaly, flagged);
    }

    private AnomalyDetector? Current()
    {
        Rescore();
        return _detector;
    }

    private void Revalidate()
    {
        var version = Interlocked.Read(ref _version);
        if (version == _cachedVersion) return;
        _reports.Clear();
        _flagged = null;
        _cachedVersion = version;
    }
}
