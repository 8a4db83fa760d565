namespace Sandik.Domain.Geography;

/// <summary>Identifies an area while a geography is being built: its unique code and its display name.</summary>
public readonly record struct AreaKey(string Code, string Name, AreaKind Kind = AreaKind.Domestic);
