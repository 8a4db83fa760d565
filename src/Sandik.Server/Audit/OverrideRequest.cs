using Sandik.Domain.Submissions;

namespace Sandik.Server.Audit;

/// <summary>
/// A count sheet typed by a person at headquarters — an override, with the reason it replaces the sources' tally, or a
/// sheet read over the phone, with a note (all counts are required).
/// </summary>
public sealed record OverrideRequest(string? Race, int? Registered, int? Voted, int? Valid, int? Invalid,
    IReadOnlyDictionary<string, int>? Votes, string? Reason, string? Evidence)
{
    /// <summary>The sheet as a submission of a source, to be validated like any other.</summary>
    public SubmissionDraft ToDraft(string sourceId, string? reporter, string raceId, string boxCode, string clientSubmissionId, string? evidence) => new()
    {
        SourceId = sourceId,
        Reporter = reporter,
        RaceId = raceId,
        BoxCode = boxCode,
        ClientSubmissionId = clientSubmissionId,
        Evidence = evidence,
        Registered = Count(Registered),
        Voted = Count(Voted),
        Valid = Count(Valid),
        Invalid = Count(Invalid),
        Votes = Votes?.Select(v => KeyValuePair.Create(v.Key, CountInput.Of(v.Value))).ToList(),
    };

    private static CountInput Count(int? value) => value is { } v ? CountInput.Of(v) : CountInput.Missing;
}
