using Sandik.Domain.Geography;

namespace Sandik.Import.Turkey;

/// <summary>
/// Finds a box of a Turkish registry from the names a source gives: province and district by
/// <see cref="ProvinceCodeBook.Key"/>, then the district's box with that number. Not thread-safe (it caches).
/// </summary>
internal sealed class RegistryMatcher
{
    private readonly ElectionGeography _registry;
    private readonly Dictionary<string, int> _provinces = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Province, string Key), string> _districtCodes = [];
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    public RegistryMatcher(ElectionGeography registry)
    {
        _registry = registry;
        int province = registry.LevelOf("province"), district = registry.LevelOf("district");
        if (province < 0 || district < 0) throw new ArgumentException("The registry has no province and district levels.", nameof(registry));
        foreach (var area in registry.AreasAt(province)) _provinces.TryAdd(Key(area.Name), area.Index);
        foreach (var area in registry.AreasAt(district))
            _districtCodes.TryAdd((registry.AncestorAt(area.Index, province).Index, Key(area.Name)), area.Code);
    }

    /// <summary>The code of the box, or null with the reason it was not found.</summary>
    public string? Find(string province, string district, string box, out MatchFailure failure)
    {
        failure = MatchFailure.UnknownProvince;
        if (!_provinces.TryGetValue(Key(province), out var provinceIndex)) return null;
        failure = MatchFailure.UnknownDistrict;
        if (!_districtCodes.TryGetValue((provinceIndex, Key(district)), out var districtCode)) return null;
        failure = MatchFailure.UnknownBox;
        var code = $"{districtCode}/{box}";
        return _registry.TryGetBox(code, out _) ? code : null;
    }

    // Names repeat on thousands of rows; normalising each spelling once keeps the scan fast.
    private string Key(string name)
    {
        if (!_keys.TryGetValue(name, out var key)) _keys[name] = key = ProvinceCodeBook.Key(name);
        return key;
    }
}
