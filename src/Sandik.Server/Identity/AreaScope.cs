using Sandik.Domain.Geography;

namespace Sandik.Server.Identity;

/// <summary>
/// Where a user sees and acts: the whole country, or one area (a province <c>34</c>, a district <c>34/Kadıköy</c>)
/// with everything inside it. Inside means by the geography's parent chain, not by the look of the codes.
/// </summary>
public readonly record struct AreaScope(string Code)
{
    public static AreaScope National { get; } = new("");

    public bool IsNational => Code.Length == 0;

    /// <summary>Empty, null or <c>*</c> mean the whole country.</summary>
    public static AreaScope Parse(string? text) => string.IsNullOrWhiteSpace(text) || text.Trim() == "*" ? National : new AreaScope(text.Trim());

    /// <summary>Whether an area is the scope's area or lies inside it; an area above or beside it is not covered.</summary>
    public bool Covers(ElectionGeography geography, int areaIndex)
    {
        if (IsNational) return true;
        if (!geography.TryGetArea(Code, out var scope)) return false;
        for (var area = areaIndex; area >= 0; area = geography.Areas[area].Parent)
        {
            if (area == scope.Index) return true;
        }
        return false;
    }

    public bool CoversBox(ElectionGeography geography, int boxIndex)
    {
        if (IsNational) return true;
        return geography.TryGetArea(Code, out var scope) && geography.ChainOf(boxIndex)[scope.Level] == scope.Index;
    }

    public override string ToString() => IsNational ? "national" : Code;
}
