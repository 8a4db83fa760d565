using System.Globalization;
using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Domain.Anomalies;
using Sandik.Domain.Anomalies.Evaluation;
using Sandik.Domain.Anomalies.Forensics;
using Sandik.Domain.Tallies;
using Spectre.Console;

namespace Sandik.Cli.Anomalies;

/// <summary><c>sandik anomalies</c>: boxes ranked by how likely their count is wrong, with reasons; aggregate forensics; evaluation.</summary>
public static class AnomaliesCommand
{
    public const string Usage = """
        sandik anomalies (--input FILE [--election ID] | --store CONN [--election ID] [--race ID]) [--sources ID,ID]
                         [--prior FILE] [--top N] [--province CODE|NAME] [--check ID] [--min-score X]
                         [--reinforcement] [--forensics province|district] [--fingerprint FILE.svg [--area CODE]]
                         [--timing] [--format table|csv|json]
        sandik anomalies --evaluate [--input FILE] [--prior FILE | --no-prior] [--seed N] [--rounds N] [--format table|csv|json]
          Ranks ballot boxes by how likely their count is wrong and says why (arithmetic, register, turnout, invalid
          share, choice share, swing since --prior, manipulation patterns, sources, digits, copies; see docs/anomalies.md).
          CSV: one row per box, best first: il,ilce,sandik,score,reasons,... --reinforcement lists the selected boxes
          (by default the top 1%) by district: where to send an extra observer. --forensics runs second-digit, last-digit and fingerprint tests
          per area; --fingerprint draws the turnout/leader-share heat map of an area (default: the whole country).
          --evaluate manipulates real boxes with a seed (default: November 2015, prior June 2015) and reports recall
          and precision at review budgets of 0.5%, 1% and 2% of boxes.
        """;

    private static readonly string[] Valued =
        [.. RaceOptions.Valued, "--prior", "--top", "--province", "--check", "--min-score", "--forensics", "--fingerprint", "--area", "--seed", "--rounds"];

    private static readonly string[] Flags = ["--reinforcement", "--timing", "--evaluate", "--no-prior"];

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct)
    {
        var args = Arguments.Parse(argv, Valued, Flags);
        var format = OutputFormats.From(args);
        if (args.Has("--evaluate")) return await EvaluateAsync(context, args, format, ct);
        if (args.Has("--no-prior")) throw new UsageException("'--no-prior' goes with '--evaluate'; without '--prior' no prior is used.");
        var (check, top, minScore) = Filters(args);
        var live = await AnomalyInputs.LoadRaceAsync(context, args, args.Get("--input"), ct);
        var view = RaceOptions.View(live, args);
        var (counts, gaps) = LiveInput.From(live, view);
        if (args.Get("--forensics") is { } level) return Forensics(context, live, counts, level, format);
        var prior = args.Get("--prior") is { } priorFile ? AnomalyInputs.LoadPrior(context, priorFile) : null;
        var detector = new AnomalyDetector(live.Geography, live.Race, counts, prior, sourceGaps: gaps);
        detector.Refresh();
        if (args.Has("--timing")) ReportTiming(context, detector, counts, prior is not null);
        if (args.Get("--fingerprint") is { } svg) WriteFingerprint(context, live, counts, args.Get("--area"), svg);
        var query = new AnomalyQuery(args.Get("--province") is { } province ? AreaCode(live, province, "province") : null, check, minScore, top);
        // Reinforcement without a budget: the top 1% of boxes, the budget the evaluation measures.
        if (args.Has("--reinforcement") && !args.Has("--top") && !args.Has("--min-score"))
            query = query with { Top = (int)Math.Ceiling(0.01 * detector.ScoredBoxes) };
        var report = detector.Report(query);
        if (args.Has("--reinforcement")) AnomalyWriter.WriteReinforcement(report, format, context.Out);
        else AnomalyWriter.Write(report, format, context.Out);
        return 0;
    }

    /// <summary>The ranking's filters, read before any file so that a mistyped one fails at once.</summary>
    private static (AnomalyCheck? Check, int Top, double MinScore) Filters(Arguments args)
    {
        AnomalyCheck? check = null;
        if (args.Get("--check") is { } id)
        {
            if (!AnomalyChecks.TryParse(id, out var parsed))
                throw new UsageException($"Unknown check '{id}'. Checks: {string.Join(", ", AnomalyChecks.All.Select(c => c.Id()))}.");
            check = parsed;
        }
        var top = args.Whole("--top", int.MaxValue);
        var minScore = args.Number("--min-score", double.NegativeInfinity);
        return (check, top, minScore);
    }

    /// <summary>An area of a level by code or by name (any case, Turkish letters or not).</summary>
    private static string AreaCode(LiveRace live, string codeOrName, string level)
    {
        var geography = live.Geography;
        var index = geography.LevelOf(level);
        var areas = index < 0 ? [] : geography.AreasAt(index).ToList();
        var found = areas.FirstOrDefault(a => a.Code == codeOrName)
            ?? areas.FirstOrDefault(a => Import.Turkey.ProvinceCodeBook.Key(a.Name) == Import.Turkey.ProvinceCodeBook.Key(codeOrName));
        return found?.Code ?? throw new UsageException($"There is no {level} '{codeOrName}'.");
    }

    private static int Forensics(CliContext context, LiveRace live, BoxCounts counts, string level, OutputFormat format)
    {
        if (level is not ("province" or "district")) throw new UsageException($"'--forensics' takes province or district; got '{level}'.");
        var components = VoteComponents.Choose(live.Race, VoteComponents.Totals(counts));
        ForensicsWriter.Write(ForensicsScan.ByArea(live.Geography, live.Race, counts, level, components.Majors), format, context.Out);
        return 0;
    }

    private static void WriteFingerprint(CliContext context, LiveRace live, BoxCounts counts, string? areaCode, string path)
    {
        var geography = live.Geography;
        var area = areaCode is null ? geography.Root
            : geography.TryGetArea(areaCode, out var a) ? a : throw new UsageException($"There is no area '{areaCode}' (give a code such as 34 or 34/Kadıköy).");
        var boxes = Enumerable.Range(0, counts.BoxCount).Where(b => counts.IsReported(b) && geography.ChainOf(b).Contains(area.Index)).ToList();
        var print = Fingerprints.Of(geography, live.Race, counts, area, boxes);
        File.WriteAllText(path, FingerprintSvg.Render(print));
        context.Messages.WriteLine($"Fingerprint of {area.Name} ({print.Boxes:N0} boxes) written to {path}.");
    }

    // Wall-clock time depends on what else the machine runs; the process's CPU time beside it shows the work itself.
    private static void ReportTiming(CliContext context, AnomalyDetector detector, BoxCounts counts, bool withPrior)
    {
        var first = detector.LastRefresh;
        var scans = new List<(TimeSpan Wall, TimeSpan Cpu)>();
        for (var i = 0; i < 3; i++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            detector.Refresh();
            scans.Add((detector.LastRefresh, Environment.CpuUsage.TotalTime - cpu));
        }
        var best = scans.MinBy(s => s.Wall);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var incremental = IncrementalTiming.Measure(detector, counts, 2_000, 1);
        var incrementalCpu = (Environment.CpuUsage.TotalTime - cpuBefore) / 2_100;
        var boxes = Enumerable.Range(0, counts.BoxCount).Count(counts.IsReported);
        context.Messages.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Full scan of {boxes:N0} boxes{(withPrior ? " with prior" : "")}: {first.TotalMilliseconds:F0} ms cold (first run, JIT included), {best.Wall.TotalMilliseconds:F0} ms warm (best of 3; CPU {best.Cpu.TotalMilliseconds:F0} ms)."));
        context.Messages.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Incremental rescoring of one box: {incremental.TotalMicroseconds:F1} µs (mean of 2,000; CPU about {incrementalCpu.TotalMicroseconds:F1} µs)."));
    }

    private static async Task<int> EvaluateAsync(CliContext context, Arguments args, OutputFormat format, CancellationToken ct)
    {
        var seed = args.Whole("--seed", 2015);
        var rounds = args.Whole("--rounds", 6);
        var input = args.Get("--input");
        var priorFile = args.Get("--prior") ?? (input is null && !args.Has("--no-prior") ? AnomalyInputs.DataFile(context, "tr-2015-06-general.csv.gz") : null);
        if (args.Has("--no-prior") && args.Has("--prior")) throw new UsageException("Give either '--prior FILE' or '--no-prior', not both.");
        var live = await AnomalyInputs.LoadRaceAsync(context, args, input ?? AnomalyInputs.DataFile(context, "tr-2015-11-general.csv.gz"), ct);
        var (counts, _) = LiveInput.From(live, RaceOptions.View(live, args));
        var prior = priorFile is null ? null : AnomalyInputs.LoadPrior(context, priorFile);
        var progress = new SyncProgress(message => context.Messages.WriteLine(message));
        var result = EvaluationRunner.Run(live.Geography, live.Race, counts, prior, [new StandardInjector(), new ShapedInjector()],
            new EvaluationOptions(seed, rounds), progress: progress);
        EvaluationWriter.Write(result, format, context.Out);
        return 0;
    }

    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
