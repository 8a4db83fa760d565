namespace Sandik.Domain.Projection;

/// <summary>Turns a run of the engine and its simulations into a <see cref="ProjectionSnapshot"/>.</summary>
internal static class SnapshotBuilder
{
    public static ProjectionSnapshot Build(ProjectionEngine engine, ProjectionDraws draws, string electionId, long version, PriorUse prior, IReadOnlyList<string> notes)
    {
        var areas = draws.Areas;
        var coverage = engine.Options.Coverage;
        var counted = new int[areas.Count];
        var registeredCounted = 0.0;
        var registeredTotal = 0.0;
        for (var u = 0; u < areas.UnitCount; u++)
        {
            var boxes = engine.CountedBoxes[u];
            counted[0] += boxes;
            counted[1 + areas.ProvinceOfUnit[u]] += boxes;
            counted[areas.FirstUnit + u] = boxes;
            registeredCounted += engine.CountedRegistered[u];
            registeredTotal += engine.CountedRegistered[u] + engine.UncountedRegistered[u];
        }
        var rawVotes = new double[areas.Count * engine.Choices];
        for (var u = 0; u < areas.UnitCount; u++) areas.Spread(u, engine.CountedVotes.AsSpan(u * engine.Choices, engine.Choices), rawVotes, engine.Choices);
        var projections = new AreaProjection[areas.Count];
        Parallel.For(0, areas.Count, a => projections[a] = Area(engine, draws, a, counted[a], rawVotes, coverage));
        var rules = draws.Rules;
        var seats = rules is null ? null : new SeatProjection(rules.TotalSeats, rules.NationalThreshold, rules.TotalSeats / 2 + 1);
        var outlook = engine.Race.Choices.Select((c, k) => new ChoiceOutlook(c.Id,
            rules is null ? null : Probability(draws.Passed[k], draws.Draws),
            rules is null ? null : Probability(draws.Majority[k], draws.Draws),
            Probability(draws.AboveHalf[k], draws.Draws))).ToList();
        return new ProjectionSnapshot(electionId, engine.Race.Id, version, counted[0], areas.BoxesTotal[0],
            registeredTotal > 0 ? registeredCounted / registeredTotal : 0, prior, coverage,
            projections[0], projections[1..areas.FirstUnit], projections[areas.FirstUnit..], seats, outlook, notes);
    }

    private static double Probability(int hits, int draws) => draws == 0 ? double.NaN : (double)hits / draws;

    private static AreaProjection Area(ProjectionEngine engine, ProjectionDraws draws, int a, int counted, double[] rawVotes, double coverage)
    {
        var k = engine.Choices;
        var width = draws.Width;
        var point = draws.Point.AsSpan(a * width, width);
        var per = draws.StatsPerArea;
        var raw = rawVotes.AsSpan(a * k, k);
        var rawValid = 0.0;
        foreach (var v in raw) rawValid += v;
        var choices = new ChoiceProjection[k];
        for (var i = 0; i < k; i++)
        {
            var share = Interval(draws, a * per + i, point[k] > 0 ? point[i] / point[k] : 0, coverage);
            Estimate? seats = draws.HasSeats ? SeatInterval(draws, a * per + k + 1 + i, point[k + 3 + i], coverage) : null;
            choices[i] = new ChoiceProjection(engine.Race.Choices[i].Id, rawValid > 0 ? raw[i] / rawValid : 0, share, seats);
        }
        var turnout = Interval(draws, a * per + k, point[k + 2] > 0 ? point[k + 1] / point[k + 2] : 0, coverage);
        var area = draws.Areas.Areas[a];
        return new AreaProjection(area.Code, area.Name, counted, draws.Areas.BoxesTotal[a], turnout, choices);
    }

    /// <summary>
    /// Seats: the median of the simulated allocations, not the allocation of the most likely shares. Seats are a step
    /// function of the shares, so the allocation at the point can sit at the edge of a step that most outcomes leave.
    /// </summary>
    private static Estimate SeatInterval(ProjectionDraws draws, int stat, double point, double coverage)
    {
        if (draws.Draws == 0) return new Estimate(point, point, point);
        var values = draws.Values.AsSpan(stat * draws.Draws, draws.Draws);
        var (median, low, high) = Quantiles.MedianAndCentral(values, coverage);
        return new Estimate(median, Math.Floor(Math.Min(low, median)), Math.Ceiling(Math.Max(high, median)));
    }

    private static Estimate Interval(ProjectionDraws draws, int stat, double value, double coverage)
    {
        if (draws.Draws == 0) return new Estimate(value, value, value);
        var (low, high) = Quantiles.Central(draws.Values.AsSpan(stat * draws.Draws, draws.Draws), coverage);
        return new Estimate(value, Math.Min(low, value), Math.Max(high, value));
    }
}
