namespace Sandik.Domain.Elections;

/// <summary>A party, candidate or independent on a race's ballot.</summary>
/// <param name="Id">Stable id used in submissions and files (e.g. <c>ak_parti</c>).</param>
/// <param name="Color">A CSS colour for charts and maps, when the definition gives one.</param>
public sealed record Choice(string Id, string Name, string? FullName, ChoiceKind Kind, string? Color);
