using Sandik.Domain;
using Sandik.Domain.Geography;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Tallies;
using Sandik.Server.Live;

namespace Sandik.Server.Analysis;

/// <summary>
/// An area and its children as counted now beside the prior election: each choice's share of the valid votes then
/// and now and the swing in between, and turnout. Areas are matched by code (the same province, electoral district,
/// district or neighbourhood), choices by id; a choice or an area the other election does not have has no prior.
/// On election night the count of an area is partial and so is its swing: <c>BoxesCounted</c> says how partial.
/// </summary>
public sealed record SwingTable(
    string Election,
    LocalizedText ElectionName,
    string Prior,
    LocalizedText PriorName,
    LocalizedText? ChildLevel,
    SwingTable.Row Area,
    IReadOnlyList<SwingTable.Row> Children)
{
    /// <param name="Turnout">Voters over registered voters of the counted sheets; null while nothing is counted.</param>
    /// <param name="PriorTurnout">The same in the prior election; null when it has no such area.</param>
    public sealed record Row(string Code, string Name, long BoxesCounted, long BoxesTotal, double? Turnout, double? PriorTurnout, IReadOnlyList<Choice> Choices)
    {
        public double? TurnoutSwing => Turnout - PriorTurnout;
    }

    /// <param name="Share">Share of the area's valid votes now; null while nothing is counted.</param>
    /// <param name="PriorShare">Its share in the prior election; null when the choice or the area was not on that ballot.</param>
    public sealed record Choice(string Id, double? Share, double? PriorShare)
    {
        /// <summary>Share now less share then, 0 to 1 (a gain of five points is 0.05).</summary>
        public double? Swing => Share - PriorShare;
    }

    /// <summary>The area of <paramref name="live"/> at <paramref name="areaIndex"/> and its children, in a source view.</summary>
    public static SwingTable Build(LiveRace live, SourceView view, PriorResults prior, int areaIndex)
    {
        var geography = live.Geography;
        var area = geography.Areas[areaIndex];
        var priorChoice = live.Race.Choices.Select(c => prior.Race.IndexOf(c.Id)).ToArray();
        Row RowOf(Area a, AreaTotals now)
        {
            var then = prior.Geography.TryGetArea(a.Code, out var p) ? prior.Totals(p.Index) : null;
            if (then is { BoxesCounted: 0 }) then = null;
            var counted = now.BoxesCounted > 0;
            var choices = live.Race.Choices.Select((c, i) => new Choice(c.Id, counted ? now.Share(i) : null,
                then is not null && priorChoice[i] >= 0 ? then.Share(priorChoice[i]) : null)).ToList();
            return new Row(a.Code, a.Name, now.BoxesCounted, now.BoxesTotal, counted ? now.Turnout : null, then?.Turnout, choices);
        }
        var children = geography.ChildrenOf(areaIndex);
        var totals = live.ChildTotals(areaIndex, view);
        var rows = children.Select((child, i) => RowOf(geography.Areas[child], totals[i])).ToList();
        var childLevel = children.Count > 0 ? geography.Levels[area.Level + 1].Name : (LocalizedText?)null;
        return new SwingTable(live.Election.Id, live.Election.Name, prior.Election.Id, prior.Election.Name, childLevel,
            RowOf(area, live.Totals(areaIndex, view)), rows);
    }
}
