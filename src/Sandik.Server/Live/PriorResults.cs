using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;
using AnomalyPrior = Sandik.Domain.Anomalies.PriorElection;
using ProjectionPrior = Sandik.Domain.Projection.PriorElection;

namespace Sandik.Server.Live;

/// <summary>
/// A finished earlier election as its own log counts it (every source, reconciled by trust): one tally per box of
/// its own geography. The projection and the anomaly checks each take it in their own shape.
/// </summary>
public sealed class PriorResults
{
    private PriorResults(Election election, Race race, ElectionGeography geography, Tally?[] tallies)
    {
        Election = election;
        Race = race;
        Geography = geography;
        Tallies = tallies;
        BoxesCounted = tallies.Count(t => t is not null);
        Projection = new ProjectionPrior(election.Id, race, geography, tallies);
        var counts = new Sandik.Domain.Anomalies.BoxCounts(geography.Boxes.Count, race.Choices.Count);
        for (var box = 0; box < tallies.Length; box++)
        {
            if (tallies[box] is { } tally) counts.Set(box, tally);
        }
        Anomalies = new AnomalyPrior(geography, race, counts);
        _board = new Lazy<TallyBoard>(() =>
        {
            var board = new TallyBoard(geography, race.Choices.Count);
            for (var box = 0; box < tallies.Length; box++)
            {
                if (tallies[box] is { } tally) board.Add(box, tally, 1);
            }
            return board;
        });
    }

    // The sums per area, made the first time an analysis asks (a few megabytes the projection and the checks never need).
    private readonly Lazy<TallyBoard> _board;

    public Election Election { get; }

    public Race Race { get; }

    public ElectionGeography Geography { get; }

    /// <summary>The counted tally of each box, by the prior geography's box index (null when none was counted).</summary>
    public IReadOnlyList<Tally?> Tallies { get; }

    public int BoxesCounted { get; }

    /// <summary>The counted totals of an area of the prior geography. Thread-safe.</summary>
    public AreaTotals Totals(int areaIndex) => _board.Value.Totals(areaIndex);

    /// <summary>The prior as the live projection takes it.</summary>
    public ProjectionPrior Projection { get; }

    /// <summary>The prior as the anomaly checks take it.</summary>
    public AnomalyPrior Anomalies { get; }

    /// <summary>The counted tallies of a finished race, every source reconciled by trust.</summary>
    public static PriorResults Counted(LiveRace race)
    {
        var view = SourceView.All(race.Sources);
        var tallies = new Tally?[race.Geography.Boxes.Count];
        for (var box = 0; box < tallies.Length; box++) tallies[box] = race.CountedTally(box, view)?.Tally;
        return new PriorResults(race.Election, race.Race, race.Geography, tallies);
    }
}
