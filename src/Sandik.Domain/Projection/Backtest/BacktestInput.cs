using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Projection.Backtest;

/// <summary>A finished election to replay, and the prior to project it from (null to test the counted-only fallback).</summary>
/// <param name="Truth">The final tally of each box, by box index (null for a box that never reports).</param>
/// <param name="Sources">The sources of the simulated night; their profiles decide when each box arrives.</param>
public sealed record BacktestInput(Election Election, Race Race, ElectionGeography Geography, IReadOnlyList<Tally?> Truth, SourceCatalog Sources, PriorElection? Prior);

/// <summary>How to replay.</summary>
/// <param name="Seeds">Nights simulated, with seeds <see cref="FirstSeed"/>, <see cref="FirstSeed"/>+1, …</param>
/// <param name="GoldenSize">Boxes in the golden sample (0 for none).</param>
public sealed record BacktestOptions(int Seeds = 3, int GoldenSize = 1500, int FirstSeed = 1)
{
    public static IReadOnlyList<double> StandardCheckpoints { get; } = [0.01, 0.02, 0.05, 0.10, 0.25, 0.50];

    /// <summary>Shares of boxes counted at which the projection is taken (0 to 1).</summary>
    public IReadOnlyList<double> Checkpoints { get; init; } = StandardCheckpoints;

    public ProjectionOptions Projection { get; init; } = ProjectionOptions.Default;
}

/// <summary>Where a long replay is: seed and checkpoint just done, of the totals.</summary>
public readonly record struct BacktestProgress(int Seed, int SeedsDone, int Seeds, double CountedFraction, string Stage);
