using System.Text.Encodings.Web;
using System.Text.Json;
using Sandik.Domain.Projection;
using Sandik.Domain.Projection.Backtest;
using Sandik.Domain.Projection.Golden;

namespace Sandik.Cli.Projection;

/// <summary>The machine-readable backtest: final result, every checkpoint of every seed, and the per-checkpoint summary.</summary>
internal static class BacktestJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(BacktestReport report, IReadOnlyList<CheckpointSummary> summary, bool timing, TextWriter output)
    {
        var document = new Dictionary<string, object?>
        {
            ["election"] = report.ElectionId,
            ["prior"] = report.PriorElectionId,
            ["coverage"] = report.Coverage,
            ["golden_size"] = report.GoldenSize,
            ["prior_match"] = report.Prior.BoxesByMatch,
            ["counted_only"] = report.Prior.CountedOnly,
            ["final"] = new
            {
                turnout = R(report.FinalTurnout),
                shares = report.Choices.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => R(report.FinalShares[x.k])),
                seats = report.FinalSeats.Length == 0 ? null : report.Choices.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => report.FinalSeats[x.k]),
            },
            ["checkpoints"] = report.Checkpoints.Select(Checkpoint),
            ["summary"] = summary.Select(s => new Dictionary<string, object?>
            {
                ["counted_fraction"] = s.Target,
                ["seeds"] = s.Seeds,
                ["max_error"] = R(s.MaxError),
                ["worst_error"] = R(s.WorstError),
                ["raw_max_error"] = R(s.RawMaxError),
                ["golden_max_error"] = s.GoldenMaxError is { } g ? R(g) : null,
                ["golden_coverage"] = s.GoldenCoverage,
                ["coverage"] = R(s.Coverage),
                ["major_coverage"] = R(s.MajorCoverage),
                ["worst_seat_error"] = s.WorstSeatError,
                ["raw_worst_seat_error"] = s.RawWorstSeatError,
                ["seat_coverage"] = s.SeatCoverage is { } c ? R(c) : null,
                ["turnout_error"] = R(s.TurnoutError),
                ["turnout_coverage"] = R(s.TurnoutCoverage),
            }),
            ["full_golden"] = report.FullGolden.Select(Golden),
            ["notes"] = report.Notes,
        };
        if (timing) document["timing_ms"] = Timing(report.ProjectionMilliseconds);
        output.WriteLine(JsonSerializer.Serialize(document, Options));
    }

    private static object Checkpoint(BacktestCheckpoint row) => new Dictionary<string, object?>
    {
        ["seed"] = row.Seed,
        ["counted_fraction"] = R(row.CountedFraction),
        ["turnout"] = new { projected = R(row.Turnout.Value), interval_low = R(row.Turnout.Low), interval_high = R(row.Turnout.High) },
        ["choices"] = row.Choices.Select(c => new Dictionary<string, object?>
        {
            ["choice"] = c.ChoiceId,
            ["projected_share"] = R(c.Projected.Value),
            ["interval_low"] = R(c.Projected.Low),
            ["interval_high"] = R(c.Projected.High),
            ["final_share"] = R(c.Final),
            ["raw_share"] = R(c.Raw),
            ["covered"] = c.Covered,
            ["projected_seats"] = c.Seats?.Value,
            ["seats_low"] = c.Seats?.Low,
            ["seats_high"] = c.Seats?.High,
            ["raw_seats"] = c.RawSeats,
            ["final_seats"] = c.FinalSeats,
        }),
        ["golden"] = row.Golden is null ? null : Golden(row.Golden),
    };

    private static object Golden(GoldenEstimate golden) => new Dictionary<string, object?>
    {
        ["boxes_reported"] = golden.BoxesReported,
        ["boxes_in_sample"] = golden.BoxesInSample,
        ["strata_reported"] = golden.StrataReported,
        ["strata"] = golden.StrataTotal,
        ["confidence"] = GoldenEstimate.Confidence,
        ["choices"] = golden.Choices.Select(c => new Dictionary<string, object?>
        {
            ["choice"] = c.ChoiceId,
            ["ratio_share"] = R(c.Ratio),
            ["ratio_margin"] = R(c.RatioMargin),
            ["regression_share"] = R(c.Regression),
            ["regression_margin"] = R(c.RegressionMargin),
        }),
    };

    private static object Timing(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        return new
        {
            projections = sorted.Count,
            min = sorted.Count == 0 ? 0 : R(sorted[0], 1),
            median = sorted.Count == 0 ? 0 : R(sorted[sorted.Count / 2], 1),
            max = sorted.Count == 0 ? 0 : R(sorted[^1], 1),
        };
    }

    private static double R(double value, int digits = 6) => double.IsFinite(value) ? Math.Round(value, digits) : value;
}
