namespace Sandik.Domain.Anomalies;

/// <summary>A ranking of boxes by anomaly score, as of one moment: what the UI and the command line show.</summary>
/// <param name="ScoredBoxes">How many boxes were ranked (all reported boxes), before any filter.</param>
/// <param name="Boxes">The boxes the query selected, most suspicious first; each keeps its rank among all boxes.</param>
public sealed record AnomalyReport(string RaceId, int ScoredBoxes, IReadOnlyList<BoxAnomaly> Boxes)
{
    /// <summary>
    /// The boxes of the report grouped by district, most boxes first: where to send an extra observer (müşahit) for
    /// the next round. Narrow the report first (by score, by top share of boxes) to choose how many boxes to cover.
    /// </summary>
    public IReadOnlyList<DistrictReinforcement> ReinforcementByDistrict() =>
        [.. Boxes.GroupBy(b => b.DistrictCode)
            .Select(g => new DistrictReinforcement(g.First().ProvinceCode, g.First().Province, g.Key, g.First().District,
                [.. g.OrderByDescending(b => b.Score)]))
            .OrderByDescending(d => d.Boxes.Count).ThenBy(d => d.DistrictCode, StringComparer.Ordinal)];
}

/// <summary>The boxes of one district that need an extra observer.</summary>
public sealed record DistrictReinforcement(string ProvinceCode, string Province, string DistrictCode, string District, IReadOnlyList<BoxAnomaly> Boxes);
