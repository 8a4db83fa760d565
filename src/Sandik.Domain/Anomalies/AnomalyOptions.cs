namespace Sandik.Domain.Anomalies;

/// <summary>The few knobs of anomaly detection; the defaults are what docs/anomalies.md evaluates.</summary>
public sealed record AnomalyOptions
{
    /// <summary>A neighbourhood needs this many reported boxes to be a box's peer group; smaller ones use the district.</summary>
    public int MinNeighbourhoodPeers { get; init; } = 4;

    /// <summary>
    /// Voters a box may have beyond its register without suspicion: the box committee and security staff on duty
    /// vote where they serve. About 2,800 real 2015 boxes exceed their register, 2,200 of them by fewer than five.
    /// </summary>
    public int OfficialsOnDuty { get; init; } = 5;

    /// <summary>Turnout from which the register check starts to weigh how close a box came to its register (one box
    /// in twenty reached 95% in November 2015, one in a hundred 99%).</summary>
    public double FullTurnout { get; init; } = 0.95;

    /// <summary>Weight, in boxes, of the district's typical spread when a neighbourhood's own spread is estimated
    /// from few boxes (a MAD of six values is itself noisy).</summary>
    public double SpreadShrinkage { get; init; } = 6;

    /// <summary>Choices with less than this share of the race's valid votes are pooled as "others".</summary>
    public double MajorChoiceShare { get; init; } = 0.02;

    public int MaxMajorChoices { get; init; } = 6;

    /// <summary>Fewest valid votes for a box's digits and round counts to be judged.</summary>
    public int DigitsMinVotes { get; init; } = 20;

    /// <summary>Fewest valid votes for two boxes with identical counts to be called copies.</summary>
    public int DuplicateMinValid { get; init; } = 50;

    /// <summary>Whether a box's expectation in its neighbourhood carries part of its own departure in the prior election
    /// (see <see cref="Sandik.Domain.Anomalies.PriorPersistence"/>).</summary>
    public bool PriorPersistence { get; init; } = true;

    public static AnomalyOptions Default { get; } = new();
}
