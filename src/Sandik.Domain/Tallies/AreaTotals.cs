namespace Sandik.Domain.Tallies;

/// <summary>
/// The counted totals of one area in one source view: a snapshot, safe to keep and share.
/// </summary>
/// <param name="BoxesCounted">Boxes with a counted tally in this view.</param>
/// <param name="BoxesTotal">Boxes in the registry for this area.</param>
/// <param name="RegisteredCovered">Registered voters (per the registry) of the counted boxes.</param>
/// <param name="RegisteredTotal">Registered voters (per the registry) of all boxes of the area.</param>
/// <param name="Registered">Registered voters as the counted sheets give them.</param>
/// <param name="Votes">Votes per choice, in the race's order.</param>
public sealed record AreaTotals(
    int AreaIndex,
    long BoxesCounted,
    long BoxesTotal,
    long Confirmed,
    long Conflicts,
    long RegisteredCovered,
    long RegisteredTotal,
    long Registered,
    long Voted,
    long Valid,
    long Invalid,
    long[] Votes)
{
    /// <summary>Voters over registered voters of the counted sheets (0 when none).</summary>
    public double Turnout => Registered == 0 ? 0 : (double)Voted / Registered;

    public double InvalidShare => Voted == 0 ? 0 : (double)Invalid / Voted;

    public double CountedShare => BoxesTotal == 0 ? 0 : (double)BoxesCounted / BoxesTotal;

    /// <summary>A choice's share of the valid votes (0 when none).</summary>
    public double Share(int choiceIndex) => Valid == 0 ? 0 : (double)Votes[choiceIndex] / Valid;

    /// <summary>Index of the choice with the most votes, or -1 when nothing is counted.</summary>
    public int Leader()
    {
        var best = -1;
        for (var i = 0; i < Votes.Length; i++)
        {
            if (Votes[i] > 0 && (best < 0 || Votes[i] > Votes[best])) best = i;
        }
        return best;
    }
}
