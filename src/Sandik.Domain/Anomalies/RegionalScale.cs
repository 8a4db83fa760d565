using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sandik.Domain.Statistics;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// How much wider each statistic runs in a region (a province) than in the whole country. Honest boxes of some
/// provinces depart from their peers far more than others' — on November 2015 the south-east's provinces held three
/// to five times their share of the top 1% of the clean ranking — and one calibration for the country let them fill
/// the review budget. Before calibration a region's statistic is multiplied by the country's 90th percentile of it
/// over the region's, pulled towards 1 by the weight of <see cref="PriorBoxes"/> boxes and kept within ½ and 2, so
/// that a province can at most halve a statistic: a province where every box is odd still ranks high. Immutable.
/// </summary>
public sealed class RegionalScale
{
    /// <summary>Boxes' worth of weight on "like the country" in a region's scale.</summary>
    public const double PriorBoxes = 200;

    /// <summary>The quantile of a statistic's positive values that measures its width.</summary>
    public const double Quantile = 0.9;

    private const double Widest = 2;
    private readonly double[] _scale;

    private RegionalScale(double[] scale) => _scale = scale;

    /// <summary>No scaling (a geography without regions, or before the first fit).</summary>
    public static RegionalScale None { get; } = new([]);

    /// <summary>One scale per region and statistical slot, from the statistics of the boxes included.</summary>
    /// <param name="raw">One row of <see cref="StatisticSlot.Count"/> statistics per box.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RegionalScale Fit(ReadOnlySpan<double> raw, ReadOnlySpan<bool> included, PeerGroups groups)
    {
        var regions = groups.Regions;
        if (regions == 0) return None;
        const int slots = StatisticSlot.Count;
        var scale = new double[regions * slots];
        Array.Fill(scale, 1.0);
        var country = new double[included.Length];
        var byRegion = new List<double>[regions];
        for (var r = 0; r < regions; r++) byRegion[r] = [];
        for (var slot = 0; slot < slots; slot++)
        {
            if (!StatisticSlot.IsStatistical(slot)) continue;
            foreach (var list in byRegion) list.Clear();
            var n = 0;
            for (var box = 0; box < included.Length; box++)
            {
                var x = raw[box * slots + slot];
                if (!included[box] || !(x > 0)) continue;
                country[n++] = x;
                if (groups.RegionOf(box) is var region and >= 0) byRegion[region].Add(x);
            }
            var width = Width(country.AsSpan(0, n));
            if (!(width > 0)) continue;
            for (var r = 0; r < regions; r++)
            {
                var local = Width(CollectionsMarshal.AsSpan(byRegion[r]));
                if (!(local > 0)) continue;
                var weight = byRegion[r].Count / (byRegion[r].Count + PriorBoxes);
                scale[r * slots + slot] = Math.Clamp(Math.Exp(weight * Math.Log(width / local)), 1 / Widest, Widest);
            }
        }
        return new RegionalScale(scale);
    }

    /// <summary>The scale of a region's slot (1 when none was fitted).</summary>
    public double Of(int region, int slot) => _scale.Length == 0 || region < 0 ? 1 : _scale[region * StatisticSlot.Count + slot];

    /// <summary>Scales one box's statistics in place.</summary>
    public void Apply(int region, Span<double> raw)
    {
        if (_scale.Length == 0 || region < 0) return;
        var row = _scale.AsSpan(region * StatisticSlot.Count, StatisticSlot.Count);
        for (var slot = 0; slot < raw.Length; slot++) raw[slot] *= row[slot];
    }

    // The quantile of the values (reordered in place); NaN for fewer than 20.
    private static double Width(Span<double> values) =>
        values.Length < 20 ? double.NaN : Selection.Select(values, (int)(Quantile * (values.Length - 1)));
}
