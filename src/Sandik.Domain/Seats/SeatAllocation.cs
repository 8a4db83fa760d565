namespace Sandik.Domain.Seats;

/// <summary>The outcome of <see cref="SeatAllocator.Allocate"/>. Every array is aligned with <see cref="Candidates"/>.</summary>
/// <param name="Candidates">The race's choices, in the order the votes were given.</param>
/// <param name="Seats">National seats per choice.</param>
/// <param name="Votes">National votes per choice: domestic votes plus votes cast abroad.</param>
/// <param name="Shares">Share of the national valid votes (all choices, abroad included), 0 to 1.</param>
/// <param name="PassedThreshold">
/// True for a party whose share exceeds the national threshold. Always false for independents (exempt, so never
/// measured) and for choices that are not eligible.
/// </param>
/// <param name="ConstituencySeats">Seats per choice in each constituency, keyed by constituency code.</param>
public sealed record SeatAllocation(
    IReadOnlyList<SeatCandidate> Candidates,
    int[] Seats,
    double[] Votes,
    double[] Shares,
    bool[] PassedThreshold,
    IReadOnlyDictionary<string, int[]> ConstituencySeats)
{
    /// <summary>National seats of the choice with this id; 0 when there is no such choice.</summary>
    public int SeatsOf(string id)
    {
        for (var i = 0; i < Candidates.Count; i++)
        {
            if (Candidates[i].Id == id) return Seats[i];
        }
        return 0;
    }

    /// <summary>Seats handed out in total; less than the body's size only while some constituency has no votes.</summary>
    public int AllocatedSeats => Seats.Sum();
}
