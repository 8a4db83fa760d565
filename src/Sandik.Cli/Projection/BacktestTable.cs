using System.Globalization;
using Sandik.Domain.Projection.Backtest;
using Spectre.Console;

namespace Sandik.Cli.Projection;

/// <summary>The backtest for people: a summary per checkpoint, the major parties in detail, the complete golden sample.</summary>
internal static class BacktestTable
{
    public static void Write(BacktestReport report, IReadOnlyList<CheckpointSummary> summary, bool timing, IAnsiConsole console)
    {
        var seeds = report.Checkpoints.Select(c => c.Seed).Distinct().Count();
        console.MarkupLine(Markup.Escape(Invariant($"Backtest of {report.ElectionId} from {report.PriorElectionId ?? "no prior (counted boxes only)"}: {seeds} simulated night(s), golden sample of {report.GoldenSize} boxes, {report.Coverage:P0} intervals.")));
        console.WriteLine("Errors are absolute, in percentage points of the national share, the largest over all choices (mean over seeds).");
        var table = new Table().Border(TableBorder.Simple).AddColumns("counted", "projection", "worst", "raw count", "golden", "coverage", "major cov.", "seat err", "raw seat err", "seat cov.", "turnout err");
        foreach (var s in summary)
        {
            table.AddRow(Pct(s.Target), Pp(s.MaxError), Pp(s.WorstError), Pp(s.RawMaxError), s.GoldenMaxError is { } g ? Pp(g) : "-",
                Pct(s.Coverage), Pct(s.MajorCoverage), s.WorstSeatError?.ToString(CultureInfo.InvariantCulture) ?? "-",
                s.RawWorstSeatError?.ToString(CultureInfo.InvariantCulture) ?? "-", s.SeatCoverage is { } c ? Pct(c) : "-", Pp(s.TurnoutError));
        }
        console.Write(table);
        WriteParties(report, console);
        WriteGolden(report, console);
        foreach (var note in report.Notes) console.WriteLine("Note: " + note);
        if (timing && report.ProjectionMilliseconds.Count > 0)
        {
            var sorted = report.ProjectionMilliseconds.Order().ToList();
            console.WriteLine(Invariant($"Live projection time: fastest {sorted[0]:F0} ms, median {sorted[sorted.Count / 2]:F0} ms, slowest {sorted[^1]:F0} ms over {sorted.Count} projections."));
        }
    }

    private static void WriteParties(BacktestReport report, IAnsiConsole console)
    {
        var major = report.Choices.Select((id, k) => (id, k)).Where(c => report.FinalShares[c.k] >= CheckpointSummary.MajorShare).ToList();
        var table = new Table().Border(TableBorder.Simple).AddColumns("counted", "choice", "final", "projected (mean)", "90% interval (seed 1)", "raw count", "golden", "seats", "seat range", "final seats");
        foreach (var group in report.Checkpoints.GroupBy(c => c.Target).OrderBy(g => g.Key))
        {
            var first = group.First();
            foreach (var (id, k) in major)
            {
                var rows = group.Select(r => r.Choices[k]).ToList();
                var golden = group.Where(r => r.Golden is { BoxesReported: > 0 }).Select(r => r.Golden!.Choices[k].Regression).ToList();
                var seats = first.Choices[k].Seats;
                table.AddRow(Pct(group.Key), id, Share(report.FinalShares[k]), Share(rows.Average(r => r.Projected.Value)),
                    $"{Share(first.Choices[k].Projected.Low)} – {Share(first.Choices[k].Projected.High)}", Share(rows.Average(r => r.Raw)),
                    golden.Count == 0 ? "-" : Share(golden.Average()), seats is null ? "-" : Invariant($"{rows.Average(r => r.Seats!.Value.Value):F1}"),
                    seats is { } s ? Invariant($"{s.Low:F0} – {s.High:F0}") : "-", first.Choices[k].FinalSeats?.ToString(CultureInfo.InvariantCulture) ?? "-");
            }
        }
        console.Write(table);
    }

    private static void WriteGolden(BacktestReport report, IAnsiConsole console)
    {
        if (report.FullGolden.Count == 0) return;
        console.WriteLine("Golden sample complete (every sampled box reported): national shares with 95% margins of error.");
        var table = new Table().Border(TableBorder.Simple).AddColumns("seed", "boxes", "strata", "choice", "final", "ratio", "± ratio", "regression", "± regression", "held");
        for (var i = 0; i < report.FullGolden.Count; i++)
        {
            var golden = report.FullGolden[i];
            for (var k = 0; k < golden.Choices.Count; k++)
            {
                if (report.FinalShares[k] < CheckpointSummary.MajorShare) continue;
                var c = golden.Choices[k];
                var held = Math.Abs(c.Regression - report.FinalShares[k]) <= c.RegressionMargin;
                table.AddRow($"{i + 1}", $"{golden.BoxesReported}", $"{golden.StrataTotal}", c.ChoiceId, Share(report.FinalShares[k]), Share(c.Ratio), Pp(c.RatioMargin),
                    Share(c.Regression), Pp(c.RegressionMargin), held ? "yes" : "NO");
            }
        }
        console.Write(table);
    }

    private static string Pct(double value) => double.IsNaN(value) ? "-" : Invariant($"{value * 100:0.#}%");

    private static string Share(double value) => Invariant($"{value * 100:F2}%");

    private static string Pp(double value) => Invariant($"{value * 100:F2}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
