namespace Sandik.Domain.Projection;

/// <summary>
/// The live projection of a race at one moment: what the count will most likely end at, with intervals, for the
/// nation, each province and each electoral district, the seats, and the probabilities that matter. A plain
/// immutable record, safe to serialise and to share.
/// </summary>
/// <param name="Version">The live race's version the snapshot was computed from.</param>
/// <param name="BoxesCounted">Boxes with a counted tally in the view.</param>
/// <param name="RegisteredCounted">Share of the registered voters whose boxes are counted.</param>
/// <param name="Prior">How the prior election was used.</param>
/// <param name="Coverage">Probability mass of every interval (0.90).</param>
/// <param name="Seats">Seats, for races that elect a body; null otherwise.</param>
/// <param name="Outlook">Per choice, the probabilities that matter.</param>
/// <param name="Notes">Plain-language caveats: missing prior, unmatched boxes, too little counted to measure a level.</param>
public sealed record ProjectionSnapshot(
    string ElectionId,
    string RaceId,
    long Version,
    int BoxesCounted,
    int BoxesTotal,
    double RegisteredCounted,
    PriorUse Prior,
    double Coverage,
    AreaProjection Nation,
    IReadOnlyList<AreaProjection> Provinces,
    IReadOnlyList<AreaProjection> Constituencies,
    SeatProjection? Seats,
    IReadOnlyList<ChoiceOutlook> Outlook,
    IReadOnlyList<string> Notes)
{
    public double CountedFraction => BoxesTotal == 0 ? 0 : (double)BoxesCounted / BoxesTotal;
}

/// <summary>A value with the bounds of its interval.</summary>
public readonly record struct Estimate(double Value, double Low, double High)
{
    public bool Covers(double truth) => truth >= Low && truth <= High;
}

/// <summary>The projection of one area.</summary>
/// <param name="Turnout">Voters over registered voters (registry), projected.</param>
/// <param name="Choices">Per choice, in ballot order.</param>
public sealed record AreaProjection(string Code, string Name, int BoxesCounted, int BoxesTotal, Estimate Turnout, IReadOnlyList<ChoiceProjection> Choices);

/// <summary>One choice in one area.</summary>
/// <param name="Counted">Its share of the valid votes counted so far (the raw running count).</param>
/// <param name="Share">Its projected share of the area's valid votes.</param>
/// <param name="Seats">Projected seats in the area, for races that elect a body.</param>
public sealed record ChoiceProjection(string ChoiceId, double Counted, Estimate Share, Estimate? Seats);

/// <summary>Seats of the body as a whole.</summary>
/// <param name="Majority">Seats needed for a majority (more than half).</param>
public sealed record SeatProjection(int TotalSeats, double Threshold, int Majority);

/// <summary>The probabilities that matter for one choice.</summary>
/// <param name="PassesThreshold">Probability of passing the national threshold (parliamentary races).</param>
/// <param name="WinsMajority">Probability of winning a majority of the seats (parliamentary races).</param>
/// <param name="AboveHalf">Probability of more than half of the national valid votes (decides a presidential race).</param>
public sealed record ChoiceOutlook(string ChoiceId, double? PassesThreshold, double? WinsMajority, double AboveHalf);

/// <summary>How the prior election served this projection.</summary>
/// <param name="ElectionId">The prior election, or null when there was none.</param>
/// <param name="BoxesByMatch">Boxes per way of matching: <c>box</c>, then area levels (e.g. <c>neighbourhood</c>), <c>none</c>.</param>
/// <param name="CountedOnly">True when shares come from counted boxes alone (no prior, or no prior choice matches).</param>
/// <param name="OwnSwing">Choices with a swing of their own; the others share one pooled swing.</param>
public sealed record PriorUse(string? ElectionId, IReadOnlyDictionary<string, int> BoxesByMatch, bool CountedOnly, IReadOnlyList<string> OwnSwing);
