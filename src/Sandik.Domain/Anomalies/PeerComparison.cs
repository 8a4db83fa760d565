using System.Runtime.CompilerServices;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// Places a box among its peers: the boxes of its neighbourhood when it has enough of them, else the change since the
/// prior election against its district's changes, else its district. Spreads of small neighbourhoods are steadied
/// towards the district's typical neighbourhood spread, and never fall below sampling noise (a box of 80 voters
/// is noisier than one of 350). Reads shared state only; the owner refreshes it.
/// </summary>
public sealed class PeerComparison(PeerGroups groups, PeerStatistics stats, BoxMetrics metrics, AnomalyOptions options,
    PriorBaseline? prior = null, VoteComponents? components = null)
{
    public PeerGroups Groups => groups;

    public BoxMetrics Metrics => metrics;

    /// <summary>A level metric (turnout, invalid share, a share) against the neighbourhood or, failing that, the district.</summary>
    /// <param name="denominator">What the ratio is taken over (registered, voters, valid votes), for the sampling floor.</param>
    public Standing Level(int box, int metric, double denominator)
    {
        var value = metrics[box, metric];
        if (double.IsNaN(value) || denominator <= 0) return Standing.None;
        var hood = groups.NeighbourhoodOf(box);
        return stats.Count(hood, metric) >= options.MinNeighbourhoodPeers
            ? Against(box, value, hood, metric, denominator, double.NaN, PeerBasis.Neighbourhood)
            : Against(box, value, groups.DistrictOf(box), metric, denominator, double.NaN, PeerBasis.District);
    }

    /// <summary>A swing metric against the swings of the neighbourhood or, failing that, the district.</summary>
    /// <param name="level">The box's current value of the swinging ratio, for the sampling floor.</param>
    public Standing Swing(int box, int metric, double denominator, double level)
    {
        var value = metrics[box, metric];
        if (double.IsNaN(value) || denominator <= 0) return Standing.None;
        var hood = groups.NeighbourhoodOf(box);
        if (stats.Count(hood, metric) >= options.MinNeighbourhoodPeers)
            return Against(box, value, hood, metric, denominator, level, PeerBasis.Neighbourhood);
        var district = groups.DistrictOf(box);
        return stats.Count(district, metric) >= options.MinNeighbourhoodPeers
            ? Against(box, value, district, metric, denominator, level, PeerBasis.DistrictSwing)
            : Standing.None;
    }

    /// <summary>
    /// The basis a box's pattern dimensions are judged on: the neighbourhood's levels when it has enough boxes, else
    /// the district's swings when there is a prior, else the district's levels.
    /// </summary>
    public PeerBasis PatternBasis(int box)
    {
        if (double.IsNaN(metrics[box, BoxMetrics.Turnout])) return PeerBasis.None;
        if (stats.Count(groups.NeighbourhoodOf(box), BoxMetrics.Turnout) >= options.MinNeighbourhoodPeers) return PeerBasis.Neighbourhood;
        var district = groups.DistrictOf(box);
        if (!double.IsNaN(metrics[box, BoxMetrics.TurnoutSwing]) && stats.Count(district, BoxMetrics.TurnoutSwing) >= options.MinNeighbourhoodPeers)
            return PeerBasis.DistrictSwing;
        return stats.Count(district, BoxMetrics.Turnout) >= 2 ? PeerBasis.District : PeerBasis.None;
    }

    /// <summary>The standing of each pattern dimension (turnout, major shares, invalid share) on the given basis.</summary>
    public void Dimensions(int box, PeerBasis basis, VoteComponents components, double registered, double voted, double valid, Span<Standing> into)
    {
        var area = basis == PeerBasis.Neighbourhood ? groups.NeighbourhoodOf(box) : groups.DistrictOf(box);
        for (var k = 0; k < components.Count; k++)
        {
            var (metric, denominator) = k == VoteComponents.Turnout ? (BoxMetrics.Turnout, registered)
                : k == components.Invalid ? (BoxMetrics.InvalidShare, voted)
                : k - 1 < components.Majors.Length ? (metrics.Share(components.Majors[k - 1]), valid)
                : (BoxMetrics.OthersShare, valid);
            if (basis == PeerBasis.None || denominator <= 0)
            {
                into[k] = Standing.None;
                continue;
            }
            var level = metrics[box, metric];
            into[k] = basis == PeerBasis.DistrictSwing
                ? Against(box, metrics[box, metrics.SwingOf(metric)], area, metrics.SwingOf(metric), denominator, level, basis)
                : Against(box, level, area, metric, denominator, double.NaN, basis);
        }
    }

    private double StretchSpread(int box, int metric)
    {
        var level = metrics.LevelOf(metric);
        return level switch
        {
            BoxMetrics.Turnout => prior!.StretchSpread(box, PriorRatio.Turnout),
            BoxMetrics.InvalidShare => prior!.StretchSpread(box, PriorRatio.InvalidShare),
            BoxMetrics.OthersShare => prior!.StretchSpread(box, PriorRatio.Others, minor: components is null ? default : components.Minor),
            _ => prior!.StretchSpread(box, PriorRatio.Share, level - BoxMetrics.FirstShare),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Standing Against(int box, double value, int area, int metric, double denominator, double level, PeerBasis basis)
    {
        // For a swing the box's own level is known, and with it where the box started.
        var median = double.IsNaN(level) ? stats.Median(area, metric) : stats.ExpectedSwing(area, metric, level - value);
        // A neighbourhood's median is taken with each box's persistent part out; this box's own part goes back in.
        var own = basis == PeerBasis.Neighbourhood && double.IsNaN(level) && stats.Persistence is { } persistence
            ? persistence.Adjustment(metrics, box, metric) : 0;
        median += own;
        var sigma = stats.Sigma(area, metric);
        // A prior cut between two unlike streets is uncertain; the expectation carries that uncertainty in its slope.
        var carried = !double.IsNaN(level) ? 1 : own != 0 ? stats.Persistence!.Slope(metric) : 0;
        if (carried > 0 && prior is not null)
        {
            var spread = carried * StretchSpread(box, metric);
            sigma = Math.Sqrt(sigma * sigma + spread * spread);
        }
        var n = stats.Count(area, metric);
        if (basis == PeerBasis.Neighbourhood)
        {
            var typical = stats.TypicalNeighbourhoodSigma(groups.DistrictOf(box), metric);
            if (!double.IsNaN(typical))
                sigma = Math.Sqrt((n * sigma * sigma + options.SpreadShrinkage * typical * typical) / (n + options.SpreadShrinkage));
        }
        // Sampling noise of a proportion p over the denominator: p is the peers' level, or the box's own for a swing.
        var p = Math.Clamp(double.IsNaN(level) ? median : level, Math.Min(1.0 / denominator, 0.5), 0.5);
        // A swing is the difference of two counts, each with its own sampling noise.
        var variance = (double.IsNaN(level) ? 1 : 2) * p * (1 - p);
        var floor = Math.Sqrt(variance / denominator);
        // The peers' spread holds their own sampling noise, at their typical size (their median register, the box's
        // own denominator scaled to it); what is left is how they really differ, and this box adds its own noise to it.
        var width = Math.Max(sigma, floor);
        if (metrics.Registered(box) is var registered and > 0 && stats.TypicalRegistered(area) is var size and > 0)
        {
            var peers = variance / (denominator * size / registered);
            width = Math.Sqrt(Math.Max(0, sigma * sigma - peers) + floor * floor);
        }
        return new Standing(value, median, width, n, area, basis, own != 0);
    }
}
