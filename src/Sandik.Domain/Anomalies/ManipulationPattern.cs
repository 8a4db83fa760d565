namespace Sandik.Domain.Anomalies;

/// <summary>The shapes of manipulation the pattern check looks for, as shifts between vote components.</summary>
public enum ManipulationPattern : byte
{
    None,
    /// <summary>Ballots added for one choice: abstainers become its voters (ballot stuffing).</summary>
    ExtraBallots,
    /// <summary>Votes moved from one choice to another, turnout unchanged.</summary>
    Flip,
    /// <summary>Ballots added in proportion to the box's own result: turnout up, shares unchanged.</summary>
    Inflation,
    /// <summary>Votes of one choice made invalid.</summary>
    Invalidation,
    /// <summary>Votes of one choice gone missing, turnout down.</summary>
    Removal,
}

/// <summary>The pattern that best explains a box's departure from its peers.</summary>
/// <param name="From">The choice group votes left (flip, invalidation, removal), or -1; see <see cref="VoteComponents.Names"/>.</param>
/// <param name="To">The choice group votes went to (extra ballots, flip), or -1.</param>
/// <param name="Z">The test statistic: how many spreads the shift along this pattern is, given how turnout and
/// shares normally vary together.</param>
/// <param name="Votes">The estimated size of the shift, in votes.</param>
/// <param name="Evidence">What the check ranks by: the log-likelihood ratio, under heavy-tailed honest departures
/// (<see cref="HeavyTails"/>), of the box with the shift taken out against the box as it is. It grows with
/// <paramref name="Z"/>, but less for a box that is far from its peers in other directions too.</param>
public readonly record struct PatternFit(ManipulationPattern Pattern, int From, int To, double Z, int Votes, double Evidence = 0)
{
    public static readonly PatternFit None = new(ManipulationPattern.None, -1, -1, 0, 0);
}
