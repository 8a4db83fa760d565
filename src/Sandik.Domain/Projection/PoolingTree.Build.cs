using Sandik.Domain.Geography;

namespace Sandik.Domain.Projection;

internal sealed partial class PoolingTree
{
    public static PoolingTree Build(ElectionGeography geography, ProjectionOptions options)
    {
        var unitLevel = geography.LevelOf(options.ConstituencyLevel);
        if (unitLevel < 0) unitLevel = Math.Min(1, geography.Depth - 1);
        var provinceLevel = geography.LevelOf(options.ProvinceLevel);
        var levels = new List<int>();
        for (var level = 0; level < geography.Depth; level++)
        {
            if (level == 0 || level == geography.Depth - 1 || !options.SkipLevels.Contains(geography.Levels[level].Id)) levels.Add(level);
        }
        var split = levels.Count - 1;
        var poolLevels = levels.Count + (levels.Count > 1 ? 1 : 0);
        var tree = new PoolingTree { LevelCount = poolLevels };
        var boxes = geography.Boxes.Count;
        var keys = new long[boxes * poolLevels];
        var kinds = new byte[boxes];
        tree.BoxTop = new int[boxes];
        for (var b = 0; b < boxes; b++)
        {
            var chain = geography.ChainOf(b);
            kinds[b] = KindOf(geography, b, options);
            for (int p = 0, g = 0; p < poolLevels; p++)
            {
                if (levels.Count > 1 && p == split)
                {
                    keys[b * poolLevels + p] = Kinds * (long)chain[levels[g - 1]] + kinds[b];
                    continue;
                }
                var area = chain[levels[g++]];
                keys[b * poolLevels + p] = p == poolLevels - 1 ? 2L * area + (kinds[b] == SpecialBox ? 1 : 0) : area;
            }
        }
        tree.Number(keys, boxes, poolLevels);
        var names = levels.Select(l => geography.Levels[l].Id).ToList();
        if (levels.Count > 1) names.Insert(split, "kind of box");
        names.Add("box");
        tree.LevelNames = [.. names];
        tree.SplitLevel = levels.Count > 1 ? split : -1;
        tree.Kind = new byte[tree.NodeCount];
        if (tree.SplitLevel >= 0)
        {
            for (var b = 0; b < boxes; b++)
            {
                tree.Kind[tree.SplitNode(b)] = kinds[b];
                if (kinds[b] == SpecialBox) tree.BoxTop[b] = split;
            }
        }
        tree.AssignUnits(geography, levels, unitLevel, provinceLevel, split);
        return tree;
    }

    /// <summary>
    /// A box in a village (a neighbourhood of at most <see cref="ProjectionOptions.SmallAreaBoxes"/> boxes), a box
    /// with very few voters in a larger neighbourhood (officials, prisons, a list's last few names), or an ordinary one.
    /// </summary>
    private static byte KindOf(ElectionGeography geography, int box, ProjectionOptions options)
    {
        var b = geography.Boxes[box];
        if (geography.BoxCountOf(b.Area) <= options.SmallAreaBoxes) return Village;
        return b.Registered < options.SpecialBoxVoters ? SpecialBox : Ordinary;
    }

    private void Number(long[] keys, int boxes, int poolLevels)
    {
        var parent = new List<int>();
        var level = new List<int>();
        var starts = new int[poolLevels + 1];
        BoxChain = new int[boxes * poolLevels];
        for (var p = 0; p < poolLevels; p++)
        {
            starts[p] = parent.Count;
            var seen = new Dictionary<long, int>();
            for (var b = 0; b < boxes; b++)
            {
                if (!seen.TryGetValue(keys[b * poolLevels + p], out var node))
                {
                    node = parent.Count;
                    seen[keys[b * poolLevels + p]] = node;
                    parent.Add(p == 0 ? -1 : BoxChain[b * poolLevels + p - 1]);
                    level.Add(p);
                }
                BoxChain[b * poolLevels + p] = node;
            }
        }
        if (parent.Count == 0)
        {
            parent.Add(-1);
            level.Add(0);
        }
        starts[poolLevels] = parent.Count;
        Parent = [.. parent];
        Level = [.. level];
        LevelStart = starts;
        Top = new int[Parent.Length];
        for (var n = 1; n < Parent.Length; n++) Top[n] = Level[n] == 1 ? n : Top[Parent[n]];
    }

    private void AssignUnits(ElectionGeography geography, List<int> levels, int unitLevel, int provinceLevel, int split)
    {
        var unitByArea = new Dictionary<int, int>();
        var units = new List<Area>();
        BoxUnit = new int[geography.Boxes.Count];
        for (var b = 0; b < BoxUnit.Length; b++)
        {
            var area = geography.ChainOf(b)[unitLevel];
            if (!unitByArea.TryGetValue(area, out var unit))
            {
                unit = units.Count;
                unitByArea[area] = unit;
                units.Add(geography.Areas[area]);
            }
            BoxUnit[b] = unit;
        }
        Units = [.. units];
        UnitProvince = [.. units.Select(u => provinceLevel >= 0 && u.Level >= provinceLevel ? geography.AncestorAt(u.Index, provinceLevel) : u)];
        ExplicitLevels = 0;
        while (ExplicitLevels < levels.Count && ExplicitLevels != split && levels[ExplicitLevels] < unitLevel) ExplicitLevels++;
        ExplicitLevels = Math.Max(1, ExplicitLevels);
        NodeUnit = new int[NodeCount];
        Array.Fill(NodeUnit, -1);
        UnitAncestors = new int[units.Count * ExplicitLevels];
        for (var b = 0; b < BoxUnit.Length; b++)
        {
            for (var p = 0; p < LevelCount; p++)
            {
                var node = BoxChain[b * LevelCount + p];
                if (p < ExplicitLevels) UnitAncestors[BoxUnit[b] * ExplicitLevels + p] = node;
                else NodeUnit[node] = BoxUnit[b];
            }
        }
    }
}
