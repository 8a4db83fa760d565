namespace Sandik.Storage.Incidents;

/// <summary>Which incidents to list: every filter is optional; newest first.</summary>
/// <param name="Areas">
/// Area codes of any level the incident must lie in (<c>34-1</c> takes an incident of <c>34/Kadıköy/Caferağa</c> when
/// that neighbourhood is in İstanbul's first electoral district); null or empty: anywhere.
/// </param>
/// <param name="Before">Only incidents with a smaller id (paging back).</param>
public sealed record IncidentQuery(
    string Election,
    IReadOnlyList<string>? Areas = null,
    string? Kind = null,
    string? Category = null,
    string? Status = null,
    string? Box = null,
    long? Before = null,
    int Limit = 200);
