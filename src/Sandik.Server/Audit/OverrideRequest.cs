namespace Sandik.Server.Audit;

/// <summary>Headquarters' tally for one box, with the reason it replaces the sources' (all counts are required).</summary>
public sealed record OverrideRequest(string? Race, int? Registered, int? Voted, int? Valid, int? Invalid,
    IReadOnlyDictionary<string, int>? Votes, string? Reason, string? Evidence);
