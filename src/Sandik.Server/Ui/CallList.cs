using Sandik.Domain.Geography;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Tallies;

namespace Sandik.Server.Ui;

/// <summary>
/// The boxes the call centre should phone: those no source of a view (every source, by default) has reported yet, in an area, most needed first — the
/// golden boxes (the quick count waits for them), then the boxes with the most registered voters (the most votes
/// still out), then by code; the boxes another operator is calling (<see cref="CallClaims"/>) after all the free ones. Also
/// how many are out in each area of the first level down that splits it, so that a supervisor sees where the gaps are.
/// </summary>
public static class CallList
{
    public sealed record Box(string Code, int Index, int Registered, bool Golden, IReadOnlyList<Area> Path, CallClaims.Claim? Claim);

    public sealed record Gap(Area Area, int Boxes, long Registered);

    public sealed record Listing(Area Area, int Outstanding, long OutstandingRegistered, int GoldenOutstanding, IReadOnlyList<Box> First, IReadOnlyList<Gap> ByArea);

    public static Listing Of(LiveRace live, SourceView view, Area within, IReadOnlySet<string>? golden, int limit, CallClaims? claims = null, string? caller = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var geography = live.Geography;
        var missing = live.BoxesWithStatus(BoxStatus.NotReported, view);
        var inArea = new List<BallotBox>();
        var below = GapLevel(geography, within);
        var gaps = new Dictionary<int, (int Boxes, long Registered)>();
        foreach (var index in missing)
        {
            var chain = geography.ChainOf(index);
            if (chain[within.Level] != within.Index) continue;
            var box = geography.Boxes[index];
            inArea.Add(box);
            if (below < 0) continue;
            var (boxes, registered) = gaps.GetValueOrDefault(chain[below]);
            gaps[chain[below]] = (boxes + 1, registered + box.Registered);
        }
        bool IsGolden(BallotBox b) => golden?.Contains(b.Code) == true;
        claims?.Prune();
        // The caller's own claims first (they are working them), boxes other operators are calling after the free ones.
        var first = inArea
            .Select(b => (Box: b, Claim: claims?.Of(b.Code)))
            .OrderBy(c => c.Claim is null ? 1 : c.Claim.Operator == caller ? 0 : 2).ThenByDescending(c => IsGolden(c.Box)).ThenByDescending(c => c.Box.Registered)
            .ThenBy(c => c.Box.Code, StringComparer.Ordinal)
            .Take(limit)
            .Select(c => new Box(c.Box.Code, c.Box.Index, c.Box.Registered, IsGolden(c.Box), PathOf(geography, c.Box.Index, within.Level), c.Claim))
            .ToList();
        var byArea = gaps.Select(g => new Gap(geography.Areas[g.Key], g.Value.Boxes, g.Value.Registered))
            .OrderByDescending(g => g.Boxes).ThenBy(g => g.Area.Code, StringComparer.Ordinal).ToList();
        return new Listing(within, inArea.Count, inArea.Sum(b => (long)b.Registered), inArea.Count(IsGolden), first, byArea);
    }

    /// <summary>
    /// The level the gaps are counted at: the first below the area that splits it (a province of one electoral
    /// district is shown by its districts); -1 for an area whose boxes are not split further.
    /// </summary>
    private static int GapLevel(ElectionGeography geography, Area within)
    {
        var area = within.Index;
        while (geography.ChildrenOf(area) is { Count: > 0 } children)
        {
            if (children.Count > 1) return geography.Areas[children[0]].Level;
            area = children[0];
        }
        return -1;
    }

    /// <summary>The areas between the listed one (excluded) and the box (the nation, its root, is never named).</summary>
    private static List<Area> PathOf(ElectionGeography geography, int box, int fromLevel)
    {
        var chain = geography.ChainOf(box);
        var path = new List<Area>();
        for (var level = Math.Max(1, fromLevel + 1); level < chain.Length; level++) path.Add(geography.Areas[chain[level]]);
        return path;
    }
}
