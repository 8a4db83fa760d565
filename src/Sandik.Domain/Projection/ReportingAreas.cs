namespace Sandik.Domain.Projection;

/// <summary>
/// The areas a snapshot reports: the nation (index 0), the provinces, then the electoral districts (the units), each
/// a set of units. Outcomes are computed per unit and summed.
/// </summary>
internal sealed class ReportingAreas
{
    public ReportingAreas(PoolingTree tree, Geography.ElectionGeography geography)
    {
        var units = tree.Units.Length;
        var provinces = new List<Geography.Area>();
        var provinceIndex = new Dictionary<int, int>();
        ProvinceOfUnit = new int[units];
        for (var u = 0; u < units; u++)
        {
            var province = tree.UnitProvince[u];
            if (!provinceIndex.TryGetValue(province.Index, out var p))
            {
                p = provinces.Count;
                provinceIndex[province.Index] = p;
                provinces.Add(province);
            }
            ProvinceOfUnit[u] = p;
        }
        Areas = [geography.Root, .. provinces, .. tree.Units];
        ProvinceCount = provinces.Count;
        UnitCount = units;
        BoxesTotal = new int[Areas.Length];
        for (var u = 0; u < units; u++)
        {
            var boxes = geography.BoxCountOf(tree.Units[u].Index);
            BoxesTotal[0] += boxes;
            BoxesTotal[1 + ProvinceOfUnit[u]] += boxes;
            BoxesTotal[FirstUnit + u] = boxes;
        }
    }

    public Geography.Area[] Areas { get; }

    public int ProvinceCount { get; }

    public int UnitCount { get; }

    public int FirstUnit => 1 + ProvinceCount;

    public int Count => Areas.Length;

    public int[] ProvinceOfUnit { get; }

    public int[] BoxesTotal { get; }

    /// <summary>Adds a unit's values to its own row, its province's and the nation's, <c>[area * width + i]</c>.</summary>
    public void Spread(int unit, ReadOnlySpan<double> values, double[] into, int width)
    {
        Add(into.AsSpan(0, width), values);
        Add(into.AsSpan((1 + ProvinceOfUnit[unit]) * width, width), values);
        Add(into.AsSpan((FirstUnit + unit) * width, width), values);

        static void Add(Span<double> row, ReadOnlySpan<double> values)
        {
            for (var i = 0; i < values.Length; i++) row[i] += values[i];
        }
    }
}
