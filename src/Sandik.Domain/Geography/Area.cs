namespace Sandik.Domain.Geography;

/// <summary>One area of the geography: the nation, a province, a district, a neighbourhood...</summary>
/// <param name="Index">Dense index inside its <see cref="ElectionGeography"/>; the root is 0.</param>
/// <param name="Code">Unique code, stable across imports of the same geography (e.g. <c>34-2</c>).</param>
/// <param name="Level">Index into <see cref="ElectionGeography.Levels"/>; 0 is the root.</param>
/// <param name="Parent">Index of the parent area, -1 for the root.</param>
public sealed record Area(int Index, string Code, string Name, int Level, int Parent, AreaKind Kind);
