using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;

namespace Sandik.Domain.Projection.Golden;

/// <summary>
/// Estimates national shares from the golden boxes reported so far (see <see cref="GoldenEstimate"/>): the classical
/// stratified ratio estimator, and a regression estimator that uses what the prior expected of each box. Margins come
/// from the within-stratum variances (Taylor linearisation of the share as a ratio of two totals), with the finite
/// population correction. Pure and thread-safe.
/// </summary>
public static class GoldenQuickCount
{
    private const double Z95 = 1.959964;

    /// <summary>Estimates from the boxes counted in a view of a live race.</summary>
    public static GoldenEstimate Estimate(GoldenSampleDesign design, LiveRace live, SourceView view) =>
        Estimate(design, code => live.Geography.TryGetBox(code, out var box) ? live.CountedTally(box.Index, view)?.Tally : null,
            id => live.Race.IndexOf(id));

    /// <param name="reported">The counted tally of a box code, or null while it has not reported.</param>
    /// <param name="choiceIndex">Position in the tallies' votes of a choice id (-1 when absent).</param>
    public static GoldenEstimate Estimate(GoldenSampleDesign design, Func<string, Tally?> reported, Func<string, int> choiceIndex)
    {
        var sample = GoldenReports.Gather(design, reported, choiceIndex);
        var choices = new List<GoldenChoiceEstimate>(design.Choices.Count);
        var aux = new GoldenAuxiliaries(design);
        var validRegression = Regression.For(sample, aux, -1);
        for (var k = 0; k < design.Choices.Count; k++)
        {
            var (ratio, ratioMargin) = RatioEstimate(sample, k);
            var (share, margin) = Regression.Share(sample, aux, Regression.For(sample, aux, k), validRegression);
            choices.Add(new GoldenChoiceEstimate(design.Choices[k], ratio, ratioMargin * Z95, share, margin * Z95));
        }
        return new GoldenEstimate(sample.Reported, design.Boxes.Count, sample.StrataReported, design.Strata.Count, choices);
    }

    /// <summary>Share and its standard error; strata with nothing reported are left out.</summary>
    private static (double Share, double Error) RatioEstimate(GoldenReports sample, int k)
    {
        double votes = 0, valid = 0;
        foreach (var h in sample.ReportedStrata)
        {
            var (n, population) = (sample.Rows[h].Count, sample.Design.Strata[h].Population);
            votes += population * sample.Sum(h, r => r.Votes[k]) / n;
            valid += population * sample.Sum(h, r => r.Valid) / n;
        }
        if (valid <= 0) return (double.NaN, double.NaN);
        var share = votes / valid;
        var variance = sample.Variance(r => r.Votes[k] - share * r.Valid, includeMissing: false);
        return (share, Math.Sqrt(variance) / valid);
    }
}
