namespace Sandik.Cli.Replay;

/// <summary>What a replay sent and what the server answered.</summary>
public sealed record ReplaySummary(
    long Planned,
    long Sent,
    long Accepted,
    long Rejected,
    long Duplicates,
    long Throttled,
    long ServerErrors,
    long TransportRetries,
    TimeSpan Elapsed,
    double AckP50Ms,
    double AckP99Ms)
{
    /// <summary>Requests answered with an outcome (accepted or rejected), per second.</summary>
    public double Throughput => Elapsed.TotalSeconds <= 0 ? 0 : (Accepted + Rejected) / Elapsed.TotalSeconds;
}
