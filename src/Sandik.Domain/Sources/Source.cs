namespace Sandik.Domain.Sources;

/// <summary>A channel through which count sheets reach headquarters (a district office, an observer app, SMS...).</summary>
/// <param name="Id">Stable id used by API keys, files and the log (e.g. <c>district-office</c>).</param>
/// <param name="TrustRank">1 is the most trusted; a box is counted from its best-ranked source.</param>
public sealed record Source(string Id, LocalizedText Name, int TrustRank);
