namespace Sandik.Domain.Projection.Golden;

/// <summary>
/// The combined generalised regression estimator of one total (a choice's votes, or the valid votes) on several
/// auxiliaries: what the prior expected of each box for each of its main choices and for the rest. One coefficient
/// vector across strata, from the pooled within-stratum covariances; each stratum's mean is corrected by the
/// coefficients times (its prior means − the sample's prior means). Several auxiliaries let it follow transfers
/// (votes moving from one prior party to another) that one auxiliary per choice cannot.
/// </summary>
internal sealed record Regression(int Choice, double[] Coefficients, double OwnSlope, double Total)
{
    /// <param name="k">A choice, or -1 for the valid votes.</param>
    public static Regression For(GoldenReports sample, GoldenAuxiliaries aux, int k)
    {
        double y(GoldenReports.Row r) => k < 0 ? r.Valid : r.Votes[k];
        var coefficients = aux.Enough(sample) ? Fit(sample, aux, y) : null;
        var total = 0.0;
        var (observed, expected) = (0.0, 0.0);
        foreach (var h in sample.ReportedStrata)
        {
            var population = (double)sample.Design.Strata[h].Population;
            observed += population * sample.Sum(h, y) / sample.Rows[h].Count;
            expected += population * sample.Sum(h, r => aux.Total(r.PriorVotes, r.PriorValid, k)) / sample.Rows[h].Count;
        }
        // Choices the prior barely knew (a newcomer, a local independent) are not scaled by their prior: a handful of
        // votes over a near-zero expectation would multiply every stratum.
        var byPrior = k < 0 || aux.IsMain(k);
        var ratioToPrior = expected > 0 ? observed / expected : 1;
        var populationReported = sample.ReportedStrata.Sum(h => (double)sample.Design.Strata[h].Population);
        var perBox = populationReported > 0 ? observed / populationReported : 0;
        Span<double> means = stackalloc double[aux.Count];
        for (var h = 0; h < sample.Rows.Length; h++)
        {
            var stratum = sample.Design.Strata[h];
            var n = sample.Rows[h].Count;
            var prior = aux.Total(stratum.PriorVotes, stratum.PriorValid, k);
            if (n < 2)
            {
                // One box says too little about its stratum's departure from the prior: predict the stratum instead.
                total += byPrior ? prior * ratioToPrior : stratum.Population * perBox;
                continue;
            }
            var my = sample.Sum(h, y) / n;
            if (coefficients is null)
            {
                var mx = sample.Sum(h, r => aux.Total(r.PriorVotes, r.PriorValid, k)) / n;
                total += stratum.Population * (my + (byPrior ? ratioToPrior * (prior / stratum.Population - mx) : 0));
                continue;
            }
            aux.Means(sample, h, means);
            var correction = 0.0;
            for (var j = 0; j < aux.Count; j++) correction += coefficients[j] * (aux.Of(stratum.PriorVotes, stratum.PriorValid, j) / stratum.Population - means[j]);
            total += stratum.Population * (my + correction);
        }
        return new Regression(k, coefficients ?? [], coefficients is null && byPrior ? ratioToPrior : 0, total);
    }

    /// <summary>The residual of one box: its value less what the coefficients (or, early on, its own prior) explain.</summary>
    public double Residual(GoldenReports.Row row, GoldenAuxiliaries aux)
    {
        var value = Choice < 0 ? row.Valid : row.Votes[Choice];
        value -= OwnSlope * aux.Total(row.PriorVotes, row.PriorValid, Choice);
        for (var j = 0; j < Coefficients.Length; j++) value -= Coefficients[j] * aux.Of(row.PriorVotes, row.PriorValid, j);
        return value;
    }

    /// <summary>A choice's share of the valid votes and its standard error (Taylor linearisation of the ratio).</summary>
    public static (double Share, double Error) Share(GoldenReports sample, GoldenAuxiliaries aux, Regression choice, Regression valid)
    {
        if (valid.Total <= 0 || sample.Reported == 0) return (double.NaN, double.NaN);
        var share = choice.Total / valid.Total;
        var variance = sample.Variance(r => choice.Residual(r, aux) - share * valid.Residual(r, aux), includeMissing: true);
        return (share, Math.Sqrt(variance) / valid.Total);
    }

    private static double[]? Fit(GoldenReports sample, GoldenAuxiliaries aux, Func<GoldenReports.Row, double> y)
    {
        var a = aux.Count;
        var xx = new double[a * a];
        var xy = new double[a];
        Span<double> means = stackalloc double[a];
        Span<double> x = stackalloc double[a];
        foreach (var h in sample.ReportedStrata)
        {
            var rows = sample.Rows[h];
            var n = rows.Count;
            if (n < 2) continue;
            var population = (double)sample.Design.Strata[h].Population;
            var weight = population * population * (1 - n / population) / n / (n - 1);
            aux.Means(sample, h, means);
            var my = sample.Sum(h, y) / n;
            foreach (var r in rows)
            {
                for (var i = 0; i < a; i++) x[i] = aux.Of(r.PriorVotes, r.PriorValid, i) - means[i];
                var dy = y(r) - my;
                for (var i = 0; i < a; i++)
                {
                    xy[i] += weight * x[i] * dy;
                    for (var j = 0; j < a; j++) xx[i * a + j] += weight * x[i] * x[j];
                }
            }
        }
        return LinearSystem.Solve(xx, xy, a);
    }
}
