namespace Sandik.Domain.Anomalies;

/// <summary>
/// The directional statistics the checks reduce a box to. Real data is lopsided: boxes with unusually low turnout
/// are common (voters who moved away and stayed on the list), unusually high turnout is rare — and added ballots
/// push it up. So each direction, and each manipulation pattern, is calibrated on its own, and separately per peer
/// basis (a district comparison is noisier than a neighbourhood one).
/// </summary>
public static class StatisticSlot
{
    public const int Arithmetic = 0, Register = 1, FullTurnout = 2, TurnoutHigh = 3, TurnoutLow = 4, InvalidHigh = 5, InvalidLow = 6,
        ShareHigh = 7, ShareLow = 8, SwingUp = 9, SwingDown = 10, ExtraBallots = 11, Flip = 12, Inflation = 13,
        Invalidation = 14, Removal = 15, Sources = 16, Digits = 17, Duplicate = 18, Transcription = 19;

    public const int Count = 20;

    private static readonly AnomalyCheck[] Checks =
    [
        AnomalyCheck.Arithmetic, AnomalyCheck.Register, AnomalyCheck.Register, AnomalyCheck.Turnout, AnomalyCheck.Turnout,
        AnomalyCheck.InvalidShare, AnomalyCheck.InvalidShare, AnomalyCheck.ChoiceShare, AnomalyCheck.ChoiceShare,
        AnomalyCheck.Swing, AnomalyCheck.Swing, AnomalyCheck.Pattern, AnomalyCheck.Pattern, AnomalyCheck.Pattern,
        AnomalyCheck.Pattern, AnomalyCheck.Pattern, AnomalyCheck.Sources, AnomalyCheck.Digits, AnomalyCheck.Duplicate,
        AnomalyCheck.Transcription,
    ];

    private static readonly int[] SlotsPerCheck = AnomalyChecks.All.Select(c => Checks.Count(x => x == c)).ToArray();

    public static AnomalyCheck CheckOf(int slot) => Checks[slot];

    /// <summary>How many slots feed a check: its surprise is the largest of theirs, less log10 of this many (the
    /// chance that one of several looks rare is that many times larger).</summary>
    public static int SlotsOf(AnomalyCheck check) => SlotsPerCheck[(int)check];

    /// <summary>The slot of a manipulation pattern.</summary>
    public static int Of(ManipulationPattern pattern) => pattern switch
    {
        ManipulationPattern.ExtraBallots => ExtraBallots,
        ManipulationPattern.Flip => Flip,
        ManipulationPattern.Inflation => Inflation,
        ManipulationPattern.Invalidation => Invalidation,
        ManipulationPattern.Removal => Removal,
        _ => throw new ArgumentOutOfRangeException(nameof(pattern)),
    };

    /// <summary>Whether the slot is calibrated on the boxes (as opposed to having a surprise fixed by construction).</summary>
    public static bool IsStatistical(int slot) => slot is (>= Register and <= Removal) or Transcription;
}
