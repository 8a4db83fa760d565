namespace Sandik.Domain.Submissions;

/// <summary>
/// A submission as it arrived from any channel (API, file, SMS), not yet validated.
/// Every field may be missing or malformed; <see cref="SubmissionValidator"/> says which.
/// </summary>
public sealed record SubmissionDraft
{
    public string? SourceId { get; init; }
    public string? Reporter { get; init; }
    /// <summary>The race; when absent, the election's first race.</summary>
    public string? RaceId { get; init; }
    public string? BoxCode { get; init; }
    /// <summary>The sender's own id for this submission: a retry with the same id is the same submission.</summary>
    public string? ClientSubmissionId { get; init; }
    /// <summary>Evidence reference: a photo hash or URL of the count sheet.</summary>
    public string? Evidence { get; init; }
    public CountInput Registered { get; init; }
    public CountInput Voted { get; init; }
    public CountInput Valid { get; init; }
    public CountInput Invalid { get; init; }
    /// <summary>Votes per choice id, in the order they arrived (so that a repeated choice can be reported).</summary>
    public IReadOnlyList<KeyValuePair<string, CountInput>>? Votes { get; init; }
}
