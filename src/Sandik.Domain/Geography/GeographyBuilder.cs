namespace Sandik.Domain.Geography;

/// <summary>
/// Builds an <see cref="ElectionGeography"/> box by box: the areas on each box's path are created on first sight.
/// Not thread-safe.
/// </summary>
public sealed class GeographyBuilder
{
    private readonly List<GeographyLevel> _levels;
    private readonly List<Area> _areas = [];
    private readonly List<BallotBox> _boxes = [];
    private readonly Dictionary<string, int> _areaByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _boxByCode = new(StringComparer.Ordinal);

    /// <param name="levels">All levels, root first.</param>
    /// <param name="root">The root area (the nation).</param>
    public GeographyBuilder(IReadOnlyList<GeographyLevel> levels, AreaKey root)
    {
        if (levels.Count < 2) throw new ArgumentException("A geography needs a root level and at least one more.", nameof(levels));
        _levels = [.. levels];
        _areas.Add(new Area(0, root.Code, root.Name, 0, -1, root.Kind));
        _areaByCode[root.Code] = 0;
    }

    public int BoxCount => _boxes.Count;

    /// <summary>
    /// Adds (or finds) the areas on a path below the root and returns the index of the last one, or -1 when an
    /// area on the path already exists under a different parent (the input contradicts itself).
    /// </summary>
    /// <param name="path">One key per level below the root, in level order.</param>
    public int AddArea(ReadOnlySpan<AreaKey> path)
    {
        if (path.Length != _levels.Count - 1)
            throw new ArgumentException($"A box path needs {_levels.Count - 1} areas, one per level below the root.", nameof(path));
        var parent = 0;
        for (var i = 0; i < path.Length; i++)
        {
            var key = path[i];
            if (_areaByCode.TryGetValue(key.Code, out var index))
            {
                if (_areas[index].Parent != parent) return -1;
            }
            else
            {
                index = _areas.Count;
                _areas.Add(new Area(index, key.Code, key.Name, i + 1, parent, key.Kind));
                _areaByCode[key.Code] = index;
            }
            parent = index;
        }
        return parent;
    }

    /// <summary>Adds a box under the given path, unless its code is taken or the path contradicts earlier boxes.</summary>
    public BoxAddResult TryAddBox(ReadOnlySpan<AreaKey> path, string code, string number, int registered)
    {
        if (_boxByCode.ContainsKey(code)) return BoxAddResult.DuplicateBox;
        var area = AddArea(path);
        if (area < 0) return BoxAddResult.ConflictingArea;
        _boxByCode[code] = _boxes.Count;
        _boxes.Add(new BallotBox(_boxes.Count, code, number, area, registered));
        return BoxAddResult.Added;
    }

    /// <summary>Index of a box added earlier, or -1.</summary>
    public int IndexOfBox(string code) => _boxByCode.GetValueOrDefault(code, -1);

    public ElectionGeography Build() => new(_levels, _areas, _boxes);
}
