namespace Sandik.Domain.Submissions;

/// <summary>A validated submission: a known source's tally for a known box of a known race.</summary>
public sealed record Submission(
    string SourceId,
    string? Reporter,
    string RaceId,
    string BoxCode,
    Tally Tally,
    string? Evidence,
    string? ClientSubmissionId);
