namespace Sandik.Domain.Projection.Golden;

/// <summary>
/// The auxiliaries of the regression estimator: the prior-expected votes of every choice with at least 1% of the
/// prior-expected national vote, and of all the rest together.
/// </summary>
internal sealed class GoldenAuxiliaries
{
    private const double MainShare = 0.01;
    private readonly int[] _main;

    public GoldenAuxiliaries(GoldenSampleDesign design)
    {
        var valid = design.Strata.Sum(s => s.PriorValid);
        var main = new List<int>();
        for (var k = 0; k < design.Choices.Count; k++)
        {
            if (valid > 0 && design.Strata.Sum(s => s.PriorVotes[k]) >= MainShare * valid) main.Add(k);
        }
        _main = [.. main];
    }

    /// <summary>Whether a choice is one of the main ones (an auxiliary of its own).</summary>
    public bool IsMain(int k) => Array.IndexOf(_main, k) >= 0;

    /// <summary>Main choices, plus the rest.</summary>
    public int Count => _main.Length + 1;

    /// <summary>Auxiliary j of a box or stratum.</summary>
    public double Of(double[] priorVotes, double priorValid, int j)
    {
        if (j < _main.Length) return priorVotes[_main[j]];
        var rest = priorValid;
        foreach (var k in _main) rest -= priorVotes[k];
        return Math.Max(rest, 0);
    }

    /// <summary>The prior-expected value of the estimand itself: a choice's votes, or the valid votes for -1.</summary>
    public double Total(double[] priorVotes, double priorValid, int k) => k < 0 ? priorValid : priorVotes[k];

    public void Means(GoldenReports sample, int h, Span<double> means)
    {
        means.Clear();
        var rows = sample.Rows[h];
        foreach (var r in rows)
        {
            for (var j = 0; j < Count; j++) means[j] += Of(r.PriorVotes, r.PriorValid, j);
        }
        for (var j = 0; j < Count; j++) means[j] /= rows.Count;
    }

    /// <summary>
    /// Whether enough boxes have reported, in strata of two or more, to fit the coefficients without chasing noise;
    /// until then each choice is corrected by its own prior alone (a ratio to the prior).
    /// </summary>
    public bool Enough(GoldenReports sample)
    {
        var freedom = 0;
        foreach (var h in sample.ReportedStrata) freedom += Math.Max(0, sample.Rows[h].Count - 1);
        return freedom >= 20 * Count;
    }
}
