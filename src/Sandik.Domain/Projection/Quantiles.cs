using Sandik.Domain.Statistics;

namespace Sandik.Domain.Projection;

/// <summary>Interval bounds from simulated values, by selection rather than a full sort.</summary>
internal static class Quantiles
{
    /// <summary>The values at the lower and upper tail of a central interval of the given coverage. Reorders the span.</summary>
    public static (double Low, double High) Central(Span<double> values, double coverage)
    {
        var tail = (1 - coverage) / 2;
        Span<double> found = stackalloc double[2];
        At(values, [tail, 1 - tail], found);
        return (found[0], found[1]);
    }

    /// <summary>The median and the tails of a central interval, counted or selected once for all three. Reorders the span.</summary>
    public static (double Median, double Low, double High) MedianAndCentral(Span<double> values, double coverage)
    {
        var tail = (1 - coverage) / 2;
        Span<double> found = stackalloc double[3];
        At(values, [0.5, tail, 1 - tail], found);
        return (found[0], found[1], found[2]);
    }

    /// <summary>The values at the given fractions of the sorted span: whole numbers in a small range by counting, others by selection.</summary>
    private static void At(Span<double> values, ReadOnlySpan<double> fractions, Span<double> found)
    {
        if (values.Length == 0)
        {
            found.Fill(double.NaN);
            return;
        }
        var (min, max) = (values[0], values[0]);
        var whole = true;
        foreach (var v in values)
        {
            (min, max) = (Math.Min(min, v), Math.Max(max, v));
            whole &= v == Math.Floor(v);
        }
        if (min == max)
        {
            found.Fill(min);
            return;
        }
        if (whole && max - min <= 4 * values.Length)
        {
            Span<int> counts = stackalloc int[(int)(max - min) + 1];
            foreach (var v in values) counts[(int)(v - min)]++;
            for (var f = 0; f < fractions.Length; f++) found[f] = Counted(counts, min, max, Rank(values.Length, fractions[f]));
            return;
        }
        for (var f = 0; f < fractions.Length; f++) found[f] = Selection.Select(values, Rank(values.Length, fractions[f]));
    }

    /// <summary>The k-th smallest of whole numbers in a small range, from their counts.</summary>
    private static double Counted(ReadOnlySpan<int> counts, double min, double max, int k)
    {
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
