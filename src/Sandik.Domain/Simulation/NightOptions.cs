namespace Sandik.Domain.Simulation;

/// <summary>The knobs of a simulated night. The same options and seed always give the same night.</summary>
/// <param name="RetryRate">Share of submissions sent a second time with the same client id.</param>
/// <param name="ResendRate">Share of submissions sent again later under a new client id.</param>
/// <param name="InconsistentShare">Share of transcription errors that leave the sheet not adding up.</param>
public sealed record NightOptions(int Seed = 1, double RetryRate = 0.02, double ResendRate = 0.01, double InconsistentShare = 0.2)
{
    public IReadOnlyList<SourceProfile>? Profiles { get; init; }
}
