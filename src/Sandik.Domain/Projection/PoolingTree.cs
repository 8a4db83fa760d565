using Sandik.Domain.Geography;

namespace Sandik.Domain.Projection;

/// <summary>
/// The areas swing is pooled over, parents first: the geography's levels (less the skipped ones) with, just above the
/// neighbourhoods, each district split into its villages and its larger neighbourhoods. Every node also knows its
/// electoral district ("unit"), the granularity of the simulations; nodes above the units are drawn explicitly.
/// </summary>
internal sealed partial class PoolingTree
{
    /// <summary>Pool level of each node; level 0 is the root.</summary>
    public int[] Level { get; private set; } = [];

    /// <summary>Parent node of each node, -1 for the root.</summary>
    public int[] Parent { get; private set; } = [];

    /// <summary>First node of each level; <c>LevelStart[LevelCount]</c> is the node count.</summary>
    public int[] LevelStart { get; private set; } = [];

    public int LevelCount { get; private set; }

    /// <summary>Names of the pool levels (geography level ids, "kind of box"), then "box".</summary>
    public string[] LevelNames { get; private set; } = [];

    /// <summary>The level-1 ancestor of each node (its province); the root for the root.</summary>
    public int[] Top { get; private set; } = [];

    public int NodeCount => Parent.Length;

    /// <summary>Node of each box at each level, <c>[box * LevelCount + level]</c>.</summary>
    public int[] BoxChain { get; private set; } = [];

    /// <summary>The unit (electoral district) of each box.</summary>
    public int[] BoxUnit { get; private set; } = [];

    /// <summary>The geography areas of the units.</summary>
    public Area[] Units { get; private set; } = [];

    /// <summary>Levels drawn explicitly in the simulations (they hold whole units): 0 .. ExplicitLevels-1.</summary>
    public int ExplicitLevels { get; private set; }

    /// <summary>Unit of each node below the explicit levels, -1 above.</summary>
    public int[] NodeUnit { get; private set; } = [];

    /// <summary>The explicit ancestors of each unit, <c>[unit * ExplicitLevels + level]</c>.</summary>
    public int[] UnitAncestors { get; private set; } = [];

    /// <summary>The province-level area of each unit (the unit itself when the geography has no such level).</summary>
    public Area[] UnitProvince { get; private set; } = [];

    /// <summary>
    /// The level that splits each district by kind of box: ordinary boxes of larger neighbourhoods, village boxes,
    /// and the few very small boxes of larger neighbourhoods; -1 when none.
    /// </summary>
    public int SplitLevel { get; private set; } = -1;

    /// <summary>Kind of each node of the split level; 0 elsewhere.</summary>
    public byte[] Kind { get; private set; } = [];

    /// <summary>Kinds of box the split level tells apart.</summary>
    public const int Kinds = 3;

    public const byte Ordinary = 0, Village = 1, SpecialBox = 2;

    /// <summary>
    /// Highest level a counted box's votes are pooled into: 0, except for very small boxes, whose swing is their own
    /// and must not leak into their district's (they are few, fast to count and so over-represented early).
    /// </summary>
    public int[] BoxTop { get; private set; } = [];

    /// <summary>The split-level node of a box (its kind of settlement within its district).</summary>
    public int SplitNode(int box) => BoxChain[box * LevelCount + SplitLevel];

    public int Leaf(int box) => BoxChain[box * LevelCount + LevelCount - 1];
}
