namespace Sandik.Domain.Anomalies.Evaluation;

/// <summary>Splits a whole number of ballots between choices in given proportions (largest remainders).</summary>
internal static class Proportional
{
    public static void Add(Sheet sheet, int ballots, double[] weights)
    {
        var total = weights.Sum();
        if (total <= 0 || ballots <= 0) return;
        var given = new int[weights.Length];
        var remainders = new double[weights.Length];
        var left = ballots;
        for (var j = 0; j < weights.Length; j++)
        {
            var exact = ballots * weights[j] / total;
            given[j] = (int)Math.Floor(exact);
            remainders[j] = exact - given[j];
            left -= given[j];
        }
        foreach (var j in Enumerable.Range(0, weights.Length).OrderByDescending(j => remainders[j]).Take(left)) given[j]++;
        for (var j = 0; j < weights.Length; j++)
        {
            if (given[j] > 0) sheet.AddBallots(j, given[j]);
        }
    }
}
