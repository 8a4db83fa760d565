using Sandik.Import.Csv;
using System.Globalization;
using System.Text.Json;
using Sandik.Cli.CommandLine;
using Sandik.Domain.Anomalies.Evaluation;
using Spectre.Console;

namespace Sandik.Cli.Anomalies;

/// <summary>Writes an evaluation: recall per kind and size at each review budget, precision, targets and timings.</summary>
public static class EvaluationWriter
{
    public static void Write(EvaluationResult result, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Csv: WriteCsv(result, output); break;
            case OutputFormat.Json: output.WriteLine(JsonSerializer.Serialize(ToJson(result), Json.Options)); break;
            default: WriteTable(result, output); break;
        }
    }

    private static string Budget(double budget) => (budget * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Percent(double share) => double.IsNaN(share) ? "" : (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static void WriteCsv(EvaluationResult result, TextWriter output)
    {
        output.WriteLine("injector,kind,size,injected," + string.Join(',', result.Budgets.Select(b => "recall_top_" + Budget(b)))
            + "," + string.Join(',', result.Budgets.Select(b => "oracle_top_" + Budget(b))));
        foreach (var r in result.Recall)
            output.WriteLine(string.Join(',', r.Injector, r.Kind, CsvField.Of(r.SizeClass), r.Injected.ToString(CultureInfo.InvariantCulture),
                string.Join(',', result.Budgets.Select((_, i) => r.Recall(i).ToString("F4", CultureInfo.InvariantCulture))),
                string.Join(',', result.Budgets.Select((_, i) => r.Ceiling(i).ToString("F4", CultureInfo.InvariantCulture)))));
        foreach (var p in result.Precision)
            output.WriteLine(string.Join(',', p.Injector, "precision", "top " + Budget(p.Budget), p.Flagged.ToString(CultureInfo.InvariantCulture),
                p.Precision.ToString("F4", CultureInfo.InvariantCulture), "ceiling " + p.Ceiling.ToString("F4", CultureInfo.InvariantCulture)));
    }

    private static object ToJson(EvaluationResult result) => new
    {
        seed = result.Seed,
        rounds = result.Rounds,
        boxesPerRound = result.BoxesPerRound,
        rankedBoxes = result.RankedBoxes,
        withPrior = result.WithPrior,
        budgets = result.Budgets,
        recall = result.Recall.Select(r => new
        {
            injector = r.Injector,
            kind = r.Kind,
            size = r.SizeClass,
            injected = r.Injected,
            recall = result.Budgets.Select((_, i) => Rounded(r.Recall(i))),
            oracle = result.Budgets.Select((_, i) => Rounded(r.Ceiling(i))),
        }),
        precision = result.Precision.Select(p => new { injector = p.Injector, budget = p.Budget, precision = Rounded(p.Precision), ceiling = Rounded(p.Ceiling) }),
        targets = result.Targets().Select(t => new { target = t.Target, required = t.Required, achieved = Rounded(t.Achieved), boxes = t.Boxes, met = t.Met, oracle = Rounded(t.Ceiling) }),
        fullScanMilliseconds = result.FullScans.Select(s => Math.Round(s.TotalMilliseconds, 1)),
        incrementalMicroseconds = Math.Round(result.Incremental.TotalMicroseconds, 2),
    };

    // JSON has no NaN: a share of nothing (no boxes of that kind and size) is null.
    private static double? Rounded(double share) => double.IsNaN(share) ? null : Math.Round(share, 4);

    private static void WriteTable(EvaluationResult result, TextWriter output)
    {
        var console = Consoles.For(output);
        console.MarkupLine($"Seed {result.Seed}, {result.Rounds} rounds per injector, {result.BoxesPerRound} manipulated boxes per round among {result.RankedBoxes:N0}; prior: {(result.WithPrior ? "yes" : "no")}.");
        var recall = new Table().Border(TableBorder.Simple).AddColumns("Injector", "Kind", "Size", "Boxes");
        foreach (var b in result.Budgets) recall.AddColumn("Recall top " + Budget(b));
        var oneIn100 = result.Budgets.ToList().IndexOf(0.01);
        if (oneIn100 >= 0) recall.AddColumn("Oracle top 1%");
        foreach (var r in result.Recall)
            recall.AddRow([r.Injector, r.Kind, r.SizeClass, r.Injected.ToString(CultureInfo.InvariantCulture), .. result.Budgets.Select((_, i) => Percent(r.Recall(i))),
                .. oneIn100 >= 0 ? [Percent(r.Ceiling(oneIn100))] : Array.Empty<string>()]);
        console.Write(recall);
        console.MarkupLine("Oracle: a detector that knew each box's honest expected counts and the shape of the change, facing sampling noise alone.");
        var precision = new Table().Border(TableBorder.Simple).AddColumns("Injector", "Budget", "Precision", "Best possible");
        foreach (var p in result.Precision)
            precision.AddRow(p.Injector, "top " + Budget(p.Budget), Percent(p.Precision), Percent(p.Ceiling));
        console.Write(precision);
        foreach (var t in result.Targets())
            console.MarkupLine($"{(t.Met ? "[green]met[/]" : "[red]missed[/]")}  {Markup.Escape(t.Target)}: {Percent(t.Achieved)} of {t.Boxes} (target {Percent(t.Required)}; oracle {Percent(t.Ceiling)})");
        var scans = result.FullScans.Select(s => s.TotalMilliseconds).Order().ToList();
        console.MarkupLine(Invariant($"Full scan of {result.RankedBoxes:N0} boxes{(result.WithPrior ? " with prior" : "")}: median {scans[scans.Count / 2]:F0} ms (min {scans[0]:F0}, max {scans[^1]:F0}); incremental rescoring of one box: {result.Incremental.TotalMicroseconds:F1} µs."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
