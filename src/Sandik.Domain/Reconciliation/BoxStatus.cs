namespace Sandik.Domain.Reconciliation;

/// <summary>How well a box's count is established across sources.</summary>
public enum BoxStatus
{
    NotReported,
    /// <summary>Exactly one source has sent the box.</summary>
    SingleSource,
    /// <summary>Two or more sources agree on every count.</summary>
    Confirmed,
    /// <summary>Sources disagree on at least one count.</summary>
    Conflict,
}
