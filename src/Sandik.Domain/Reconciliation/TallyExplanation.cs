using Sandik.Domain.Submissions;

namespace Sandik.Domain.Reconciliation;

/// <summary>The answer to "why is this the counted tally of this box?".</summary>
public sealed record TallyExplanation(
    string BoxCode,
    BoxStatus Status,
    string? CountedSourceId,
    long? CountedSequence,
    string Reason,
    IReadOnlyList<TallyExplanation.Entry> Entries)
{
    /// <summary>One source's latest tally for the box.</summary>
    /// <param name="Differences">Fields where it differs from the counted tally.</param>
    public sealed record Entry(string SourceId, int TrustRank, long Sequence, DateTimeOffset ReceivedAt, Tally Tally,
        bool Counted, IReadOnlyList<string> Differences, string? Evidence, string? Reporter);
}
