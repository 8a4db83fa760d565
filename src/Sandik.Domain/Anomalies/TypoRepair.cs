using System.Runtime.CompilerServices;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// Asks whether a slip of the pen explains a box: two adjacent digits of one count swapped (354 written for 534),
/// totals carried along, or the counts of two neighbouring columns of the sheet swapped. Each repair is judged by how
/// much closer it brings the box to its peers on the pattern dimensions (turnout, shares, invalid share), as a
/// likelihood ratio under a Student t model of honest departures: a box far from its peers that one repair makes
/// ordinary scores high, while a genuinely odd box (a street that votes differently) that a repair only half mends
/// scores little, because heavy tails forgive a large departure. Thread-safe once the correlations are fitted.
/// </summary>
public sealed class TypoRepair(VoteComponents components, DepartureCorrelations correlations)
{
    /// <summary>Repairs that move fewer votes than this cannot be told from noise (no digit swap moves fewer than 9).</summary>
    public const int MinChange = 9;

    private const int MaxDigits = 10;

    /// <summary>The repair that most improves the box's fit to its peers; <see cref="TypoFit.None"/> when none does.</summary>
    /// <param name="region">The box's region, whose correlations measure the distance (-1: the country's).</param>
    /// <param name="z">The box's standardised departures, one per pattern dimension.</param>
    /// <param name="sigma">The spreads the departures were divided by.</param>
    /// <param name="expected">The box's expected turnout, choice-group shares and invalid share.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TypoFit Best(PeerBasis basis, int region, ReadOnlySpan<double> z, ReadOnlySpan<double> sigma, ReadOnlySpan<double> expected,
        int registered, int voted, int valid, int invalid, ReadOnlySpan<int> votes)
    {
        if (basis == PeerBasis.None || registered <= 0 || valid <= 0 || voted <= 0) return TypoFit.None;
        var k = components.Count;
        var inv = correlations.Inverse(basis, region);
        var before = HeavyTails.Distance(inv.AsSpan(0, k * k), z[..k]);
        Span<int> groups = stackalloc int[components.Groups];
        for (var j = 0; j < votes.Length; j++) groups[components.GroupOf(j)] += votes[j];
        var sheet = new Sheet(registered, voted, valid, Math.Max(invalid, 0), before);
        var best = TypoFit.None;
        Span<double> shifted = stackalloc double[k];
        Span<int> digits = stackalloc int[MaxDigits];
        for (var j = 0; j < votes.Length; j++)
        {
            var written = votes[j];
            if (written < 10) continue;
            var length = 0;
            for (var v = written; v > 0 && length < MaxDigits; v /= 10) digits[length++] = v % 10;
            // digits[0] is the last digit; swap each adjacent pair, never bringing a 0 to the front.
            for (var d = 0; d + 1 < length; d++)
            {
                if (digits[d] == digits[d + 1] || (d + 1 == length - 1 && digits[d] == 0)) continue;
                var place = Pow10(d);
                var repaired = written + (digits[d] - digits[d + 1]) * place * 9;
                var change = repaired - written;
                var (fit, after) = Score(sheet, groups, components.GroupOf(j), change, -1, 0, change, z, sigma, expected, inv, shifted);
                if (fit > best.Z) best = new TypoFit(TypoKind.Digits, j, -1, written, repaired, fit, Math.Sqrt(before), Math.Sqrt(after));
            }
        }
        for (var j = 0; j + 1 < votes.Length; j++)
        {
            var change = votes[j + 1] - votes[j];
            var (a, b) = (components.GroupOf(j), components.GroupOf(j + 1));
            if (Math.Abs(change) < MinChange || a == b) continue;
            var (fit, after) = Score(sheet, groups, a, change, b, -change, 0, z, sigma, expected, inv, shifted);
            if (fit > best.Z) best = new TypoFit(TypoKind.Columns, j, j + 1, votes[j], votes[j + 1], fit, Math.Sqrt(before), Math.Sqrt(after));
        }
        return best;
    }

    // The t log-likelihood ratio of the repaired box against the box as written, and the repaired box's squared distance.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double Fit, double After) Score(in Sheet sheet, ReadOnlySpan<int> groups, int a, int changeA, int b, int changeB, int changeTotals,
        ReadOnlySpan<double> z, ReadOnlySpan<double> sigma, ReadOnlySpan<double> expected, double[] inv, Span<double> shifted)
    {
        var voted = sheet.Voted + changeTotals;
        var valid = sheet.Valid + changeTotals;
        if (voted <= 0 || valid <= 0) return (0, double.NaN);
        var k = components.Count;
        shifted[VoteComponents.Turnout] = ((double)voted / sheet.Registered - expected[VoteComponents.Turnout]) / sigma[VoteComponents.Turnout];
        for (var g = 0; g < components.Groups; g++)
        {
            var count = groups[g] + (g == a ? changeA : 0) + (g == b ? changeB : 0);
            var dim = components.ShareOf(g);
            shifted[dim] = ((double)count / valid - expected[dim]) / sigma[dim];
        }
        var iv = components.Invalid;
        shifted[iv] = changeTotals == 0 ? z[iv] : ((double)sheet.Invalid / voted - expected[iv]) / sigma[iv];
        var after = HeavyTails.Distance(inv.AsSpan(0, k * k), shifted[..k]);
        return (HeavyTails.Evidence(k, sheet.Before, after), after);
    }

    private static int Pow10(int n)
    {
        var p = 1;
        for (var i = 0; i < n; i++) p *= 10;
        return p;
    }

    private readonly record struct Sheet(int Registered, int Voted, int Valid, int Invalid, double Before);
}

/// <summary>The slips of the pen <see cref="TypoRepair"/> considers.</summary>
public enum TypoKind : byte
{
    None,
    /// <summary>Two adjacent digits of one count swapped, the totals carried along.</summary>
    Digits,
    /// <summary>The counts of two neighbouring columns of the sheet swapped.</summary>
    Columns,
}

/// <summary>The repair that best explains a box as a slip of the pen.</summary>
/// <param name="Choice">The count that looks mistyped (for columns, the first of the two).</param>
/// <param name="Other">For columns, the second count; else -1.</param>
/// <param name="Written">The count on the sheet.</param>
/// <param name="Repaired">What it would be: the digits swapped back, or the other column's count.</param>
/// <param name="Z">The log-likelihood ratio of the repaired box against the box as written.</param>
/// <param name="Before">The box's distance from its peers (Mahalanobis, in spreads) as written.</param>
/// <param name="After">Its distance once repaired.</param>
public readonly record struct TypoFit(TypoKind Kind, int Choice, int Other, int Written, int Repaired, double Z, double Before, double After)
{
    public static readonly TypoFit None = new(TypoKind.None, -1, -1, 0, 0, 0, 0, 0);
}
