using System.Collections.Frozen;

namespace Sandik.Domain.Geography;

/// <summary>
/// The areas and ballot boxes of one election, as a tree of named levels with the boxes as leaves.
/// Immutable once built and safe to share between threads.
/// </summary>
public sealed class ElectionGeography
{
    private readonly FrozenDictionary<string, int> _areaByCode;
    private readonly FrozenDictionary<string, int> _boxByCode;
    private readonly int[] _chains;
    private readonly int[][] _children;
    private readonly int[] _boxTotals;
    private readonly long[] _registeredTotals;

    internal ElectionGeography(IReadOnlyList<GeographyLevel> levels, IReadOnlyList<Area> areas, IReadOnlyList<BallotBox> boxes)
    {
        Levels = levels;
        Areas = areas;
        Boxes = boxes;
        _areaByCode = areas.ToFrozenDictionary(a => a.Code, a => a.Index, StringComparer.Ordinal);
        _boxByCode = boxes.ToFrozenDictionary(b => b.Code, b => b.Index, StringComparer.Ordinal);
        _children = BuildChildren(areas);
        _chains = BuildChains(levels.Count, areas, boxes);
        (_boxTotals, _registeredTotals) = CountBoxes(areas.Count, boxes);
    }

    /// <summary>
    /// Rebuilds a geography from stored rows; checks that indexes are dense, parents come before children and every
    /// box sits in a leaf area.
    /// </summary>
    public static ElectionGeography FromRows(IReadOnlyList<GeographyLevel> levels, IReadOnlyList<Area> areas, IReadOnlyList<BallotBox> boxes)
    {
        if (levels.Count < 2) throw new DefinitionException("A geography needs a root level and at least one more.");
        if (areas.Count == 0 || areas[0].Parent != -1 || areas[0].Level != 0) throw new DefinitionException("The first area must be the root.");
        for (var i = 0; i < areas.Count; i++)
        {
            var a = areas[i];
            if (a.Index != i) throw new DefinitionException($"Area '{a.Code}' has index {a.Index}, expected {i}.");
            if (i > 0 && (a.Parent < 0 || a.Parent >= i || areas[a.Parent].Level != a.Level - 1))
                throw new DefinitionException($"Area '{a.Code}' has an invalid parent {a.Parent}.");
        }
        for (var i = 0; i < boxes.Count; i++)
        {
            var b = boxes[i];
            if (b.Index != i) throw new DefinitionException($"Box '{b.Code}' has index {b.Index}, expected {i}.");
            if (b.Area < 0 || b.Area >= areas.Count || areas[b.Area].Level != levels.Count - 1)
                throw new DefinitionException($"Box '{b.Code}' is not in a leaf area.");
        }
        return new ElectionGeography(levels, areas, boxes);
    }

    /// <summary>The levels, root first (for Turkey: nation, province, electoral district, district, neighbourhood).</summary>
    public IReadOnlyList<GeographyLevel> Levels { get; }

    public IReadOnlyList<Area> Areas { get; }

    public IReadOnlyList<BallotBox> Boxes { get; }

    /// <summary>Number of area levels; every box has exactly this many ancestors.</summary>
    public int Depth => Levels.Count;

    public Area Root => Areas[0];

    public bool TryGetArea(string code, out Area area)
    {
        var found = _areaByCode.TryGetValue(code, out var index);
        area = found ? Areas[index] : null!;
        return found;
    }

    public bool TryGetBox(string code, out BallotBox box)
    {
        var found = _boxByCode.TryGetValue(code, out var index);
        box = found ? Boxes[index] : null!;
        return found;
    }

    /// <summary>Indexes of the areas holding a box, root first, leaf last; exactly <see cref="Depth"/> of them.</summary>
    public ReadOnlySpan<int> ChainOf(int boxIndex) => _chains.AsSpan(boxIndex * Depth, Depth);

    public IReadOnlyList<int> ChildrenOf(int areaIndex) => _children[areaIndex];

    /// <summary>Number of ballot boxes registered inside an area.</summary>
    public int BoxCountOf(int areaIndex) => _boxTotals[areaIndex];

    /// <summary>Registered voters of all boxes inside an area.</summary>
    public long RegisteredOf(int areaIndex) => _registeredTotals[areaIndex];

    /// <summary>The areas of one level, in registry order.</summary>
    public IEnumerable<Area> AreasAt(int level) => Areas.Where(a => a.Level == level);

    /// <summary>Index of the level with this id, or -1.</summary>
    public int LevelOf(string levelId)
    {
        for (var i = 0; i < Levels.Count; i++)
        {
            if (Levels[i].Id == levelId) return i;
        }
        return -1;
    }

    /// <summary>The ancestor of an area at a given level (the area itself when it is at that level).</summary>
    public Area AncestorAt(int areaIndex, int level)
    {
        var area = Areas[areaIndex];
        while (area.Level > level) area = Areas[area.Parent];
        return area;
    }

    private static int[][] BuildChildren(IReadOnlyList<Area> areas)
    {
        var lists = new List<int>[areas.Count];
        for (var i = 0; i < lists.Length; i++) lists[i] = [];
        foreach (var area in areas)
        {
            if (area.Parent >= 0) lists[area.Parent].Add(area.Index);
        }
        return [.. lists.Select(l => l.ToArray())];
    }

    private static int[] BuildChains(int depth, IReadOnlyList<Area> areas, IReadOnlyList<BallotBox> boxes)
    {
        var chains = new int[boxes.Count * depth];
        foreach (var box in boxes)
        {
            var area = box.Area;
            for (var level = depth - 1; level >= 0; level--)
            {
                chains[box.Index * depth + level] = area;
                area = areas[area].Parent;
            }
        }
        return chains;
    }

    private (int[] Boxes, long[] Registered) CountBoxes(int areaCount, IReadOnlyList<BallotBox> boxes)
    {
        var counts = new int[areaCount];
        var registered = new long[areaCount];
        foreach (var box in boxes)
        {
            foreach (var area in ChainOf(box.Index))
            {
                counts[area]++;
                registered[area] += box.Registered;
            }
        }
        return (counts, registered);
    }
}
