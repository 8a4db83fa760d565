namespace Sandik.Domain.Anomalies.Forensics;

/// <summary>
/// The chi-square distribution, through the regularized incomplete gamma function: P(k/2, x/2) is the chance that a
/// chi-square variable with k degrees of freedom is at most x. Series expansion below a + 1, Lentz's continued
/// fraction above (Numerical Recipes, §6.2); log-gamma by Lanczos' approximation (g = 7, 9 terms), good to about
/// 15 digits. Pure functions, thread-safe.
/// </summary>
public static class ChiSquare
{
    private const double Epsilon = 1e-15;
    private const int MaxIterations = 10_000;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>The chance that a chi-square variable with <paramref name="degreesOfFreedom"/> is at least <paramref name="x"/>: the p-value.</summary>
    public static double UpperTail(double x, int degreesOfFreedom)
    {
        if (degreesOfFreedom <= 0) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom));
        return x <= 0 ? 1 : RegularizedGammaQ(degreesOfFreedom / 2.0, x / 2);
    }

    /// <summary>The chi-square distribution function: the chance of at most <paramref name="x"/>.</summary>
    public static double Cdf(double x, int degreesOfFreedom) => 1 - UpperTail(x, degreesOfFreedom);

    /// <summary>P(a, x) = γ(a, x) / Γ(a), for a &gt; 0, x ≥ 0.</summary>
    public static double RegularizedGammaP(double a, double x)
    {
        if (a <= 0) throw new ArgumentOutOfRangeException(nameof(a));
        if (x <= 0) return 0;
        return x < a + 1 ? Series(a, x) : 1 - ContinuedFraction(a, x);
    }

    /// <summary>Q(a, x) = 1 − P(a, x), computed directly so that small tails keep their precision.</summary>
    public static double RegularizedGammaQ(double a, double x)
    {
        if (a <= 0) throw new ArgumentOutOfRangeException(nameof(a));
        if (x <= 0) return 1;
        return x < a + 1 ? 1 - Series(a, x) : ContinuedFraction(a, x);
    }

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    private static double Series(double a, double x)
    {
        var term = 1 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon) break;
        }
        return sum * Math.Exp(-x + a * Math.Log(x) - LogGamma(a));
    }

    private static double ContinuedFraction(double a, double x)
    {
        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < tiny) d = tiny;
            c = b + an / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon) break;
        }
        return Math.Exp(-x + a * Math.Log(x) - LogGamma(a)) * h;
    }
}
