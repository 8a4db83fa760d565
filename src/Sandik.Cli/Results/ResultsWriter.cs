using Sandik.Import.Csv;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sandik.Cli.CommandLine;
using Sandik.Domain.Tallies;
using Spectre.Console;

namespace Sandik.Cli.Results;

/// <summary>Writes a <see cref="ResultsReport"/> as a table, CSV or JSON.</summary>
public static class ResultsWriter
{
    public static void Write(ResultsReport report, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json: WriteJson(report, output); break;
            case OutputFormat.Csv: WriteCsv(report, output); break;
            default: WriteTable(report, output); break;
        }
    }

    private static void WriteJson(ResultsReport report, TextWriter output)
    {
        var rowsKey = report.Level.Id == "province" ? "provinces" : "areas";
        var document = new Dictionary<string, object?>(Fields(report, report.National))
        {
            ["election"] = report.Live.Election.Id,
            ["race"] = report.Live.Race.Id,
            ["sources"] = report.View.SourceIds(report.Live.Sources).ToArray(),
            ["level"] = report.Level.Id,
            [rowsKey] = report.Rows.Select(r => new Dictionary<string, object?>(Fields(report, r.Totals))
            {
                ["code"] = r.Area.Code,
                ["name"] = r.Area.Name,
            }).ToArray(),
        };
        output.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static IEnumerable<KeyValuePair<string, object?>> Fields(ResultsReport report, AreaTotals t)
    {
        var ids = report.ChoiceIds;
        yield return new("boxes", t.BoxesCounted);
        yield return new("boxesTotal", t.BoxesTotal);
        yield return new("registered", t.Registered);
        yield return new("voted", t.Voted);
        yield return new("valid", t.Valid);
        yield return new("invalid", t.Invalid);
        yield return new("turnout", Math.Round(t.Turnout, 6));
        yield return new("confirmed", t.Confirmed);
        yield return new("conflicts", t.Conflicts);
        yield return new("votes", ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => t.Votes[x.i]));
        yield return new("shares", ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => Math.Round(t.Share(x.i), 6)));
    }

    private static void WriteCsv(ResultsReport report, TextWriter output)
    {
        var ids = report.ChoiceIds;
        output.WriteLine(string.Join(',', new[] { "level", "code", "name", "boxes", "boxes_total", "registered", "voted", "valid", "invalid" }.Concat(ids)));
        WriteCsvRow(output, "nation", report.Live.Geography.Root.Code, report.Live.Geography.Root.Name, report.National);
        foreach (var (area, totals) in report.Rows) WriteCsvRow(output, report.Level.Id, area.Code, area.Name, totals);
    }

    private static void WriteCsvRow(TextWriter output, string level, string code, string name, AreaTotals t)
    {
        var cells = new List<string> { level, CsvField.Of(code), CsvField.Of(name) };
        cells.AddRange(new[] { t.BoxesCounted, t.BoxesTotal, t.Registered, t.Voted, t.Valid, t.Invalid }.Select(Invariant));
        cells.AddRange(t.Votes.Select(Invariant));
        output.WriteLine(string.Join(',', cells));
    }

    private static void WriteTable(ResultsReport report, TextWriter output)
    {
        var console = Consoles.For(output);
        var n = report.National;
        var race = report.Live.Race;
        console.MarkupLine($"[bold]{Markup.Escape(report.Live.Election.Name.Tr)}[/] — {Markup.Escape(race.Name.Tr)}");
        console.MarkupLine($"Kaynaklar / sources: {Markup.Escape(string.Join(", ", report.View.SourceIds(report.Live.Sources)))}");
        console.MarkupLine($"Sandık / boxes {n.BoxesCounted:N0} / {n.BoxesTotal:N0} ({n.CountedShare:P1}), kayıtlı / registered {n.Registered:N0}, " +
            $"oy kullanan / voted {n.Voted:N0} ({n.Turnout:P2}), geçerli / valid {n.Valid:N0}, geçersiz / invalid {n.Invalid:N0} ({n.InvalidShare:P2})");
        var top = Enumerable.Range(0, race.Choices.Count).OrderByDescending(i => n.Votes[i]).Where(i => n.Votes[i] > 0).Take(6).ToList();
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(report.Level.Name.Tr);
        table.AddColumn(new TableColumn("Sandık").RightAligned());
        table.AddColumn(new TableColumn("Katılım").RightAligned());
        foreach (var i in top) table.AddColumn(new TableColumn(Markup.Escape(race.Choices[i].Name)).RightAligned());
        AddRow(table, $"[bold]{Markup.Escape(report.Live.Geography.Root.Name)}[/]", n, top);
        foreach (var (area, totals) in report.Rows) AddRow(table, Markup.Escape(area.Name), totals, top);
        console.Write(table);
    }

    private static void AddRow(Table table, string name, AreaTotals t, List<int> choices)
    {
        var cells = new List<string> { name, $"{t.BoxesCounted:N0}", $"{t.Turnout:P1}" };
        cells.AddRange(choices.Select(i => $"{t.Votes[i]:N0} ({t.Share(i):P1})"));
        table.AddRow(cells.ToArray());
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

}
