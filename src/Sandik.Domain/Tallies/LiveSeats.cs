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
        SeatAllocator.Allocate(RulesOf(live.Election, live.Race), Candidates(live.Race), DomesticVotes(live.Geography, a => live.Totals(a, view), constituencyLevel));

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
