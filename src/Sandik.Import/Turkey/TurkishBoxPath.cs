using Sandik.Domain.Geography;

namespace Sandik.Import.Turkey;

/// <summary>
/// Area and box codes of the Turkish geography, shared by every Turkish importer so that boxes of different
/// files and sources meet: province <c>34</c>, electoral district <c>34-2</c>, district <c>34/Kadıköy</c>,
/// neighbourhood <c>34/Kadıköy/Caferağa</c>, box <c>34/Kadıköy/1001</c>.
/// </summary>
public static class TurkishBoxPath
{
    public static string ConstituencyCode(int plate, int number) => $"{plate}-{number}";

    public static string ConstituencyName(string province, int number, bool provinceHasSeveral) =>
        provinceHasSeveral ? $"{province} {number}. Bölge" : province;

    public static string BoxCode(int plate, string district, string boxNumber) => $"{plate}/{district}/{boxNumber}";

    /// <summary>The four area keys below the nation for one box.</summary>
    public static AreaKey[] Path(int plate, string province, int constituency, string constituencyName, string district, string neighbourhood) =>
    [
        new(plate.ToString(System.Globalization.CultureInfo.InvariantCulture), province),
        new(ConstituencyCode(plate, constituency), constituencyName),
        new($"{plate}/{district}", district),
        new($"{plate}/{district}/{neighbourhood}", neighbourhood),
    ];
}
