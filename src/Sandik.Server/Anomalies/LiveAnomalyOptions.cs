namespace Sandik.Server.Anomalies;

/// <summary>How often the live anomaly ranking recomputes its statistics (see <see cref="LiveAnomalies"/>).</summary>
public sealed class LiveAnomalyOptions
{
    /// <summary>Refresh once this many boxes were rescored since the last refresh.</summary>
    public int RefreshAfterBoxes { get; set; } = 5_000;

    /// <summary>
    /// Never refresh more often than this, however fast boxes arrive: a refresh costs about a second of one core, which
    /// ingest needs more at its peak.
    /// </summary>
    public TimeSpan MinRefreshGap { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Refresh at least this often while boxes keep changing.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How often queued boxes are rescored in the background (readers also rescore what is queued first).</summary>
    public TimeSpan RescoreInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The share of scored boxes flagged for the map and the reinforcement lists: the top 1%, as the evaluation measures.</summary>
    public double FlaggedShare { get; set; } = 0.01;
}
