using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Seats;

namespace Sandik.Domain.Tallies;

/// <summary>Seats of a race from the votes counted so far in a source view.</summary>
public static class LiveSeats
{
    /// <summary>Allocates the race's seats from the counted votes of every electoral district.</summary>
    /// <exception cref="InvalidOperationException">The race elects no body, or its geography has no level of electoral districts.</exception>
    public static SeatAllocation Allocate(LiveRace live, SourceView view, string constituencyLevel = "constituency") =>
        Count(live.Election, live.Race, live.Geography, a => live.Totals(a, view), constituencyLevel).Allocation;

    /// <summary>
    /// A race's seats from any source of area totals, with the rules and the domestic votes they were allocated from
    /// (what <see cref="SeatMargins"/> reads them back with).
    /// </summary>
    /// <exception cref="InvalidOperationException">The race elects no body, or its geography has no level of electoral districts.</exception>
    public static CountedSeats Count(Election election, Race race, ElectionGeography geography, Func<int, AreaTotals> totals, string constituencyLevel = "constituency")
    {
        var rules = RulesOf(election, race);
        var votes = DomesticVotes(geography, totals, constituencyLevel);
        return new CountedSeats(rules, votes, SeatAllocator.Allocate(rules, Candidates(race), votes));
    }

    /// <summary>The closest last seats of a count, closest first (<see cref="SeatMargins.LastSeats"/>).</summary>
    public static IReadOnlyList<SeatMargin> LastSeats(this CountedSeats seats) => SeatMargins.LastSeats(seats.Rules, seats.Allocation, seats.DomesticVotes);

    /// <summary>The race's seat rules.</summary>
    /// <exception cref="InvalidOperationException">The race elects no body.</exception>
    public static SeatRules RulesOf(Election election, Race race) =>
        race.Seats ?? throw new InvalidOperationException($"Race '{race.Id}' of '{election.Id}' allocates no seats.");

    /// <summary>The votes counted in each electoral district, by its code, from any source of area totals.</summary>
    /// <exception cref="InvalidOperationException">The geography has no level of electoral districts.</exception>
    public static IReadOnlyDictionary<string, double[]> DomesticVotes(ElectionGeography geography, Func<int, AreaTotals> totals, string constituencyLevel = "constituency")
    {
        var level = geography.LevelOf(constituencyLevel);
        if (level < 0) throw new InvalidOperationException($"The geography has no '{constituencyLevel}' level.");
        var votes = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var area in geography.AreasAt(level))
            votes[area.Code] = [.. totals(area.Index).Votes.Select(v => (double)v)];
        return votes;
    }

    /// <summary>The race's choices as seat candidates: parties (and presidential/mayoral candidates) under the
    /// threshold rule, independents exempt from it, aggregate columns never seated.</summary>
    public static IReadOnlyList<SeatCandidate> Candidates(Race race) =>
        [.. race.Choices.Select(c => new SeatCandidate(c.Id, c.Kind switch
        {
            ChoiceKind.Independent => SeatEligibility.Independent,
            ChoiceKind.Other => SeatEligibility.NotEligible,
            _ => SeatEligibility.Party,
        }))];
}

/// <summary>A seat allocation with the rules and the domestic votes per electoral district it was made from.</summary>
public sealed record CountedSeats(SeatRules Rules, IReadOnlyDictionary<string, double[]> DomesticVotes, SeatAllocation Allocation);
