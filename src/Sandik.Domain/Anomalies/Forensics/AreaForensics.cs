using Sandik.Domain.Elections;
using Sandik.Domain.Geography;

namespace Sandik.Domain.Anomalies.Forensics;

/// <summary>The aggregate tests of one area (a province or a district).</summary>
/// <param name="Province">The area's province, for districts (null for provinces).</param>
/// <param name="SecondDigit">Second-digit (2BL) test on the major choices' counts of the area's boxes.</param>
/// <param name="LastDigit">Last-digit test on the same counts.</param>
/// <param name="Fingerprint">Turnout against the leader's share, box by box.</param>
public sealed record AreaForensics(string AreaCode, string AreaName, string Level, string? Province, int Boxes,
    DigitTest SecondDigit, DigitTest LastDigit, Fingerprint Fingerprint);

/// <summary>Runs the aggregate tests over every area of a level. Pure; reads the counts it is given.</summary>
public static class ForensicsScan
{
    /// <param name="level">A level id of the geography, e.g. <c>province</c> or <c>district</c>.</param>
    /// <param name="choices">The counts the digit tests read: by default the votes of every choice.</param>
    public static IReadOnlyList<AreaForensics> ByArea(ElectionGeography geography, Race race, BoxCounts counts, string level,
        IReadOnlyList<int>? choices = null, int bins = 50)
    {
        var levelIndex = geography.LevelOf(level);
        if (levelIndex <= 0) throw new ArgumentException($"The geography has no level '{level}'.", nameof(level));
        var boxesOf = new Dictionary<int, List<int>>();
        for (var box = 0; box < counts.BoxCount; box++)
        {
            if (!counts.IsReported(box)) continue;
            var area = geography.ChainOf(box)[levelIndex];
            if (!boxesOf.TryGetValue(area, out var list)) boxesOf[area] = list = [];
            list.Add(box);
        }
        var provinceLevel = geography.LevelOf("province");
        return [.. boxesOf.OrderBy(kv => kv.Key).Select(kv =>
        {
            var area = geography.Areas[kv.Key];
            var province = provinceLevel > 0 && provinceLevel < levelIndex ? geography.AncestorAt(area.Index, provinceLevel).Name : null;
            return Of(geography, race, counts, area, level, province, kv.Value, choices, bins);
        })];
    }

    /// <summary>The tests of one area over the given boxes.</summary>
    public static AreaForensics Of(ElectionGeography geography, Race race, BoxCounts counts, Area area, string level, string? province,
        IReadOnlyList<int> boxes, IReadOnlyList<int>? choices = null, int bins = 50)
    {
        var picked = choices ?? [.. Enumerable.Range(0, race.Choices.Count)];
        var numbers = new List<int>(boxes.Count * picked.Count);
        foreach (var box in boxes)
        {
            var votes = counts.Votes(box);
            foreach (var j in picked) numbers.Add(votes[j]);
        }
        return new AreaForensics(area.Code, area.Name, level, province, boxes.Count,
            DigitTests.SecondDigit(numbers), DigitTests.LastDigit(numbers), Fingerprints.Of(geography, race, counts, area, boxes, bins));
    }
}
