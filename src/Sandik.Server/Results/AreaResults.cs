using Sandik.Domain.Tallies;

namespace Sandik.Server.Results;

/// <summary>Counted results of one area in one source view: the area itself, its ancestors for navigation, its children.</summary>
public sealed record AreaResults(string Race, IReadOnlyList<string> Sources, long Version, AreaResults.Row Area,
    IReadOnlyList<AreaResults.Crumb> Path, string? ChildLevel, IReadOnlyList<AreaResults.Row> Children)
{
    public sealed record Crumb(string Code, string Name);

    public sealed record Row(string Code, string Name, string Level, long Boxes, long BoxesTotal, long Confirmed, long Conflicts,
        long RegisteredCovered, long RegisteredTotal, long Registered, long Voted, long Valid, long Invalid, double Turnout,
        IReadOnlyDictionary<string, long> Votes, string? Leader);

    public static AreaResults Build(LiveRace live, SourceView view, int areaIndex)
    {
        var geography = live.Geography;
        var area = geography.Areas[areaIndex];
        var path = new List<Crumb>();
        for (var a = area; a.Parent >= 0; a = geography.Areas[a.Parent]) path.Insert(0, new Crumb(geography.Areas[a.Parent].Code, geography.Areas[a.Parent].Name));
        var children = live.ChildTotals(areaIndex, view);
        var childLevel = area.Level + 1 < geography.Depth ? geography.Levels[area.Level + 1].Id : null;
        return new AreaResults(live.Race.Id, [.. view.SourceIds(live.Sources)], live.Version, ToRow(live, live.Totals(areaIndex, view)),
            path, childLevel, [.. children.Select(t => ToRow(live, t))]);
    }

    public static Row ToRow(LiveRace live, AreaTotals t)
    {
        var area = live.Geography.Areas[t.AreaIndex];
        var choices = live.Race.Choices;
        var votes = new Dictionary<string, long>(choices.Count);
        for (var i = 0; i < choices.Count; i++) votes[choices[i].Id] = t.Votes[i];
        var leader = t.Leader();
        return new Row(area.Code, area.Name, live.Geography.Levels[area.Level].Id, t.BoxesCounted, t.BoxesTotal, t.Confirmed, t.Conflicts,
            t.RegisteredCovered, t.RegisteredTotal, t.Registered, t.Voted, t.Valid, t.Invalid, Math.Round(t.Turnout, 6), votes,
            leader < 0 ? null : choices[leader].Id);
    }
}
