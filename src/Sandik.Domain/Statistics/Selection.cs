using System.Runtime.CompilerServices;

namespace Sandik.Domain.Statistics;

/// <summary>Order statistics without sorting, for the hot loops of projection and anomaly scoring.</summary>
public static class Selection
{
    /// <summary>The k-th smallest value (0-based), by Hoare's selection with a median-of-three pivot; reorders the span around it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Select(Span<double> values, int k)
    {
        var left = 0;
        var right = values.Length - 1;
        while (left < right)
        {
            var pivot = MedianOfThree(values[left], values[(left + right) >>> 1], values[right]);
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i > j) break;
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return values[k];
        }
        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
