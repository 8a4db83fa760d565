using Sandik.Domain.Geography;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Tallies;
using Sandik.Server.Projection;

namespace Sandik.Server.Ui;

/// <summary>
/// The boxes the call centre should phone: those no source of a view (every source, by default) has reported yet, in
/// an area, most needed first — the golden boxes (the quick count waits for them), then the boxes with the most
/// registered voters (the most votes still out), then by code; the caller's own claims (<see cref="CallClaims"/>)
/// before all of them, the boxes another operator is calling after all the free ones. Also how many are out in each
/// area of the first level down that splits it, so that a supervisor sees where the gaps are. The order of every box
/// is made once per golden sample, so a listing walks it instead of sorting the outstanding boxes. Thread-safe.
/// </summary>
public sealed class CallList(ProjectionService projections, CallClaims claims)
{
    public sealed record Box(string Code, int Index, int Registered, bool Golden, IReadOnlyList<Area> Path, CallClaims.Claim? Claim);

    public sealed record Gap(Area Area, int Boxes, long Registered);

    public sealed record Listing(Area Area, int Outstanding, long OutstandingRegistered, int GoldenOutstanding, IReadOnlyList<Box> First, IReadOnlyList<Gap> ByArea);

    private sealed record Priority(ElectionGeography Geography, IReadOnlySet<string>? Golden, int[] Order, int[] Rank, bool[] IsGolden);

    private volatile Priority? _priority;

    public Listing Of(LiveRace live, SourceView view, Area within, int limit, string? caller)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var geography = live.Geography;
        var priority = PriorityOf(geography, projections.GoldenBoxes(live));
        var missing = new bool[geography.Boxes.Count];
        var below = GapLevel(geography, within);
        var gaps = new Dictionary<int, (int Boxes, long Registered)>();
        var (outstanding, registeredOut, goldenOut) = (0, 0L, 0);
        foreach (var index in live.BoxesWithStatus(BoxStatus.NotReported, view))
        {
            var chain = geography.ChainOf(index);
            if (chain[within.Level] != within.Index) continue;
            var box = geography.Boxes[index];
            missing[index] = true;
            outstanding++;
            registeredOut += box.Registered;
            if (priority.IsGolden[index]) goldenOut++;
            if (below < 0) continue;
            var (boxes, registered) = gaps.GetValueOrDefault(chain[below]);
            gaps[chain[below]] = (boxes + 1, registered + box.Registered);
        }

        // The claims are few: the caller's go first, the others' last, each group in the order of priority.
        var claimed = new Dictionary<int, CallClaims.Claim>();
        foreach (var (code, claim) in claims.Live())
        {
            if (geography.TryGetBox(code, out var box) && missing[box.Index]) claimed[box.Index] = claim;
        }
        var ranked = claimed.Keys.OrderBy(i => priority.Rank[i]).ToList();
        var first = new List<Box>(Math.Min(limit, outstanding));
        void Add(int index) => first.Add(new Box(geography.Boxes[index].Code, index, geography.Boxes[index].Registered, priority.IsGolden[index],
            PathOf(geography, index, within.Level), claimed.GetValueOrDefault(index)));
        foreach (var index in ranked.Where(i => claimed[i].Operator == caller).Take(limit)) Add(index);
        foreach (var index in priority.Order)
        {
            if (first.Count >= limit) break;
            if (missing[index] && !claimed.ContainsKey(index)) Add(index);
        }
        foreach (var index in ranked.Where(i => claimed[i].Operator != caller))
        {
            if (first.Count >= limit) break;
            Add(index);
        }
        var byArea = gaps.Select(g => new Gap(geography.Areas[g.Key], g.Value.Boxes, g.Value.Registered))
            .OrderByDescending(g => g.Boxes).ThenBy(g => g.Area.Code, StringComparer.Ordinal).ToList();
        return new Listing(within, outstanding, registeredOut, goldenOut, first, byArea);
    }

    /// <summary>Every box in the order of priority (golden, then most registered, then code), made again when the golden sample or the geography changes.</summary>
    private Priority PriorityOf(ElectionGeography geography, IReadOnlySet<string>? golden)
    {
        if (_priority is { } known && ReferenceEquals(known.Geography, geography) && ReferenceEquals(known.Golden, golden)) return known;
        var boxes = geography.Boxes;
        var isGolden = new bool[boxes.Count];
        foreach (var box in boxes) isGolden[box.Index] = golden?.Contains(box.Code) == true;
        var order = Enumerable.Range(0, boxes.Count)
            .OrderByDescending(i => isGolden[i]).ThenByDescending(i => boxes[i].Registered).ThenBy(i => boxes[i].Code, StringComparer.Ordinal)
            .ToArray();
        var rank = new int[order.Length];
        for (var r = 0; r < order.Length; r++) rank[order[r]] = r;
        var made = new Priority(geography, golden, order, rank, isGolden);
        _priority = made;
        return made;
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
