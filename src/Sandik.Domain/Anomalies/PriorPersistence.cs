using System.Runtime.CompilerServices;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// How much of a box's departure from its neighbourhood it already showed in the prior election, its prior being the
/// voters of its stretch of the list (<see cref="VoterLists"/>). Departures persist only in part — voters move, the
/// mood of a street changes, a few hundred ballots carry sampling noise — (on the 2015 boxes a correlation of 0.61 for
/// turnout and 0.66–0.80 for the large parties' shares). So a box is
/// expected at its neighbourhood's median plus a slope times its own prior departure from its neighbourhood's prior
/// median, one slope per metric fitted by least squares over every box with its own prior (departures beyond five
/// spreads left out); the neighbourhood's median and spread are then taken over its boxes with that part taken out.
/// Not thread-safe while fitting.
/// </summary>
public sealed class PriorPersistence
{
    private const double Trim = 5;
    private readonly PeerGroups _groups;
    private readonly Dictionary<int, int> _swingOf;
    // The neighbourhoods' prior medians, one slot per level metric with a swing (not one per metric): made at the
    // first fit, so that a detector without a prior election holds none.
    private readonly int[] _slotOf;
    private double[] _priorMedian = [];
    private readonly double[] _slope;
    private double[] _scratch = new double[256];

    /// <param name="levelOfSwing">Each swing metric with the level metric it is the change of.</param>
    public PriorPersistence(PeerGroups groups, int metricCount, IReadOnlyDictionary<int, int> levelOfSwing)
    {
        _groups = groups;
        _swingOf = levelOfSwing.ToDictionary(p => p.Value, p => p.Key);
        _slotOf = new int[metricCount];
        Array.Fill(_slotOf, -1);
        var slots = 0;
        foreach (var level in _swingOf.Keys) _slotOf[level] = slots++;
        _slope = new double[metricCount];
    }

    private int Slots => _swingOf.Count;

    /// <summary>The fitted slope of a level metric (0 before fitting, and for metrics without a prior).</summary>
    public double Slope(int metric) => _slope[metric];

    /// <summary>The part of a box's departure from its neighbourhood expected from its own prior departure (0 when unknown).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Adjustment(BoxMetrics metrics, int box, int metric)
    {
        var slope = _slope[metric];
        if (slope == 0 || !metrics.HasOwnPrior(box)) return 0;
        var prior = metrics[box, metric] - metrics[box, metrics.SwingOf(metric)];
        var median = _priorMedian[_groups.NeighbourhoodOf(box) * Slots + _slotOf[metric]];
        return double.IsNaN(prior) || double.IsNaN(median) ? 0 : slope * (prior - median);
    }

    /// <summary>Forgets the slopes, so that the neighbourhoods' plain medians can be taken first.</summary>
    public void Reset() => Array.Clear(_slope);

    /// <summary>Fits every slope from the neighbourhoods' plain medians and spreads in <paramref name="stats"/>.</summary>
    public void Fit(PeerStatistics stats, BoxMetrics metrics)
    {
        var hoods = _groups.GroupAreas().Where(a => _groups.Geography.Areas[a].Level == _groups.NeighbourhoodLevel).ToList();
        if (_priorMedian.Length == 0) _priorMedian = new double[_groups.Geography.Areas.Count * Slots];
        foreach (var (level, swing) in _swingOf)
        {
            double sxy = 0, sxx = 0;
            foreach (var hood in hoods)
            {
                if (stats.Count(hood, level) < stats.MinNeighbourhoodPeers) continue;
                var members = _groups.MembersOf(hood);
                if (_scratch.Length < members.Length) _scratch = new double[members.Length * 2];
                var n = 0;
                foreach (var box in members)
                {
                    if (metrics.HasOwnPrior(box) && metrics[box, level] - metrics[box, swing] is var p && !double.IsNaN(p)) _scratch[n++] = p;
                }
                var priorMedian = _priorMedian[hood * Slots + _slotOf[level]] = RobustStats.Median(_scratch.AsSpan(0, n));
                var (median, sigma) = (stats.Median(hood, level), stats.Sigma(hood, level));
                if (n < 2 || !(sigma > 0)) continue;
                foreach (var box in members)
                {
                    if (!metrics.HasOwnPrior(box)) continue;
                    var (x, y) = (metrics[box, level] - metrics[box, swing] - priorMedian, metrics[box, level] - median);
                    if (double.IsNaN(x) || double.IsNaN(y) || Math.Abs(x) > Trim * sigma || Math.Abs(y) > Trim * sigma) continue;
                    sxy += x * y;
                    sxx += x * x;
                }
            }
            _slope[level] = sxx > 0 ? Math.Clamp(sxy / sxx, 0, 1) : 0;
        }
    }
}
