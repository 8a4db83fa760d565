using System.Globalization;
using Sandik.Domain.Geography;

namespace Sandik.Server.Ui;

/// <summary>The provinces a screen's province filter offers, by name in the screen's language.</summary>
public static class ProvinceList
{
    /// <param name="visible">Whether the user may look at a province (by code); all when null.</param>
    public static IReadOnlyList<(string Code, string Name)> Of(ElectionGeography geography, CultureInfo culture, Func<string, bool>? visible = null)
    {
        var level = geography.LevelOf("province") is var l and > 0 ? l : 1;
        return [.. geography.AreasAt(level).Where(a => visible is null || visible(a.Code))
            .OrderBy(a => a.Name, StringComparer.Create(culture, ignoreCase: true)).Select(a => (a.Code, a.Name))];
    }
}
