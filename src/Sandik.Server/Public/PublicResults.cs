using Sandik.Domain;
using Sandik.Domain.Geography;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Tallies;

namespace Sandik.Server.Public;

/// <summary>
/// The count as the public sees it: an area and its children, all sources reconciled by trust. Totals only — no box,
/// no source, no reporter, no conflict — so nothing in it says where a count came from or which sheets disagree.
/// </summary>
public sealed record PublicResults(
    string Election,
    LocalizedText ElectionName,
    LocalizedText? ChildLevel,
    IReadOnlyList<PublicResults.Crumb> Path,
    PublicResults.Area Totals,
    IReadOnlyList<PublicResults.Area> Children)
{
    public sealed record Crumb(string Code, string Name);

    /// <param name="Turnout">Voters over registered voters of the counted sheets; 0 while nothing is counted.</param>
    public sealed record Area(string Code, string Name, long BoxesCounted, long BoxesTotal, long Voted, long Valid, double Turnout, IReadOnlyList<Choice> Choices)
    {
        public double CountedShare => BoxesTotal == 0 ? 0 : (double)BoxesCounted / BoxesTotal;
    }

    /// <param name="Share">Share of the area's valid votes, 0 to 1.</param>
    public sealed record Choice(string Id, string Name, string? Color, long Votes, double Share);

    /// <summary>The public view of an area of the live race.</summary>
    public static PublicResults Of(LiveRace live, int areaIndex)
    {
        var view = SourceView.All(live.Sources);
        var geography = live.Geography;
        var area = geography.Areas[areaIndex];
        Area Summary(Sandik.Domain.Geography.Area a, AreaTotals t) => new(a.Code, a.Name, t.BoxesCounted, t.BoxesTotal, t.Voted, t.Valid, t.Turnout,
            [.. live.Race.Choices.Select((c, i) => new Choice(c.Id, c.Name, c.Color, t.Votes[i], t.Share(i)))]);
        var children = geography.ChildrenOf(areaIndex);
        var totals = live.ChildTotals(areaIndex, view);
        var path = new List<Crumb>();
        for (var a = area.Parent; a >= 0; a = geography.Areas[a].Parent) path.Insert(0, new Crumb(geography.Areas[a].Code, geography.Areas[a].Name));
        return new PublicResults(live.Election.Id, live.Election.Name, children.Count > 0 ? geography.Levels[area.Level + 1].Name : null, path,
            Summary(area, live.Totals(areaIndex, view)), [.. children.Select((c, i) => Summary(geography.Areas[c], totals[i]))]);
    }
}
