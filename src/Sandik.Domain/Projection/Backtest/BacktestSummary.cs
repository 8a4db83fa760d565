namespace Sandik.Domain.Projection.Backtest;

/// <summary>
/// One checkpoint over all seeds. Errors are absolute, in share points (0.005 = half a percentage point), taken over
/// every choice; "major" choices are those with at least 1% of the final vote.
/// </summary>
/// <param name="MaxError">Mean over seeds of the largest error of any choice's projected share.</param>
/// <param name="WorstError">Largest error of any choice in any seed.</param>
/// <param name="RawMaxError">The same as <see cref="MaxError"/> for the raw running count.</param>
/// <param name="GoldenMaxError">The same for the golden quick count (regression estimator), null without a sample.</param>
/// <param name="Coverage">Share of (choice, seed) whose interval held the final share.</param>
/// <param name="MajorCoverage">The same over major choices only.</param>
/// <param name="WorstSeatError">Largest seat error of any choice in any seed (null without seats).</param>
/// <param name="RawWorstSeatError">The same for seats allocated from the raw count.</param>
/// <param name="SeatCoverage">Share of (choice, seed) whose seat interval held the final seats.</param>
public sealed record CheckpointSummary(
    double Target,
    int Seeds,
    double MaxError,
    double WorstError,
    double RawMaxError,
    double? GoldenMaxError,
    double? GoldenCoverage,
    double Coverage,
    double MajorCoverage,
    int? WorstSeatError,
    int? RawWorstSeatError,
    double? SeatCoverage,
    double TurnoutError,
    double TurnoutCoverage)
{
    public const double MajorShare = 0.01;

    public static IReadOnlyList<CheckpointSummary> Of(BacktestReport report) =>
        [.. report.Checkpoints.GroupBy(c => c.Target).OrderBy(g => g.Key).Select(g => Summarise(g.Key, [.. g], report))];

    private static CheckpointSummary Summarise(double target, List<BacktestCheckpoint> rows, BacktestReport report)
    {
        var all = rows.SelectMany(r => r.Choices).ToList();
        var major = all.Where(c => c.Final >= MajorShare).ToList();
        var seats = all.Where(c => c.Seats is not null && c.FinalSeats is not null).ToList();
        var golden = rows.Where(r => r.Golden is { BoxesReported: > 0 }).ToList();
        return new CheckpointSummary(target, rows.Count,
            rows.Average(r => r.Choices.Max(c => c.Error)),
            all.Max(c => c.Error),
            rows.Average(r => r.Choices.Max(c => c.RawError)),
            golden.Count == 0 ? null : golden.Average(r => GoldenError(r, report)),
            golden.Count == 0 ? null : golden.Average(r => GoldenCovered(r, report)),
            all.Average(c => c.Covered ? 1.0 : 0.0),
            major.Count == 0 ? double.NaN : major.Average(c => c.Covered ? 1.0 : 0.0),
            seats.Count == 0 ? null : seats.Max(c => (int)Math.Abs(c.Seats!.Value.Value - c.FinalSeats!.Value)),
            seats.Count == 0 ? null : seats.Max(c => Math.Abs((c.RawSeats ?? 0) - c.FinalSeats!.Value)),
            seats.Count == 0 ? null : seats.Average(c => c.Seats!.Value.Covers(c.FinalSeats!.Value) ? 1.0 : 0.0),
            rows.Average(r => Math.Abs(r.Turnout.Value - report.FinalTurnout)),
            rows.Average(r => r.Turnout.Covers(report.FinalTurnout) ? 1.0 : 0.0));
    }

    /// <summary>Largest error of the regression quick count over the choices.</summary>
    public static double GoldenError(BacktestCheckpoint row, BacktestReport report) =>
        row.Golden!.Choices.Select((c, k) => Math.Abs(c.Regression - report.FinalShares[k])).Max();

    /// <summary>Share of choices whose regression quick count's 95% margin held the final share.</summary>
    public static double GoldenCovered(BacktestCheckpoint row, BacktestReport report) =>
        row.Golden!.Choices.Select((c, k) => Math.Abs(c.Regression - report.FinalShares[k]) <= c.RegressionMargin ? 1.0 : 0.0).Average();
}
