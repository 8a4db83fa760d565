namespace Sandik.Domain.Submissions;

/// <summary>
/// One row of the append-only submission log: an accepted submission with its tally, or a rejected one with its
/// reasons and the payload as it arrived. The sequence orders the log; replaying it in that order rebuilds the state.
/// </summary>
public sealed record LoggedSubmission(
    long Sequence,
    DateTimeOffset ReceivedAt,
    string SourceId,
    string? Reporter,
    string RaceId,
    string BoxCode,
    string? ClientSubmissionId,
    string? Evidence,
    Tally? Tally,
    IReadOnlyList<FieldError> Errors,
    string? RejectedPayload)
{
    public bool Accepted => Tally is not null && Errors.Count == 0;

    public static LoggedSubmission ForAccepted(Submission s, DateTimeOffset receivedAt) =>
        new(0, receivedAt, s.SourceId, s.Reporter, s.RaceId, s.BoxCode, s.ClientSubmissionId, s.Evidence, s.Tally, [], null);
}
