namespace Sandik.Domain.Seats;

/// <summary>
/// Allocates the seats of a Turkish-style parliamentary race: D'Hondt per constituency among the parties that pass
/// a national threshold, with independents competing in their own constituency.
/// </summary>
/// <remarks>
/// <para>The variant, which reproduces the official seats of both 2015 general elections from the ballot-box files
/// (see <c>docs/seats.md</c>):</para>
/// <list type="number">
/// <item>National votes of a choice = its domestic votes in all constituencies + its abroad votes.</item>
/// <item>A party passes when its national votes are more than <see cref="SeatRules.NationalThreshold"/> of all
/// national valid votes (every choice counted, independents and abroad votes included). Law 2839 art. 33 bars
/// parties that do not exceed ("geçmeyen") the threshold, so a share exactly at the threshold fails.</item>
/// <item>Each constituency receives abroad votes in proportion to its share of the domestic valid votes: for each
/// choice, abroad votes × constituency valid votes / domestic valid votes, rounded to a whole vote (halves away from
/// zero), as in the official per-district totals. Valid votes are the sum of all choices' votes.</item>
/// <item>D'Hondt (<see cref="DHondt"/>) per constituency among passing parties (no cap) and independents (at most
/// one seat); choices that are <see cref="SeatEligibility.NotEligible"/> or below the threshold get no seat.</item>
/// </list>
/// <para>Pure and deterministic; stateless and thread-safe.</para>
/// </remarks>
public static class SeatAllocator
{
    /// <summary>Allocates the seats of one race.</summary>
    /// <param name="rules">Seats, threshold, constituencies and abroad votes of the race.</param>
    /// <param name="candidates">The race's choices, in order.</param>
    /// <param name="domesticVotes">
    /// Per constituency code, the votes counted (or projected) in its domestic ballot boxes, aligned with
    /// <paramref name="candidates"/>. A constituency absent from the map has no votes yet and elects nobody.
    /// </param>
    /// <exception cref="ArgumentException">The inputs contradict each other (see the message).</exception>
    public static SeatAllocation Allocate(SeatRules rules, IReadOnlyList<SeatCandidate> candidates, IReadOnlyDictionary<string, double[]> domesticVotes)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(domesticVotes);
        var n = candidates.Count;
        var abroad = AbroadVotesByIndex(rules, candidates);
        CheckVotes(rules, n, domesticVotes);

        var votes = (double[])abroad.Clone();
        var constituencyValid = new double[rules.Constituencies.Count];
        for (var c = 0; c < rules.Constituencies.Count; c++)
        {
            if (!domesticVotes.TryGetValue(rules.Constituencies[c].Code, out var local)) continue;
            for (var i = 0; i < n; i++)
            {
                votes[i] += local[i];
                constituencyValid[c] += local[i];
            }
        }
        var domesticValid = constituencyValid.Sum();
        var nationalValid = votes.Sum();

        var shares = new double[n];
        var passed = new bool[n];
        var caps = new int[n];
        for (var i = 0; i < n; i++)
        {
            shares[i] = nationalValid > 0 ? votes[i] / nationalValid : 0;
            passed[i] = candidates[i].Eligibility == SeatEligibility.Party && shares[i] > rules.NationalThreshold;
            caps[i] = candidates[i].Eligibility == SeatEligibility.Independent ? 1 : passed[i] ? int.MaxValue : 0;
        }

        var seats = new int[n];
        var byConstituency = new Dictionary<string, int[]>(rules.Constituencies.Count, StringComparer.Ordinal);
        var withAbroad = new double[n];
        for (var c = 0; c < rules.Constituencies.Count; c++)
        {
            var constituency = rules.Constituencies[c];
            if (!domesticVotes.TryGetValue(constituency.Code, out var local))
            {
                byConstituency[constituency.Code] = new int[n];
                continue;
            }
            AddAbroad(local, abroad, domesticValid > 0 ? constituencyValid[c] / domesticValid : 0, withAbroad);
            var won = DHondt.Allocate(withAbroad, constituency.Magnitude, caps);
            for (var i = 0; i < n; i++) seats[i] += won[i];
            byConstituency[constituency.Code] = won;
        }
        return new SeatAllocation(candidates, seats, votes, shares, passed, byConstituency);
    }

    /// <summary>
    /// The votes a constituency's D'Hondt count uses: its domestic votes plus, for each choice, its part of the abroad
    /// votes rounded to a whole vote, one constituency after another in the rules' order.
    /// </summary>
    /// <returns>Per constituency code, the votes aligned with <paramref name="candidates"/>; constituencies without votes are absent.</returns>
    public static IReadOnlyDictionary<string, double[]> ConstituencyVotes(SeatRules rules, IReadOnlyList<SeatCandidate> candidates, IReadOnlyDictionary<string, double[]> domesticVotes)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(domesticVotes);
        var abroad = AbroadVotesByIndex(rules, candidates);
        CheckVotes(rules, candidates.Count, domesticVotes);
        // Summed as Allocate sums them (constituency by constituency, in the rules' order), so fractional votes round alike.
        var domesticValid = rules.Constituencies.Sum(c => domesticVotes.TryGetValue(c.Code, out var v) ? v.Sum() : 0);
        var result = new Dictionary<string, double[]>(domesticVotes.Count, StringComparer.Ordinal);
        foreach (var constituency in rules.Constituencies)
        {
            if (!domesticVotes.TryGetValue(constituency.Code, out var local)) continue;
            var votes = new double[candidates.Count];
            AddAbroad(local, abroad, domesticValid > 0 ? local.Sum() / domesticValid : 0, votes);
            result[constituency.Code] = votes;
        }
        return result;
    }

    private static void AddAbroad(double[] local, double[] abroad, double part, double[] withAbroad)
    {
        for (var i = 0; i < local.Length; i++)
            withAbroad[i] = local[i] + Math.Round(abroad[i] * part, MidpointRounding.AwayFromZero);
    }

    private static double[] AbroadVotesByIndex(SeatRules rules, IReadOnlyList<SeatCandidate> candidates)
    {
        var index = new Dictionary<string, int>(candidates.Count, StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!index.TryAdd(candidates[i].Id, i))
                throw new ArgumentException($"Candidate '{candidates[i].Id}' is listed twice.", nameof(candidates));
        }
        var abroad = new double[candidates.Count];
        foreach (var (id, count) in rules.AbroadVotes)
        {
            if (!index.TryGetValue(id, out var i))
                throw new ArgumentException($"Abroad votes name '{id}', which is not among the candidates.", nameof(rules));
            if (count < 0) throw new ArgumentException($"Abroad votes of '{id}' are negative ({count}).", nameof(rules));
            abroad[i] = count;
        }
        return abroad;
    }

    private static void CheckVotes(SeatRules rules, int candidateCount, IReadOnlyDictionary<string, double[]> domesticVotes)
    {
        var magnitudes = 0;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var constituency in rules.Constituencies)
        {
            if (!codes.Add(constituency.Code))
                throw new ArgumentException($"Constituency '{constituency.Code}' is listed twice.", nameof(rules));
            if (constituency.Magnitude < 0)
                throw new ArgumentException($"Constituency '{constituency.Code}' has a negative magnitude.", nameof(rules));
            magnitudes += constituency.Magnitude;
        }
        if (magnitudes != rules.TotalSeats)
            throw new ArgumentException($"Constituency magnitudes add up to {magnitudes}, not to the {rules.TotalSeats} seats.", nameof(rules));
        foreach (var (code, votes) in domesticVotes)
        {
            if (!codes.Contains(code))
                throw new ArgumentException($"Votes given for '{code}', which is not a constituency of the race.", nameof(domesticVotes));
            if (votes.Length != candidateCount)
                throw new ArgumentException($"Votes of '{code}' have {votes.Length} entries for {candidateCount} candidates.", nameof(domesticVotes));
            foreach (var v in votes)
            {
                if (!double.IsFinite(v) || v < 0)
                    throw new ArgumentException($"Votes of '{code}' must be finite and non-negative, got {v}.", nameof(domesticVotes));
            }
        }
    }
}
