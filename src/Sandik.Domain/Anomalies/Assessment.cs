using System.Runtime.CompilerServices;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// Everything the checks found about one box, before it is scored or put into words. A value type filled without
/// allocating, so that a full scan of 175,000 boxes costs no garbage.
/// </summary>
internal struct Assessment
{
    public int Box;
    public int Registered;

    /// <summary>Votes minus valid votes on the sheet (0 when they agree).</summary>
    public int VotesMinusValid;
    /// <summary>Valid plus invalid minus voters (0 when they agree or when a count is missing).</summary>
    public int ValidInvalidMinusVoted;
    /// <summary>Registered on the sheet minus the voter list's figure (0 when either is missing).</summary>
    public int SheetMinusRegistry;

    /// <summary>Voters minus registered voters (only meaningful when <see cref="Registered"/> &gt; 0).</summary>
    public int Excess;

    public Standing Turnout;
    public Standing InvalidShare;

    /// <summary>The choice group (a major, or others) whose share stands out most upwards (downwards), and its standing; -1 when none.</summary>
    public int ShareUpChoice, ShareDownChoice;
    public Standing ShareUp, ShareDown;

    /// <summary>The level metric (see <see cref="BoxMetrics"/>) whose swing stands out most upwards (downwards), or -1.</summary>
    public int SwingUpMetric, SwingDownMetric;
    public Standing SwingUp, SwingDown;

    /// <summary>The best fit of each manipulation pattern, indexed by <see cref="ManipulationPattern"/> − 1.</summary>
    public PatternFits Patterns;
    public PeerBasis PatternBasis;

    /// <summary>The slip of the pen that best explains the box's departure from its peers, if any.</summary>
    public TypoFit Typo;

    /// <summary>How many sizeable counts there are, and how many of them are multiples of 10 and of 5.</summary>
    public int DigitCounts, Tens, Fives;

    /// <summary>Another box of the district with exactly the same counts, or -1.</summary>
    public int DuplicateOf;

    /// <summary>The largest difference between the counted sheet and another source's copy, in votes.</summary>
    public int SourceGap;
}

/// <summary>One <see cref="PatternFit"/> per manipulation pattern, stored inline.</summary>
[InlineArray(PatternTest.Kinds)]
internal struct PatternFits
{
    private PatternFit _first;
}
