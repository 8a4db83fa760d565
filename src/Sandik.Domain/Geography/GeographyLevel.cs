namespace Sandik.Domain.Geography;

/// <summary>A named level of an election geography, e.g. province (il) or district (ilçe).</summary>
/// <param name="Id">Stable identifier used in code, files and URLs (e.g. <c>province</c>).</param>
public sealed record GeographyLevel(string Id, LocalizedText Name);
