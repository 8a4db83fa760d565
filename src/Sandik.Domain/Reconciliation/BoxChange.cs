using Sandik.Domain.Submissions;

namespace Sandik.Domain.Reconciliation;

/// <summary>What one accepted submission changed at its box.</summary>
/// <param name="PreviousFromSource">The tally the submitting source had sent before, if any.</param>
/// <param name="PreviousCounted">The counted tally before the submission, if any.</param>
/// <param name="Counted">The counted tally after it; null when no source that counts holds the box any more (its only copies are a retired source's).</param>
public sealed record BoxChange(
    int BoxIndex,
    int SourceIndex,
    Tally? PreviousFromSource,
    Tally FromSource,
    SourceTally? PreviousCounted,
    SourceTally? Counted,
    BoxStatus PreviousStatus,
    BoxStatus Status)
{
    /// <summary>Whether the counted tally of the box (not only a lower-ranked source's copy) changed.</summary>
    public bool CountedChanged => !ReferenceEquals(PreviousCounted?.Tally, Counted?.Tally);
}
