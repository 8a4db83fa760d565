namespace Sandik.Domain.Anomalies.Forensics;

/// <summary>The outcome of a digit test: observed digit counts against their expected shares.</summary>
/// <param name="Test">The test's id: <c>second-digit</c> (Benford's law for the second digit, 2BL) or <c>last-digit</c>.</param>
/// <param name="Observed">How many numbers have each digit 0–9.</param>
/// <param name="Expected">The expected share of each digit.</param>
/// <param name="ChiSquare">Pearson's statistic Σ (observed − expected)² / expected.</param>
/// <param name="PValue">The chance of a statistic at least this large if the digits follow the expected law (9 degrees of freedom).</param>
/// <param name="Mean">The mean digit; <paramref name="ExpectedMean"/> is 4.187 for 2BL and 4.5 for last digits.</param>
public sealed record DigitTest(string Test, int Numbers, IReadOnlyList<int> Observed, IReadOnlyList<double> Expected,
    double ChiSquare, int DegreesOfFreedom, double PValue, double Mean, double ExpectedMean)
{
    /// <summary>Whether the digits depart from the law at the given significance (0.01 unless told).</summary>
    public bool Rejects(double significance = 0.01) => Numbers > 0 && PValue < significance;
}

/// <summary>
/// Digit tests on vote counts. Second digits of honest counts of ten or more roughly follow Benford's law (Mebane's
/// 2BL test; P(d) = Σₖ log10(1 + 1/(10k + d)), mean 4.187); last digits of counts of a hundred or more are close to
/// uniform, while invented numbers favour some digits (0 and 5 especially). Smaller counts are left out of the last-digit
/// test: counts fall off within each decade (there are more 11s than 19s), which biases their last digit low — in
/// November 2015, counts from 10 up make 34 of 81 provinces "reject" uniformity at 1%, counts from 100 up only 6.
/// Both tests are weak alone, meant for areas with hundreds of counts, not for one box; with tens of thousands of
/// counts they notice tiny departures, so read the mean digit beside the p-value. Pure, thread-safe.
/// </summary>
public static class DigitTests
{
    /// <summary>Counts below this have no second digit.</summary>
    public const int MinCount = 10;

    /// <summary>Counts below this are left out of the last-digit test.</summary>
    public const int LastDigitMinCount = 100;

    public static readonly IReadOnlyList<double> SecondDigitShares = [.. Enumerable.Range(0, 10).Select(SecondDigitShare)];

    public static readonly IReadOnlyList<double> Uniform = [.. Enumerable.Repeat(0.1, 10)];

    /// <summary>Benford's probability that the second significant digit is d.</summary>
    public static double SecondDigitShare(int d)
    {
        double p = 0;
        for (var k = 1; k <= 9; k++) p += Math.Log10(1 + 1.0 / (10 * k + d));
        return p;
    }

    public static DigitTest SecondDigit(IEnumerable<int> counts) =>
        Test("second-digit", counts, MinCount, SecondDigitOf, SecondDigitShares);

    public static DigitTest LastDigit(IEnumerable<int> counts) =>
        Test("last-digit", counts, LastDigitMinCount, c => c % 10, Uniform);

    /// <summary>The second significant digit of a number of at least 10.</summary>
    public static int SecondDigitOf(int count)
    {
        while (count >= 100) count /= 10;
        return count % 10;
    }

    private static DigitTest Test(string name, IEnumerable<int> counts, int minCount, Func<int, int> digit, IReadOnlyList<double> expected)
    {
        var observed = new int[10];
        var n = 0;
        foreach (var c in counts)
        {
            if (c < minCount) continue;
            observed[digit(c)]++;
            n++;
        }
        double chi = 0, mean = 0, expectedMean = 0;
        for (var d = 0; d < 10; d++)
        {
            expectedMean += d * expected[d];
            if (n == 0) continue;
            var e = n * expected[d];
            chi += (observed[d] - e) * (observed[d] - e) / e;
            mean += d * (double)observed[d] / n;
        }
        return new DigitTest(name, n, observed, expected, chi, 9, n == 0 ? 1 : ChiSquare.UpperTail(chi, 9), n == 0 ? double.NaN : mean, expectedMean);
    }
}
