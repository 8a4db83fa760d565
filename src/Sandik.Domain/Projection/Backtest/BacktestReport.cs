using Sandik.Domain.Projection.Golden;

namespace Sandik.Domain.Projection.Backtest;

/// <summary>The outcome of a replay: the final result, and per seed and checkpoint how every estimate compared with it.</summary>
/// <param name="FinalShares">Final national share of each choice (domestic boxes), in ballot order.</param>
/// <param name="FinalSeats">Final seats per choice (empty for races without seats).</param>
/// <param name="FullGolden">The quick count once every golden box has reported, per seed (empty without a sample).</param>
/// <param name="ProjectionMilliseconds">Time of every live projection taken (one per checkpoint and seed).</param>
public sealed record BacktestReport(
    string ElectionId,
    string? PriorElectionId,
    IReadOnlyList<string> Choices,
    double[] FinalShares,
    double FinalTurnout,
    int[] FinalSeats,
    int GoldenSize,
    double Coverage,
    IReadOnlyList<BacktestCheckpoint> Checkpoints,
    IReadOnlyList<GoldenEstimate> FullGolden,
    IReadOnlyList<double> ProjectionMilliseconds,
    PriorUse Prior,
    IReadOnlyList<string> Notes);

/// <summary>One seed at one checkpoint.</summary>
/// <param name="Target">The checkpoint asked for (share of boxes counted).</param>
/// <param name="CountedFraction">Boxes counted over all boxes.</param>
/// <param name="Turnout">Projected national turnout.</param>
/// <param name="Golden">The quick count from the golden boxes reported by then (null without a sample).</param>
public sealed record BacktestCheckpoint(int Seed, double Target, double CountedFraction, Estimate Turnout, IReadOnlyList<BacktestChoice> Choices, GoldenEstimate? Golden);

/// <summary>One choice at one checkpoint of one seed.</summary>
/// <param name="Projected">Projected national share with its interval.</param>
/// <param name="Raw">Share in the raw running count.</param>
/// <param name="Seats">Projected seats with interval (null for races without seats).</param>
/// <param name="RawSeats">Seats allocated from the raw running count.</param>
public sealed record BacktestChoice(string ChoiceId, Estimate Projected, double Raw, double Final, Estimate? Seats, int? RawSeats, int? FinalSeats)
{
    public double Error => Math.Abs(Projected.Value - Final);
    public double RawError => Math.Abs(Raw - Final);
    public bool Covered => Projected.Covers(Final);
}

