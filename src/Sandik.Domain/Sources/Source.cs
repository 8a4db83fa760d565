namespace Sandik.Domain.Sources;

/// <summary>A channel through which count sheets reach headquarters (a district office, an observer app, SMS...).</summary>
/// <param name="Id">Stable id used by API keys, files and the log (e.g. <c>district-office</c>).</param>
/// <param name="TrustRank">1 is the most trusted; a box is counted from its best-ranked source.</param>
/// <param name="Retired">
/// Taken out of the count: its copies stay in the log and on every box's history, and a view that names it still shows
/// them, but the count of all sources leaves them out and it may not send any more.
/// </param>
public sealed record Source(string Id, LocalizedText Name, int TrustRank, bool Retired = false);
