using System.Runtime.CompilerServices;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// Median and robust spread of every metric over the boxes of every neighbourhood and district, and for each
/// district the typical spread inside one of its neighbourhoods (used to steady the spread of neighbourhoods with few
/// boxes). Refreshing everything is one pass over the boxes per metric; refreshing one area touches only its
/// members. Not thread-safe.
/// </summary>
public sealed class PeerStatistics
{
    private readonly PeerGroups _groups;
    private readonly int[] _used;
    // Statistics are kept for the compared metrics only: a row per area of one slot per compared metric. The whole
    // country holds some 50,000 areas, and a slot for every metric (every choice's share and swing) took about 100 MB.
    // They stay in double precision: a box that departs from its neighbourhood exactly as it did in the prior election
    // must be found exactly where it is expected, which rounding the medians would spoil.
    private readonly int[] _slotOf;
    private readonly int _slots;
    private readonly double[] _median;
    private readonly double[] _sigma;
    private readonly int[] _count;
    private readonly double[] _typical;
    private readonly double[] _slope;
    private readonly double[] _meanPrior;
    private readonly Dictionary<int, int> _levelOfSwing;
    private readonly PriorPersistence? _persistence;
    private readonly double[] _typicalRegistered;
    private double[] _scratch = new double[256];
    private double[] _priors = new double[256];

    /// <summary>The median registered voters of an area's reported boxes (NaN before a refresh).</summary>
    public double TypicalRegistered(int area) => _typicalRegistered[area];

    /// <param name="used">The metrics that are compared (others are left without statistics); all when null.</param>
    /// <param name="levelOfSwing">For each swing metric, the level metric it is the change of: a district's swings are
    /// then taken relative to where each box started (see <see cref="ExpectedSwing"/>).</param>
    public PeerStatistics(PeerGroups groups, int metricCount, int minNeighbourhoodPeers, IReadOnlyList<int>? used = null,
        IReadOnlyDictionary<int, int>? levelOfSwing = null, bool withPersistence = false)
    {
        _levelOfSwing = levelOfSwing is null ? [] : new Dictionary<int, int>(levelOfSwing);
        _persistence = withPersistence && levelOfSwing is not null ? new PriorPersistence(groups, metricCount, levelOfSwing) : null;
        _groups = groups;
        _used = [.. used ?? Enumerable.Range(0, metricCount)];
        _slotOf = new int[metricCount];
        Array.Fill(_slotOf, -1);
        foreach (var m in _used)
        {
            if (_slotOf[m] < 0) _slotOf[m] = _slots++;
        }
        MinNeighbourhoodPeers = minNeighbourhoodPeers;
        var size = groups.Geography.Areas.Count * _slots;
        _median = new double[size];
        _sigma = new double[size];
        _count = new int[size];
        _typical = new double[size];
        _slope = new double[size];
        _meanPrior = new double[size];
        _typicalRegistered = new double[groups.Geography.Areas.Count];
        Array.Fill(_typicalRegistered, double.NaN);
    }

    /// <summary>Where an area's statistic of a metric is kept; -1 for a metric that is not compared.</summary>
    private int At(int area, int metric) => _slotOf[metric] is var slot and >= 0 ? area * _slots + slot : -1;

    /// <summary>Fewest boxes for a district's swing to be related to where its boxes started.</summary>
    public const int MinBoxesForSlope = 20;

    /// <summary>
    /// The swing a box is expected to show given where it started: the group's median swing, plus, for a district,
    /// its slope times how far the box's prior level is from the district's mean prior level. Small units regress to
    /// the mean between elections — a village with a low turnout last time tends to rise — so a district's swings
    /// are compared after that is taken out.
    /// </summary>
    public double ExpectedSwing(int area, int metric, double priorLevel)
    {
        var at = At(area, metric);
        if (at < 0) return 0;
        return _slope[at] == 0 || double.IsNaN(priorLevel) ? _median[at] : _median[at] + _slope[at] * (priorLevel - _meanPrior[at]);
    }

    public int MinNeighbourhoodPeers { get; }

    /// <summary>The median of the metric over the area's boxes (0 for a metric that is not compared).</summary>
    public double Median(int area, int metric) => At(area, metric) is var at and >= 0 ? _median[at] : 0;

    /// <summary>MAD scaled to a standard deviation (0 for a metric that is not compared).</summary>
    public double Sigma(int area, int metric) => At(area, metric) is var at and >= 0 ? _sigma[at] : 0;

    /// <summary>Boxes of the area with a value for the metric (0 for a metric that is not compared).</summary>
    public int Count(int area, int metric) => At(area, metric) is var at and >= 0 ? _count[at] : 0;

    /// <summary>For a district: the median spread of the metric inside its neighbourhoods that are peer groups
    /// (NaN when none is, or when the metric is not compared).</summary>
    public double TypicalNeighbourhoodSigma(int district, int metric) => At(district, metric) is var at and >= 0 ? _typical[at] : double.NaN;

    /// <summary>How a box's own prior departure carries over, when the statistics take it into account.</summary>
    public PriorPersistence? Persistence => _persistence;

    public void RefreshAll(BoxMetrics metrics)
    {
        _persistence?.Reset();
        foreach (var area in _groups.GroupAreas())
        {
            RefreshTypicalRegistered(area, metrics);
            Refresh(area, metrics, persistentOnly: false);
        }
        if (_persistence is not null && metrics.HasPrior)
        {
            // The slopes come from the plain medians; the neighbourhoods are then measured with the persistent part out
            // (only the metrics with a slope change).
            _persistence.Fit(this, metrics);
            foreach (var area in _groups.GroupAreas())
            {
                if (_groups.Geography.Areas[area].Level == _groups.NeighbourhoodLevel) Refresh(area, metrics, persistentOnly: true);
            }
        }
        RefreshTypicalSpreads();
    }

    private void RefreshTypicalRegistered(int area, BoxMetrics metrics)
    {
        var members = _groups.MembersOf(area);
        if (_scratch.Length < members.Length) _scratch = new double[members.Length * 2];
        var reported = 0;
        foreach (var box in members)
        {
            var r = metrics.Registered(box);
            if (!double.IsNaN(r)) _scratch[reported++] = r;
        }
        _typicalRegistered[area] = RobustStats.Median(_scratch.AsSpan(0, reported));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Refresh(int area, BoxMetrics metrics, bool persistentOnly)
    {
        var members = _groups.MembersOf(area);
        if (_scratch.Length < members.Length) _scratch = new double[members.Length * 2];
        if (_priors.Length < members.Length) _priors = new double[members.Length * 2];
        var isDistrict = _groups.Geography.Areas[area].Level == _groups.DistrictLevel;
        foreach (var m in _used)
        {
            var persistent = !isDistrict && _persistence is not null && _persistence.Slope(m) != 0;
            if (persistentOnly && !persistent) continue;
            if (isDistrict && _levelOfSwing.TryGetValue(m, out var level) && RefreshSwing(area, m, level, members, metrics)) continue;
            var n = 0;
            foreach (var box in members)
            {
                var value = metrics[box, m];
                if (!double.IsNaN(value)) _scratch[n++] = persistent ? value - _persistence!.Adjustment(metrics, box, m) : value;
            }
            var (median, sigma) = RobustStats.MedianAndSigma(_scratch.AsSpan(0, n));
            var at = At(area, m);
            _median[at] = median;
            _sigma[at] = sigma;
            _count[at] = n;
            _slope[at] = 0;
        }
    }

    // A district's swings around a line in the boxes' prior levels; false when too few boxes for a slope.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool RefreshSwing(int area, int metric, int level, ReadOnlySpan<int> members, BoxMetrics metrics)
    {
        var n = 0;
        double sumPrior = 0, sumSwing = 0;
        foreach (var box in members)
        {
            var swing = metrics[box, metric];
            var prior = metrics[box, level] - swing;
            if (double.IsNaN(swing) || double.IsNaN(prior)) continue;
            _scratch[n] = swing;
            _priors[n++] = prior;
            sumPrior += prior;
            sumSwing += swing;
        }
        if (n < MinBoxesForSlope) return false;
        double meanPrior = sumPrior / n, meanSwing = sumSwing / n, sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (_priors[i] - meanPrior) * (_scratch[i] - meanSwing);
            sxx += (_priors[i] - meanPrior) * (_priors[i] - meanPrior);
        }
        var slope = sxx > 0 ? Math.Clamp(sxy / sxx, -1, 1) : 0;
        for (var i = 0; i < n; i++) _scratch[i] -= slope * (_priors[i] - meanPrior);
        var (median, sigma) = RobustStats.MedianAndSigma(_scratch.AsSpan(0, n));
        var at = At(area, metric);
        _median[at] = median;
        _sigma[at] = sigma;
        _count[at] = n;
        _slope[at] = slope;
        _meanPrior[at] = meanPrior;
        return true;
    }

    private void RefreshTypicalSpreads()
    {
        var geography = _groups.Geography;
        var hoodsByDistrict = new Dictionary<int, List<int>>();
        foreach (var area in _groups.GroupAreas())
        {
            if (geography.Areas[area].Level != _groups.NeighbourhoodLevel) continue;
            var district = geography.AncestorAt(area, _groups.DistrictLevel).Index;
            if (!hoodsByDistrict.TryGetValue(district, out var list)) hoodsByDistrict[district] = list = [];
            list.Add(area);
        }
        Array.Fill(_typical, double.NaN);
        foreach (var (district, hoods) in hoodsByDistrict)
        {
            if (_scratch.Length < hoods.Count) _scratch = new double[hoods.Count * 2];
            foreach (var m in _used)
            {
                var n = 0;
                foreach (var hood in hoods)
                {
                    if (Count(hood, m) >= MinNeighbourhoodPeers) _scratch[n++] = Sigma(hood, m);
                }
                _typical[At(district, m)] = RobustStats.Median(_scratch.AsSpan(0, n));
            }
        }
    }
}
