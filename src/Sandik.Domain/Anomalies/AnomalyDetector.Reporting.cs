namespace Sandik.Domain.Anomalies;

// The reading side of the detector: explanations of single boxes and rankings for reports.
public sealed partial class AnomalyDetector
{
    /// <summary>The box's score and reasons, recomputed against the current statistics.</summary>
    public BoxAnomaly? Explain(int box)
    {
        lock (_gate) return _counts.IsReported(box) ? Rescore(box, explain: true, rank: 0) : null;
    }

    /// <summary>The reported boxes ranked by score, most suspicious first, narrowed by the query.</summary>
    public AnomalyReport Report(AnomalyQuery? query = null)
    {
        query ??= AnomalyQuery.All;
        lock (_gate)
        {
            var order = RankedBoxes();
            var picked = new List<BoxAnomaly>();
            Span<double> slots = stackalloc double[Slots];
            Span<double> checks = stackalloc double[Checks];
            for (var i = 0; i < order.Length && picked.Count < query.Top; i++)
            {
                var box = order[i];
                _combiner.Combine(_raw.AsSpan(box * Slots, Slots), _basis.AsSpan(box * Slots, Slots), slots, checks);
                if (!query.Matches(Geography, box, _scores[box], checks)) continue;
                picked.Add(Rescore(box, explain: true, rank: i + 1, keepScore: true)!);
            }
            return new AnomalyReport(Race.Id, order.Length, picked);
        }
    }

    private int[] RankedBoxes()
    {
        var boxes = new List<int>(_scores.Length);
        for (var box = 0; box < _scores.Length; box++)
        {
            if (!double.IsNaN(_scores[box])) boxes.Add(box);
        }
        var order = boxes.ToArray();
        var keys = order.Select(b => -_scores[b]).ToArray();
        Array.Sort(keys, order);
        return order;
    }

    private BoxAnomaly Describe(int box, int rank, double score, double[] surprises, IReadOnlyList<AnomalyReason> reasons)
    {
        var b = Geography.Boxes[box];
        var province = Geography.AncestorAt(b.Area, Math.Min(1, Geography.Depth - 1));
        var district = Geography.Areas[_groups.DistrictOf(box)];
        return new BoxAnomaly(box, b.Code, b.Number, province.Code, province.Name, district.Code, district.Name,
            Geography.Areas[b.Area].Name, rank, score, surprises, reasons);
    }
}
