namespace Sandik.Server.Anomalies;

/// <summary>How current the live ranking is.</summary>
/// <param name="Ready">Whether the first full scan has finished (until then nothing is ranked).</param>
/// <param name="ScoredBoxes">Boxes ranked: every box with a counted tally.</param>
/// <param name="FlaggedBoxes">How many boxes the top share (<see cref="LiveAnomalyOptions.FlaggedShare"/>) holds.</param>
/// <param name="RefreshedAt">When the statistics (peers, correlations, calibration) were last recomputed.</param>
/// <param name="RefreshMs">How long that full scan took.</param>
/// <param name="PendingSinceRefresh">Boxes rescored since then against the older statistics: how stale they are.</param>
/// <param name="Queued">Boxes changed by ingest and not rescored yet.</param>
/// <param name="WithPrior">Whether swings are checked against a prior election.</param>
public sealed record AnomalyStatus(bool Ready, int ScoredBoxes, int FlaggedBoxes, DateTimeOffset? RefreshedAt, double RefreshMs,
    int PendingSinceRefresh, int Queued, bool WithPrior)
{
    public static AnomalyStatus NotReady(bool withPrior) => new(false, 0, 0, null, 0, 0, 0, withPrior);
}
