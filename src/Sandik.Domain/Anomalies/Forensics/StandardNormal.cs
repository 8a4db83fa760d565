namespace Sandik.Domain.Anomalies.Forensics;

/// <summary>
/// The standard normal distribution, through <see cref="ChiSquare"/>: Z² is chi-square with one degree of freedom, so
/// P(|Z| ≥ z) = Q(1/2, z²/2) and each tail is half of it. Pure functions, thread-safe.
/// </summary>
public static class StandardNormal
{
    /// <summary>Φ(z): the chance that a standard normal variable is at most <paramref name="z"/>.</summary>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z)) return double.NaN;
        var tail = ChiSquare.UpperTail(z * z, 1) / 2;
        return z >= 0 ? 1 - tail : tail;
    }

    /// <summary>Φ⁻¹(p), by bisection on <see cref="Cdf"/> to 1e-12 (for a handful of calls, not for loops).</summary>
    public static double Quantile(double p)
    {
        if (p is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1.");
        double low = -40, high = 40;
        while (high - low > 1e-12)
        {
            var mid = (low + high) / 2;
            if (Cdf(mid) < p) low = mid;
            else high = mid;
        }
        return (low + high) / 2;
    }
}
