namespace Sandik.Domain.Submissions;

/// <summary>What a channel must send. The election-night API requires full count sheets.</summary>
/// <param name="RequireTurnoutCounts">Whether registered, voted and invalid are required (not only valid and votes).</param>
public sealed record ValidationPolicy(bool RequireTurnoutCounts)
{
    public static ValidationPolicy FullCountSheet { get; } = new(true);

    /// <summary>For sources that transcribe only the votes (e.g. some volunteer networks).</summary>
    public static ValidationPolicy VotesOnly { get; } = new(false);
}
