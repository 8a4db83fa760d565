using Sandik.Domain.Elections;
using Sandik.Domain.Seats;

namespace Sandik.Domain.Tallies;

/// <summary>Seats of a race from the votes counted so far in a source view.</summary>
public static class LiveSeats
{
    /// <summary>Allocates the race's seats from the counted votes of every electoral district.</summary>
    /// <exception cref="InvalidOperationException">The race elects no body, or its geography has no level of electoral districts.</exception>
    public static SeatAllocation Allocate(LiveRace live, SourceView view, string constituencyLevel = "constituency")
    {
        var rules = live.Race.Seats ?? throw new InvalidOperationException($"Race '{live.Race.Id}' of '{live.Election.Id}' allocates no seats.");
        var level = live.Geography.LevelOf(constituencyLevel);
        if (level < 0) throw new InvalidOperationException($"The geography has no '{constituencyLevel}' level.");
        var votes = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var area in live.Geography.AreasAt(level))
        {
            var totals = live.Totals(area.Index, view);
            votes[area.Code] = [.. totals.Votes.Select(v => (double)v)];
        }
        return SeatAllocator.Allocate(rules, Candidates(live.Race), votes);
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
