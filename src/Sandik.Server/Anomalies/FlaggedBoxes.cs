using Sandik.Domain.Anomalies;
using Sandik.Domain.Geography;

namespace Sandik.Server.Anomalies;

/// <summary>
/// The boxes at the top of the national ranking (the review budget), by area: how many each province or district
/// holds, and, district by district, which boxes need an extra observer. Immutable.
/// </summary>
public sealed class FlaggedBoxes(ElectionGeography geography, AnomalyReport report)
{
    /// <summary>The flagged boxes, most suspicious first.</summary>
    public AnomalyReport Report { get; } = report;

    /// <summary>The flagged boxes inside an area (a province, a district…), or all of them for null.</summary>
    public IReadOnlyList<BoxAnomaly> In(string? area)
    {
        if (area is null) return Report.Boxes;
        if (!geography.TryGetArea(area, out var found)) return [];
        return [.. Report.Boxes.Where(b => geography.ChainOf(b.BoxIndex)[found.Level] == found.Index)];
    }

    /// <summary>Flagged boxes per province, or per district of one province, most first.</summary>
    public IReadOnlyList<FlaggedArea> Counts(string? province)
    {
        var byDistrict = province is not null;
        return [.. In(province)
            .GroupBy(b => byDistrict ? (Code: b.DistrictCode, Name: b.District) : (Code: b.ProvinceCode, Name: b.Province))
            .Select(g => new FlaggedArea(g.Key.Code, g.Key.Name, g.Count(), g.Max(b => b.Score)))
            .OrderByDescending(a => a.Boxes).ThenBy(a => a.Code, StringComparer.Ordinal)];
    }

    /// <summary>The flagged boxes of an area by district, most boxes first: where to send an extra observer.</summary>
    public IReadOnlyList<DistrictReinforcement> Reinforcement(string? area) =>
        new AnomalyReport(Report.RaceId, Report.ScoredBoxes, In(area)).ReinforcementByDistrict();
}

/// <summary>How many flagged boxes an area holds, and the highest score among them.</summary>
public sealed record FlaggedArea(string Code, string Name, int Boxes, double TopScore);
