using Sandik.Domain.Geography;

namespace Sandik.Storage.Elections;

/// <summary>Area kinds as stored: readable words rather than enum numbers, so that a reordered enum cannot corrupt data.</summary>
internal static class AreaKinds
{
    public static string ToText(AreaKind kind) => kind switch
    {
        AreaKind.Domestic => "domestic",
        AreaKind.Abroad => "abroad",
        AreaKind.Customs => "customs",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown area kind."),
    };

    public static AreaKind Parse(string text, string areaCode) => text switch
    {
        "domestic" => AreaKind.Domestic,
        "abroad" => AreaKind.Abroad,
        "customs" => AreaKind.Customs,
        _ => throw new InvalidDataException($"Area '{areaCode}' has an unknown kind '{text}'."),
    };
}
