namespace Sandik.Domain.Seats;

/// <summary>
/// Where a seat allocation was close: the last seat of every constituency and who was next in line for it, and each
/// party's distance from the national threshold. The marginal constituencies a party campaigns in between elections,
/// and the seats still in play on election night. Pure; stateless and thread-safe.
/// </summary>
public static class SeatMargins
{
    /// <summary>The last seat of every constituency with votes, the closest (fewest votes to move) first.</summary>
    /// <param name="rules">The rules <paramref name="allocation"/> was made with.</param>
    /// <param name="allocation">The allocation of <paramref name="domesticVotes"/>.</param>
    /// <param name="domesticVotes">The domestic votes per constituency the allocation was made from.</param>
    public static IReadOnlyList<SeatMargin> LastSeats(SeatRules rules, SeatAllocation allocation, IReadOnlyDictionary<string, double[]> domesticVotes)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var votes = SeatAllocator.ConstituencyVotes(rules, allocation.Candidates, domesticVotes);
        var caps = Caps(allocation);
        var margins = new List<SeatMargin>(votes.Count);
        foreach (var constituency in rules.Constituencies)
        {
            if (!votes.TryGetValue(constituency.Code, out var local)) continue;
            if (Margin(constituency, local, allocation.ConstituencySeats[constituency.Code], caps) is { } margin) margins.Add(margin);
        }
        return [.. margins.OrderBy(m => m.VotesToMove).ThenBy(m => m.QuotientGap).ThenBy(m => m.Constituency.Code, StringComparer.Ordinal)];
    }

    /// <summary>Every party's distance from the national threshold, in the race's order (independents and aggregate columns left out).</summary>
    public static IReadOnlyList<ThresholdMargin> Threshold(SeatRules rules, SeatAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(allocation);
        var national = allocation.Votes.Sum();
        var t = rules.NationalThreshold;
        return [.. allocation.Candidates.Select((c, i) => (c, i)).Where(x => x.c.Eligibility == SeatEligibility.Party)
            .Select(x => new ThresholdMargin(x.i, allocation.Votes[x.i], allocation.Shares[x.i], allocation.PassedThreshold[x.i],
                (allocation.Votes[x.i] - t * national) / (1 - t)))];
    }

    private static SeatMargin? Margin(Constituency constituency, double[] votes, int[] won, int[] caps)
    {
        // The last seat went to the lowest winning quotient; at equal quotients D'Hondt gave the earlier seat to more votes.
        var holder = -1;
        for (var i = 0; i < votes.Length; i++)
        {
            if (won[i] == 0) continue;
            if (holder < 0 || Below(votes[i], won[i], votes[holder], won[holder])) holder = i;
        }
        if (holder < 0) return null;
        var challenger = -1;
        for (var i = 0; i < votes.Length; i++)
        {
            if (i == holder || votes[i] <= 0 || won[i] >= caps[i]) continue;
            if (challenger < 0 || votes[i] * (won[challenger] + 1) > votes[challenger] * (won[i] + 1)) challenger = i;
        }
        if (challenger < 0) return null;
        return new SeatMargin(constituency, votes.Sum(), holder, won[holder], votes[holder], challenger, won[challenger], votes[challenger]);
    }

    // a / seatsA is the later seat than b / seatsB: D'Hondt gave b's seat before a's.
    private static bool Below(double a, int seatsA, double b, int seatsB) => DHondt.Beats(b, seatsB - 1, a, seatsA - 1);

    private static int[] Caps(SeatAllocation allocation) =>
        [.. allocation.Candidates.Select((c, i) => c.Eligibility switch
        {
            SeatEligibility.Independent => 1,
            SeatEligibility.Party when allocation.PassedThreshold[i] => int.MaxValue,
            _ => 0,
        })];
}
