using Sandik.Domain.Submissions;

namespace Sandik.Domain.Projection.Golden;

/// <summary>The reported golden boxes, grouped by stratum, with the variance arithmetic both estimators share.</summary>
internal sealed class GoldenReports
{
    private GoldenReports(GoldenSampleDesign design)
    {
        Design = design;
        Rows = new List<Row>[design.Strata.Count];
        for (var h = 0; h < Rows.Length; h++) Rows[h] = [];
    }

    public sealed record Row(double[] Votes, double Valid, double[] PriorVotes, double PriorValid);

    public GoldenSampleDesign Design { get; }
    public List<Row>[] Rows { get; }
    public int Reported { get; private set; }
    public IReadOnlyList<int> ReportedStrata { get; private set; } = [];
    public int StrataReported => ReportedStrata.Count;

    public static GoldenReports Gather(GoldenSampleDesign design, Func<string, Tally?> reported, Func<string, int> choiceIndex)
    {
        var sample = new GoldenReports(design);
        var map = design.Choices.Select(choiceIndex).ToArray();
        foreach (var box in design.Boxes)
        {
            if (reported(box.Code) is not { } tally) continue;
            var votes = new double[map.Length];
            for (var k = 0; k < map.Length; k++) votes[k] = map[k] >= 0 ? tally.Votes[map[k]] : 0;
            sample.Rows[box.Stratum].Add(new Row(votes, tally.Valid, box.PriorVotes, box.PriorValid));
            sample.Reported++;
        }
        sample.ReportedStrata = [.. Enumerable.Range(0, sample.Rows.Length).Where(h => sample.Rows[h].Count > 0)];
        return sample;
    }

    public double Sum(int h, Func<Row, double> value)
    {
        var sum = 0.0;
        foreach (var row in Rows[h]) sum += value(row);
        return sum;
    }

    /// <summary>
    /// Variance of the estimated total of a linearised value: Σ N²(1-f)s²/n over reported strata; a stratum of one
    /// reported box takes the pooled within-stratum variance; with <paramref name="includeMissing"/>, a stratum with
    /// none counts as one box of pooled variance.
    /// </summary>
    public double Variance(Func<Row, double> value, bool includeMissing)
    {
        double pooledSum = 0, pooledDf = 0;
        var within = new double[Rows.Length];
        foreach (var h in ReportedStrata)
        {
            var n = Rows[h].Count;
            if (n < 2) continue;
            var mean = Sum(h, value) / n;
            var squares = Sum(h, r => (value(r) - mean) * (value(r) - mean));
            within[h] = squares / (n - 1);
            pooledSum += squares;
            pooledDf += n - 1;
        }
        // With no stratum of two reported boxes there is nothing to measure a spread on: the margin is unknown.
        var pooled = pooledDf > 0 ? pooledSum / pooledDf : double.PositiveInfinity;
        var variance = 0.0;
        for (var h = 0; h < Rows.Length; h++)
        {
            var population = (double)Design.Strata[h].Population;
            var n = Rows[h].Count;
            if (n == 0 || (n == 1 && includeMissing))
            {
                if (includeMissing) variance += population * population * pooled;
                continue;
            }
            var s2 = n < 2 ? pooled : within[h];
            variance += population * population * (1 - n / population) * s2 / n;
        }
        return variance;
    }
}
