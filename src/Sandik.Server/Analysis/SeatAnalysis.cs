using Sandik.Domain;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Seats;
using Sandik.Domain.Tallies;

namespace Sandik.Server.Analysis;

/// <summary>
/// The seats of a parliamentary race from what is counted, and where they were close: each party's distance from the
/// national threshold, and the last seat of every electoral district with the party next in line for it, closest first.
/// </summary>
/// <param name="Election">The election's id.</param>
/// <param name="ElectionName">Its name.</param>
/// <param name="BoxesCounted">Boxes whose votes are in (all of them for a finished election).</param>
/// <param name="Parties">Every party on the ballot, most votes first.</param>
/// <param name="LastSeats">The last seat of every electoral district with votes, the fewest votes to move first.</param>
public sealed record SeatAnalysis(
    string Election,
    LocalizedText ElectionName,
    long BoxesCounted,
    long BoxesTotal,
    int TotalSeats,
    int AllocatedSeats,
    double Threshold,
    IReadOnlyList<SeatAnalysis.Party> Parties,
    IReadOnlyList<SeatAnalysis.LastSeat> LastSeats)
{
    /// <param name="Spare">Votes it could lose and still pass the threshold (positive) or must gain to pass it (negative), others unchanged.</param>
    public sealed record Party(string Id, string Name, string? Color, long Votes, double Share, bool Passed, double Spare, int Seats);

    /// <param name="Code">The electoral district's code (e.g. <c>33-1</c>).</param>
    /// <param name="Valid">Its valid votes, its part of the abroad votes included.</param>
    /// <param name="HolderSeats">Seats the holder won there; the last seat is its <c>HolderSeats</c>th.</param>
    /// <param name="ChallengerSeats">Seats the party next in line won there; the seat in play would be its next.</param>
    /// <param name="QuotientGap">Votes by which the last seat's D'Hondt quotient beat the challenger's.</param>
    /// <param name="VotesToMove">Fewest voters of the holder who, voting for the challenger, would have moved the seat.</param>
    /// <param name="VotesToGain">Fewest new votes for the challenger alone that would have won it the seat.</param>
    public sealed record LastSeat(string Code, string Name, int Magnitude, long Valid, string Holder, int HolderSeats, string Challenger, int ChallengerSeats,
        double QuotientGap, long VotesToMove, long VotesToGain, double ShareToMove);

    /// <summary>The analysis of a race's counted votes, read area by area from <paramref name="totals"/>.</summary>
    /// <exception cref="InvalidOperationException">The race allocates no seats, or its geography has no electoral districts.</exception>
    public static SeatAnalysis Of(Election election, Race race, ElectionGeography geography, Func<int, AreaTotals> totals)
    {
        var counted = LiveSeats.Count(election, race, geography, totals);
        var (rules, allocation) = (counted.Rules, counted.Allocation);
        var spare = SeatMargins.Threshold(rules, allocation).ToDictionary(m => m.Candidate, m => m.Spare);
        var parties = race.Choices.Select((c, i) => (c, i)).Where(x => spare.ContainsKey(x.i))
            .Select(x => new Party(x.c.Id, x.c.Name, x.c.Color, (long)Math.Round(allocation.Votes[x.i]), allocation.Shares[x.i],
                allocation.PassedThreshold[x.i], spare[x.i], allocation.Seats[x.i]))
            .OrderByDescending(p => p.Votes).ToList();
        var last = counted.LastSeats().Select(m => new LastSeat(m.Constituency.Code, m.Constituency.Name,
            m.Constituency.Magnitude, (long)Math.Round(m.Valid), race.Choices[m.Holder].Id, m.HolderSeats, race.Choices[m.Challenger].Id,
            m.ChallengerSeats, m.QuotientGap, m.VotesToMove, m.VotesToGain, m.ShareToMove)).ToList();
        var nation = totals(geography.Root.Index);
        return new SeatAnalysis(election.Id, election.Name, nation.BoxesCounted, nation.BoxesTotal, rules.TotalSeats, allocation.AllocatedSeats,
            rules.NationalThreshold, parties, last);
    }
}
