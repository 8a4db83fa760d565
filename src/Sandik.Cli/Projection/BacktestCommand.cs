using System.Diagnostics;
using System.Globalization;
using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Domain.Projection;
using Sandik.Domain.Projection.Backtest;
using Spectre.Console;

namespace Sandik.Cli.Projection;

/// <summary><c>sandik backtest</c>: replays a finished election night and measures the live projection against the final result.</summary>
public static class BacktestCommand
{
    public const string Usage = """
        sandik backtest --input FILE [--prior FILE] [--seeds N] [--golden-size N] [--format table|json] [--chart PATH.svg]
                        [--checkpoints 0.01,0.1,…] [--draws N] [--alias PRIOR=CURRENT,…] [--election ID] [--prior-election ID] [--timing]
          Replays the election of FILE in realistic arrival orders (one simulated night per seed) and reports, at 1, 2,
          5, 10, 25 and 50% of boxes counted, how far the live projection (from the prior election FILE), the raw running
          count and the golden-box quick count were from the final result, and how often the 90% intervals held it.
          Without --prior, the projection uses the counted boxes alone. See docs/projection.md and docs/backtests.md.
        """;

    private static readonly string[] Valued = ["--input", "--prior", "--election", "--prior-election", "--seeds", "--golden-size",
        OutputFormats.Option, "--chart", "--checkpoints", "--draws", "--alias"];

    public static Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct)
    {
        var args = Arguments.Parse(argv, Valued, ["--timing"]);
        var format = args.OneOf(OutputFormats.Option, "table", "table", "json");
        var options = Options(args);
        var results = BacktestFiles.Read(context, args.Require("--input"), args.Get("--election"));
        var prior = args.Get("--prior") is { } priorPath ? BacktestFiles.Prior(BacktestFiles.Read(context, priorPath, args.Get("--prior-election"))) : null;
        ct.ThrowIfCancellationRequested();
        var input = new BacktestInput(results.Election, results.Race, results.Geography, BacktestFiles.Truth(results), context.Turkey.DefaultSources(), prior);
        var clock = Stopwatch.StartNew();
        var report = BacktestRunner.Run(input, options, new Reporter(context, clock));
        context.Messages.WriteLine(Invariant($"backtest: done in {clock.Elapsed.TotalSeconds:F1} s."));
        var summary = CheckpointSummary.Of(report);
        if (format == "json") BacktestJson.Write(report, summary, args.Has("--timing"), context.Out);
        else BacktestTable.Write(report, summary, args.Has("--timing"), Consoles.For(context.Out));
        if (args.Get("--chart") is { } chart)
        {
            File.WriteAllText(chart, ConvergenceChart.Svg(report, summary));
            context.Messages.WriteLine($"backtest: chart written to {chart}.");
        }
        return Task.FromResult(0);
    }

    private static BacktestOptions Options(Arguments args)
    {
        var projection = ProjectionOptions.Default with { Draws = args.Whole("--draws", ProjectionOptions.Default.Draws, min: 0) };
        if (args.List("--alias") is { } aliases)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in aliases)
            {
                var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                    throw new UsageException($"'--alias' takes PRIOR=CURRENT pairs, got '{pair}'.");
                map[parts[0]] = parts[1];
            }
            projection = projection with { PriorAliases = map };
        }
        var options = new BacktestOptions(args.Whole("--seeds", 3), args.Whole("--golden-size", 1500, min: 0)) { Projection = projection };
        if (args.List("--checkpoints") is { } list)
        {
            var points = list.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is > 0 and <= 1
                ? v : throw new UsageException($"'--checkpoints' takes shares between 0 and 1, got '{p}'.")).ToList();
            options = options with { Checkpoints = points };
        }
        return options;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Progress on standard error, one line per seed, so that piped output stays clean.</summary>
    private sealed class Reporter(CliContext context, Stopwatch clock) : IProgress<BacktestProgress>
    {
        public void Report(BacktestProgress value)
        {
            if (value.Stage != "seed done") return;
            context.Messages.WriteLine(Invariant($"backtest: seed {value.Seed} done ({value.SeedsDone}/{value.Seeds}, {clock.Elapsed.TotalSeconds:F1} s)."));
        }
    }
}
