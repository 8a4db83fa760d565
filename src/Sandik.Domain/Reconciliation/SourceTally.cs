using Sandik.Domain.Submissions;

namespace Sandik.Domain.Reconciliation;

/// <summary>The latest accepted tally one source has sent for one box.</summary>
public sealed record SourceTally(int SourceIndex, long Sequence, DateTimeOffset ReceivedAt, Tally Tally, string? Evidence, string? Reporter);
