using Sandik.Domain.Projection;

namespace Sandik.Server.Projection;

/// <summary>
/// How the projection of one race converged over the night, in the view of every source: at each recomputation, the
/// national projected shares with their intervals beside the raw counted shares, keyed by the number of boxes counted
/// (a later snapshot at the same count replaces the earlier one). Bounded: when full, every other point is dropped, so a
/// long night keeps its whole shape at a coarser step. Thread-safe.
/// </summary>
public sealed class ConvergenceHistory(int capacity = 512)
{
    private readonly Lock _gate = new();
    private readonly List<ConvergencePoint> _points = [];

    public void Add(ProjectionSnapshot snapshot, DateTimeOffset at)
    {
        var point = ConvergencePoint.Of(snapshot, at);
        lock (_gate)
        {
            var i = _points.Count - 1;
            while (i >= 0 && _points[i].BoxesCounted > point.BoxesCounted) i--;
            if (i >= 0 && _points[i].BoxesCounted == point.BoxesCounted)
            {
                if (_points[i].Version <= point.Version) _points[i] = point;
                return;
            }
            _points.Insert(i + 1, point);
            if (_points.Count > capacity) Thin();
        }
    }

    /// <summary>The points so far, fewest boxes counted first.</summary>
    public IReadOnlyList<ConvergencePoint> Points()
    {
        lock (_gate) return [.. _points];
    }

    /// <summary>Drops every other point, keeping the first and the last.</summary>
    private void Thin()
    {
        var last = _points[^1];
        var kept = 0;
        for (var i = 0; i < _points.Count - 1; i += 2) _points[kept++] = _points[i];
        _points.RemoveRange(kept, _points.Count - kept);
        _points.Add(last);
    }
}

/// <summary>The national projection at one count: turnout, and per choice (ballot order) the raw share and the projected one.</summary>
public sealed record ConvergencePoint(int BoxesCounted, double CountedFraction, long Version, DateTimeOffset At, ProjectionResponse.Range Turnout,
    IReadOnlyList<ConvergenceChoice> Choices)
{
    public static ConvergencePoint Of(ProjectionSnapshot snapshot, DateTimeOffset at) =>
        new(snapshot.BoxesCounted, ProjectionResponse.Round(snapshot.CountedFraction), snapshot.Version, at, ProjectionResponse.Range.Of(snapshot.Nation.Turnout),
            [.. snapshot.Nation.Choices.Select(c => new ConvergenceChoice(c.ChoiceId, ProjectionResponse.Round(c.Counted), ProjectionResponse.Range.Of(c.Share)))]);
}

/// <param name="Counted">The raw running share of the valid votes counted.</param>
/// <param name="Share">The projected final share with its interval.</param>
public sealed record ConvergenceChoice(string ChoiceId, double Counted, ProjectionResponse.Range Share);
