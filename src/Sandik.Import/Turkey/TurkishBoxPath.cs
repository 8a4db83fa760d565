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

    private static readonly System.Globalization.CultureInfo Turkish = System.Globalization.CultureInfo.GetCultureInfo("tr-TR");

    /// <summary>
    /// A neighbourhood name as the general-election files of 2015 spell it, from the capitals of the election
    /// authority's other tables: the " MAH." suffix dropped and each word capitalised the Turkish way
    /// ("ESETÇE-ATATÜRK MAH." → "Esetçe-Atatürk", "75. YIL MAH." → "75. Yıl"). On the 2014 local elections this gives
    /// the 2015 spelling of every one of the 29,588 neighbourhoods whose names agree regardless of case.
    /// </summary>
    public static string NeighbourhoodSpelling(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.EndsWith(" MAH.", StringComparison.Ordinal)) trimmed = trimmed[..^5].TrimEnd();
        var spelled = new System.Text.StringBuilder(trimmed.Length);
        var wordStart = true;
        foreach (var c in trimmed)
        {
            if (char.IsLetterOrDigit(c))
            {
                spelled.Append(wordStart ? char.ToUpper(c, Turkish) : char.ToLower(c, Turkish));
                wordStart = false;
            }
            else
            {
                spelled.Append(c);
                wordStart = c is ' ' or '-' or '(' or '.' or '/';
            }
        }
        return spelled.ToString();
    }

    /// <summary>The four area keys below the nation for one box.</summary>
    public static AreaKey[] Path(int plate, string province, int constituency, string constituencyName, string district, string neighbourhood) =>
    [
        new(plate.ToString(System.Globalization.CultureInfo.InvariantCulture), province),
        new(ConstituencyCode(plate, constituency), constituencyName),
        new($"{plate}/{district}", district),
        new($"{plate}/{district}/{neighbourhood}", neighbourhood),
    ];
}
