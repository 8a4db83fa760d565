using Sandik.Domain.Geography;

namespace Sandik.Domain.Anomalies;

/// <summary>
/// Which boxes a box is compared with. Voters are assigned to the boxes of their neighbourhood (muhtarlık), so the
/// boxes of one neighbourhood should look alike; a neighbourhood with too few boxes borrows its district's.
/// Groups are stored as compact member lists per area. Immutable and safe to share.
/// </summary>
public sealed class PeerGroups
{
    private readonly int[] _neighbourhoodOf;
    private readonly int[] _districtOf;
    private readonly int[] _regionOf;
    private readonly int[] _start;
    private readonly int[] _members;

    /// <param name="districtLevel">Id of the level peers are pooled to (default <c>district</c>; the level above the
    /// neighbourhood when the geography has no such level).</param>
    public PeerGroups(ElectionGeography geography, string districtLevel = "district")
    {
        Geography = geography;
        var leaf = geography.Depth - 1;
        var district = geography.LevelOf(districtLevel) is var l and > 0 && l < leaf ? l : Math.Max(leaf - 1, 0);
        NeighbourhoodLevel = leaf;
        DistrictLevel = district;
        var boxes = geography.Boxes;
        _neighbourhoodOf = new int[boxes.Count];
        _districtOf = new int[boxes.Count];
        _regionOf = new int[boxes.Count];
        // Regions are the areas just below the root (provinces), when there is a level between them and the districts.
        var regions = new Dictionary<int, int>();
        var sizes = new int[geography.Areas.Count + 1];
        foreach (var box in boxes)
        {
            var chain = geography.ChainOf(box.Index);
            _neighbourhoodOf[box.Index] = chain[leaf];
            _districtOf[box.Index] = chain[district];
            _regionOf[box.Index] = district > 1 ? RegionIndex(regions, chain[1]) : -1;
            sizes[chain[leaf]]++;
            if (district != leaf) sizes[chain[district]]++;
        }
        Regions = regions.Count;
        _start = new int[sizes.Length];
        for (var a = 1; a < sizes.Length; a++) _start[a] = _start[a - 1] + sizes[a - 1];
        _members = new int[_start[^1]];
        var fill = (int[])_start.Clone();
        foreach (var box in boxes)
        {
            _members[fill[_neighbourhoodOf[box.Index]]++] = box.Index;
            if (district != leaf) _members[fill[_districtOf[box.Index]]++] = box.Index;
        }
    }

    public ElectionGeography Geography { get; }

    private static int RegionIndex(Dictionary<int, int> regions, int area)
    {
        if (!regions.TryGetValue(area, out var index)) regions[area] = index = regions.Count;
        return index;
    }

    public int NeighbourhoodLevel { get; }

    public int DistrictLevel { get; }

    /// <summary>How many regions (provinces) there are; 0 when the geography has no level between the root and the districts.</summary>
    public int Regions { get; }

    /// <summary>The box's region (a compact index of its province), or -1.</summary>
    public int RegionOf(int box) => _regionOf[box];

    public int NeighbourhoodOf(int box) => _neighbourhoodOf[box];

    public int DistrictOf(int box) => _districtOf[box];

    /// <summary>Every box of an area that is a neighbourhood or a district (empty for other areas).</summary>
    public ReadOnlySpan<int> MembersOf(int area) => _members.AsSpan(_start[area], _start[area + 1] - _start[area]);

    /// <summary>The neighbourhoods and districts: the areas that have member lists.</summary>
    public IEnumerable<int> GroupAreas()
    {
        for (var a = 0; a < _start.Length - 1; a++)
        {
            if (_start[a + 1] > _start[a]) yield return a;
        }
    }
}
