using System.Runtime.CompilerServices;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// Runs every per-box check on one box and reduces each to a raw statistic (a departure in spreads, a count of
/// excess voters...). Reads the counts, metrics and peer statistics it is given; allocates nothing per box.
/// </summary>
internal sealed class BoxAssessor(
    BoxCounts counts,
    BoxMetrics metrics,
    VoteComponents components,
    PeerComparison comparison,
    PatternTest patterns,
    TypoRepair typos,
    DuplicateIndex duplicates,
    IReadOnlyDictionary<int, SourceGap> sourceGaps,
    AnomalyOptions options)
{
    private readonly VoteComponents _components = components;

    public BoxCounts Counts => counts;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Assess(int box, ref Assessment a)
    {
        a = default;
        a.Box = box;
        a.ShareUpChoice = a.ShareDownChoice = -1;
        a.SwingUpMetric = a.SwingDownMetric = -1;
        a.DuplicateOf = -1;
        if (!counts.IsReported(box)) return;
        var registered = metrics.RegisteredOf(counts, box);
        a.Registered = registered;
        CheckArithmetic(box, ref a);
        var voted = counts.Voted(box);
        if (voted >= 0) a.Excess = voted - registered;
        a.Turnout = comparison.Level(box, BoxMetrics.Turnout, registered);
        a.InvalidShare = comparison.Level(box, BoxMetrics.InvalidShare, voted);
        BestShare(box, ref a);
        BestSwing(box, registered, ref a);
        FitPattern(box, registered, ref a);
        CheckDigits(box, ref a);
        a.DuplicateOf = duplicates.TwinOf(counts, box);
        if (sourceGaps.TryGetValue(box, out var gap)) a.SourceGap = gap.Votes;
    }

    /// <summary>One raw statistic per <see cref="StatisticSlot"/>, and the peer basis it was measured on.</summary>
    public void Statistics(in Assessment a, Span<double> raw, Span<byte> basis)
    {
        basis.Clear();
        raw[StatisticSlot.Arithmetic] = Math.Abs(a.VotesMinusValid) + Math.Abs(a.ValidInvalidMinusVoted) + Math.Abs(a.SheetMinusRegistry);
        raw[StatisticSlot.Register] = a.Registered > 0 ? Math.Max(0, a.Excess - options.OfficialsOnDuty) : 0;
        // Turnout close to the register is rare anywhere: deaths and voters who moved away stay on the lists.
        raw[StatisticSlot.FullTurnout] = a.Registered > 0 ? Math.Max(0, (double)(a.Registered + a.Excess) / a.Registered - options.FullTurnout) : 0;
        Directional(a.Turnout, a.Turnout, StatisticSlot.TurnoutHigh, StatisticSlot.TurnoutLow, raw, basis);
        Directional(a.InvalidShare, a.InvalidShare, StatisticSlot.InvalidHigh, StatisticSlot.InvalidLow, raw, basis);
        Directional(a.ShareUp, a.ShareDown, StatisticSlot.ShareHigh, StatisticSlot.ShareLow, raw, basis);
        Directional(a.SwingUp, a.SwingDown, StatisticSlot.SwingUp, StatisticSlot.SwingDown, raw, basis);
        for (var p = 0; p < PatternTest.Kinds; p++)
        {
            var slot = StatisticSlot.ExtraBallots + p;
            raw[slot] = a.Patterns[p].Evidence;
            basis[slot] = (byte)a.PatternBasis;
        }
        raw[StatisticSlot.Sources] = a.SourceGap;
        raw[StatisticSlot.Digits] = DigitSurprise(a);
        raw[StatisticSlot.Duplicate] = a.DuplicateOf >= 0 ? 1 : 0;
        raw[StatisticSlot.Transcription] = a.Typo.Z;
        basis[StatisticSlot.Transcription] = (byte)a.PatternBasis;
    }

    private static void Directional(Standing up, Standing down, int upSlot, int downSlot, Span<double> raw, Span<byte> basis)
    {
        raw[upSlot] = Math.Max(0, up.Z);
        basis[upSlot] = (byte)up.Basis;
        raw[downSlot] = Math.Max(0, -down.Z);
        basis[downSlot] = (byte)down.Basis;
    }

    /// <summary>
    /// −log10 of the chance that every sizeable count is round by luck: last digits of counts of twenty or more are
    /// close to uniform, so k counts all ending in 0 happen with chance 10^-k (all in 0 or 5: 5^-k).
    /// </summary>
    public static double DigitSurprise(in Assessment a)
    {
        if (a.DigitCounts < 3) return 0;
        if (a.Tens == a.DigitCounts) return a.DigitCounts;
        return a.Fives == a.DigitCounts ? a.DigitCounts * Math.Log10(2) : 0;
    }

    /// <summary>The box's standardised departures on the pattern dimensions, for fitting the pattern test's correlations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PeerBasis Departures(int box, Span<double> z, Span<double> sigma, Span<double> expected)
    {
        if (!counts.IsReported(box)) return PeerBasis.None;
        var registered = metrics.RegisteredOf(counts, box);
        var basis = comparison.PatternBasis(box);
        if (basis == PeerBasis.None || registered <= 0) return PeerBasis.None;
        Span<Standing> standings = stackalloc Standing[_components.Count];
        comparison.Dimensions(box, basis, _components, registered, counts.Voted(box), counts.Valid(box), standings);
        for (var k = 0; k < standings.Length; k++)
        {
            var s = standings[k];
            if (!s.IsKnown) return PeerBasis.None;
            z[k] = s.Z;
            sigma[k] = s.Sigma;
            // On the swing basis the expected level is the box's own level less its departure from the local swing.
            expected[k] = basis == PeerBasis.DistrictSwing ? LevelOf(box, k) - (s.Value - s.Expected) : s.Expected;
        }
        return basis;
    }

    private double LevelOf(int box, int dimension) => dimension == VoteComponents.Turnout ? metrics[box, BoxMetrics.Turnout]
        : dimension == _components.Invalid ? metrics[box, BoxMetrics.InvalidShare]
        : dimension - 1 < _components.Majors.Length ? metrics[box, metrics.Share(_components.Majors[dimension - 1])]
        : metrics[box, BoxMetrics.OthersShare];

    private void CheckArithmetic(int box, ref Assessment a)
    {
        var votes = counts.Votes(box);
        var sum = 0;
        foreach (var v in votes) sum += v;
        a.VotesMinusValid = sum - counts.Valid(box);
        if (counts.Invalid(box) >= 0 && counts.Voted(box) >= 0)
            a.ValidInvalidMinusVoted = counts.Valid(box) + counts.Invalid(box) - counts.Voted(box);
        var registry = comparison.Groups.Geography.Boxes[box].Registered;
        if (counts.Registered(box) >= 0 && registry > 0) a.SheetMinusRegistry = counts.Registered(box) - registry;
    }

    private void BestShare(int box, ref Assessment a)
    {
        var valid = counts.Valid(box);
        for (var g = 0; g < _components.Groups; g++)
        {
            var metric = g < _components.Majors.Length ? metrics.Share(_components.Majors[g]) : BoxMetrics.OthersShare;
            var s = comparison.Level(box, metric, valid);
            if (!s.IsKnown) continue;
            if (a.ShareUpChoice < 0 || s.Z > a.ShareUp.Z) (a.ShareUp, a.ShareUpChoice) = (s, g);
            if (a.ShareDownChoice < 0 || s.Z < a.ShareDown.Z) (a.ShareDown, a.ShareDownChoice) = (s, g);
        }
    }

    /// <summary>The most outstanding swing up and down among turnout, invalid share and the major choices' shares.</summary>
    private void BestSwing(int box, int registered, ref Assessment a)
    {
        if (!metrics.HasPrior) return;
        a.SwingUpMetric = a.SwingDownMetric = -1;
        for (var k = 0; k < _components.Count; k++)
        {
            var (metric, denominator) = k == VoteComponents.Turnout ? (BoxMetrics.Turnout, registered)
                : k == _components.Invalid ? (BoxMetrics.InvalidShare, counts.Voted(box))
                : k - 1 < _components.Majors.Length ? (metrics.Share(_components.Majors[k - 1]), counts.Valid(box))
                : (BoxMetrics.OthersShare, counts.Valid(box));
            var s = comparison.Swing(box, metrics.SwingOf(metric), denominator, metrics[box, metric]);
            if (!s.IsKnown) continue;
            if (a.SwingUpMetric < 0 || s.Z > a.SwingUp.Z) (a.SwingUp, a.SwingUpMetric) = (s, metric);
            if (a.SwingDownMetric < 0 || s.Z < a.SwingDown.Z) (a.SwingDown, a.SwingDownMetric) = (s, metric);
        }
    }

    private void FitPattern(int box, int registered, ref Assessment a)
    {
        Span<double> z = stackalloc double[_components.Count];
        Span<double> sigma = stackalloc double[_components.Count];
        Span<double> expected = stackalloc double[_components.Count];
        var basis = Departures(box, z, sigma, expected);
        a.PatternBasis = basis;
        a.Typo = TypoFit.None;
        if (basis == PeerBasis.None || registered <= 0)
        {
            ((Span<PatternFit>)a.Patterns).Fill(PatternFit.None);
            return;
        }
        var region = comparison.Groups.RegionOf(box);
        patterns.BestOfEach(basis, region, z, sigma, expected, registered, counts.Valid(box), a.Patterns);
        // A sheet that does not add up is already certain to be wrong; a repair is only sought on a consistent one.
        if (a.VotesMinusValid == 0 && a.ValidInvalidMinusVoted == 0)
            a.Typo = typos.Best(basis, region, z, sigma, expected, registered, counts.Voted(box), counts.Valid(box), counts.Invalid(box), counts.Votes(box));
    }

    private void CheckDigits(int box, ref Assessment a)
    {
        var votes = counts.Votes(box);
        foreach (var choice in _components.Majors)
        {
            var v = votes[choice];
            if (v < options.DigitsMinVotes) continue;
            a.DigitCounts++;
            if (v % 10 == 0) a.Tens++;
            if (v % 5 == 0) a.Fives++;
        }
    }
}
