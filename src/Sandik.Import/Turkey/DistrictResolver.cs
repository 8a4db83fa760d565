namespace Sandik.Import.Turkey;

/// <summary>
/// Places the district names of a file (e.g. "KIRKLARELİ MERKEZ", "İPSALA-ESETÇE") in the 2015 electoral-district
/// table, remembering every answer and every name it could not place. Not thread-safe.
/// </summary>
internal sealed class DistrictResolver(DistrictConstituencies table)
{
    private readonly Dictionary<(int Plate, string Name), Placement> _cache = [];
    private readonly Dictionary<(int Plate, string Name), (int Boxes, int FirstLine)> _unmatched = [];

    /// <param name="Code">The 2015 spelling when the district is known, used in area and box codes.</param>
    /// <param name="Name">The district as this file spells it (without a town after a dash), for display.</param>
    public sealed record Placement(int Constituency, string Code, string Name, bool Matched);

    /// <summary>
    /// The district of a name: the whole name, or else the part before the first dash (a town inside the district).
    /// Unknown names go to electoral district 1 of their province under their own spelling.
    /// </summary>
    public Placement Resolve(int plate, string name, int line)
    {
        if (!_cache.TryGetValue((plate, name), out var placement))
        {
            var dash = name.IndexOf('-');
            var own = dash > 0 ? name[..dash].Trim() : name;
            if (table.TryFind(plate, name, out var entry)) placement = new(entry.Constituency, entry.District, name, true);
            else if (dash > 0 && table.TryFind(plate, own, out entry)) placement = new(entry.Constituency, entry.District, own, true);
            else placement = new(1, own, own, false);
            _cache[(plate, name)] = placement;
        }
        if (!placement.Matched)
        {
            var (boxes, firstLine) = _unmatched.GetValueOrDefault((plate, placement.Name), (0, line));
            _unmatched[(plate, placement.Name)] = (boxes + 1, firstLine);
        }
        return placement;
    }

    public IReadOnlyList<UnmatchedDistrict> Unmatched() =>
        [.. _unmatched.OrderBy(u => u.Value.FirstLine).Select(u => new UnmatchedDistrict(u.Key.Plate, u.Key.Name, u.Value.Boxes, u.Value.FirstLine))];
}
