using System.Globalization;

namespace Sandik.Domain.Anomalies;

/// <summary>Number formats for reasons: Turkish puts the percent sign first and uses a decimal comma.</summary>
internal static class Wording
{
    public static readonly CultureInfo Tr = CultureInfo.GetCultureInfo("tr-TR");
    public static readonly CultureInfo En = CultureInfo.InvariantCulture;

    public static string PercentEn(double ratio) => (ratio * 100).ToString("0.0", En) + "%";

    public static string PercentTr(double ratio) => "%" + (ratio * 100).ToString("0.0", Tr);

    public static string PointsEn(double ratio) => (ratio * 100).ToString("+0.0;-0.0;0.0", En);

    public static string PointsTr(double ratio) => (ratio * 100).ToString("+0.0;-0.0;0.0", Tr);

    public static string ZEn(double z) => "z = " + z.ToString("0.0", En);

    public static string ZTr(double z) => "z = " + z.ToString("0.0", Tr);

    public static string Count(long n) => n.ToString(En);

    /// <summary>The sentence's first letter in capitals ("diğer partiler" → "Diğer partiler"; Turkish i → İ).</summary>
    public static string CapitalTr(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Tr) + text[1..];

    public static string CapitalEn(string text) => text.Length == 0 ? text : char.ToUpper(text[0], En) + text[1..];

    /// <summary>"AK Parti's", "other parties'".</summary>
    public static string Possessive(string name) => name.EndsWith('s') ? name + "'" : name + "'s";

    /// <summary>"its neighbourhood's 6 boxes" / "mahallesindeki 6 sandık".</summary>
    public static (string En, string Tr) Peers(Standing s) => s.Basis switch
    {
        PeerBasis.Neighbourhood => ($"its neighbourhood's {s.Peers} boxes", $"mahallesindeki {s.Peers} sandık"),
        _ => ($"its district's {s.Peers} boxes", $"ilçesindeki {s.Peers} sandık"),
    };
}
