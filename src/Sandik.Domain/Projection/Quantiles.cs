using Sandik.Domain.Statistics;

namespace Sandik.Domain.Projection;

/// <summary>Interval bounds from simulated values, by selection rather than a full sort.</summary>
internal static class Quantiles
{
    /// <summary>The values at the lower and upper tail of a central interval of the given coverage. Reorders the span.</summary>
    public static (double Low, double High) Central(Span<double> values, double coverage)
    {
        if (values.Length == 0) return (double.NaN, double.NaN);
        var (min, max) = (values[0], values[0]);
        var whole = true;
        foreach (var v in values)
        {
            (min, max) = (Math.Min(min, v), Math.Max(max, v));
            whole &= v == Math.Floor(v);
        }
        if (min == max) return (min, max);
        var tail = (1 - coverage) / 2;
        var low = Rank(values.Length, tail);
        var high = Rank(values.Length, 1 - tail);
        if (whole && max - min <= 4 * values.Length) return (Counted(values, min, max, low), Counted(values, min, max, high));
        return (Selection.Select(values, low), Selection.Select(values, high));
    }

    /// <summary>The k-th smallest of whole numbers in a small range, by counting.</summary>
    private static double Counted(ReadOnlySpan<double> values, double min, double max, int k)
    {
        Span<int> counts = stackalloc int[(int)(max - min) + 1];
        foreach (var v in values) counts[(int)(v - min)]++;
        var seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen > k) return min + i;
        }
        return max;
    }

    private static int Rank(int count, double p) => Math.Clamp((int)Math.Round(p * (count - 1)), 0, count - 1);
}
