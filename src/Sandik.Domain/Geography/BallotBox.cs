namespace Sandik.Domain.Geography;

/// <summary>A ballot box (sandık) in the registry.</summary>
/// <param name="Index">Dense index inside its <see cref="ElectionGeography"/>.</param>
/// <param name="Code">Unique code; for Turkey <c>{plate}/{district}/{box number}</c>, e.g. <c>1/Seyhan/3001</c>.</param>
/// <param name="Number">The box number as printed on the count sheet.</param>
/// <param name="Area">Index of the smallest area holding the box (the neighbourhood).</param>
/// <param name="Registered">Registered voters on the box's list (kayıtlı seçmen).</param>
public sealed record BallotBox(int Index, string Code, string Number, int Area, int Registered);
