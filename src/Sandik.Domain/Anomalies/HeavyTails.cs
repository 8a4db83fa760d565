namespace Sandik.Domain.Anomalies;

/// <summary>
/// The model of honest departures that the pattern and transcription checks weigh an explanation against: a
/// multivariate Student t over the k standardised departures, with <see cref="DegreesOfFreedom"/> degrees of freedom.
/// Heavy tails make an explanation specific: a box far from its peers that one explanation makes ordinary scores
/// high, while a genuinely odd box (a street that votes differently) that it only half mends scores little.
/// </summary>
public static class HeavyTails
{
    /// <summary>How heavy the tails of honest departures are taken to be (1 and 12 came within a point or two on the evaluation).</summary>
    public const double DegreesOfFreedom = 4;

    /// <summary>
    /// The log-likelihood ratio of the box with an explanation taken out against the box as it is:
    /// (ν + k)/2 · ln((ν + d²) / (ν + d²ₐ)), with d² and d²ₐ the squared distances from the peers before and after.
    /// </summary>
    public static double Evidence(int dimensions, double before, double after)
    {
        const double nu = DegreesOfFreedom;
        return Math.Max(0, (nu + dimensions) / 2 * Math.Log((nu + before) / (nu + Math.Max(0, after))));
    }

    /// <summary>The squared distance zᵀC⁻¹z of standardised departures z, with C⁻¹ given row by row.</summary>
    public static double Distance(ReadOnlySpan<double> inverse, ReadOnlySpan<double> z)
    {
        var k = z.Length;
        double sum = 0;
        for (var i = 0; i < k; i++)
        {
            double row = 0;
            for (var j = 0; j < k; j++) row += inverse[i * k + j] * z[j];
            sum += z[i] * row;
        }
        return sum;
    }
}
