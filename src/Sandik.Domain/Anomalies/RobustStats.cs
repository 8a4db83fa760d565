using Sandik.Domain.Statistics;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// Median and median absolute deviation: location and spread that a few wild boxes cannot drag, unlike mean and
/// standard deviation. Both work in place on a scratch span (they reorder it) and allocate nothing.
/// </summary>
public static class RobustStats
{
    /// <summary>MAD × 1.4826 estimates the standard deviation of normally distributed values.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>The median of the values (NaN when there are none). Reorders the span.</summary>
    public static double Median(Span<double> values)
    {
        var n = values.Length;
        if (n == 0) return double.NaN;
        var upper = Selection.Select(values, n / 2);
        if (n % 2 == 1) return upper;
        // After selecting n/2, every value left of it is no larger: the lower middle is their maximum.
        var lower = values[0];
        for (var i = 1; i < n / 2; i++) lower = Math.Max(lower, values[i]);
        return (lower + upper) / 2;
    }

    /// <summary>Median and the median absolute deviation around it, scaled to a standard deviation. Reorders the span.</summary>
    public static (double Median, double Sigma) MedianAndSigma(Span<double> values)
    {
        var median = Median(values);
        if (values.Length == 0) return (double.NaN, double.NaN);
        for (var i = 0; i < values.Length; i++) values[i] = Math.Abs(values[i] - median);
        return (median, Median(values) * MadToSigma);
    }
}
