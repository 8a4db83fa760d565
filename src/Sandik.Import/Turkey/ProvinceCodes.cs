namespace Sandik.Import.Turkey;

/// <summary>Plate-code look-ups that do not throw, for checking files against the code book.</summary>
internal static class ProvinceCodes
{
    // Turkey's plate codes run without a gap from 1 to the number of provinces (81).
    public static IEnumerable<int> Codes(this ProvinceCodeBook provinces) => Enumerable.Range(1, provinces.Count);

    public static bool TryGetName(this ProvinceCodeBook provinces, int code, out string name)
    {
        var known = code >= 1 && code <= provinces.Count;
        name = known ? provinces.NameOf(code) : "";
        return known;
    }
}
