using System.Globalization;
using System.Text.Json;
using Sandik.Cli.CommandLine;
using Sandik.Domain.Anomalies;
using Sandik.Server.Anomalies;
using Sandik.Server.Ui;
using Spectre.Console;

namespace Sandik.Cli.Anomalies;

/// <summary>Writes a ranking of boxes as a table, CSV (one row per box, best first) or JSON.</summary>
public static class AnomalyWriter
{
    public static void Write(AnomalyReport report, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Csv: AnomalyCsv.Write(report.Boxes, output); break;
            case OutputFormat.Json: output.WriteLine(JsonSerializer.Serialize(ToJson(report), Json.Options)); break;
            default: WriteTable(report, output); break;
        }
    }

    private static object ToJson(AnomalyReport report) => new
    {
        race = report.RaceId,
        scoredBoxes = report.ScoredBoxes,
        boxes = report.Boxes.Select(b => AnomalyBox.From(b, UiLanguage.En)),
    };

    private static void WriteTable(AnomalyReport report, TextWriter output)
    {
        var console = Consoles.For(output);
        console.MarkupLine($"[bold]{report.Boxes.Count}[/] of {report.ScoredBoxes:N0} boxes, most suspicious first / en şüpheli sandıklar");
        var table = new Table().Border(TableBorder.Simple).AddColumns("#", "İl", "İlçe", "Sandık", "Score", "Why / neden");
        foreach (var b in report.Boxes)
        {
            table.AddRow(b.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(b.Province), Markup.Escape(b.District),
                Markup.Escape(b.BoxNumber), b.Score.ToString("F2", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join("\n", b.Reasons.Take(3).Select(r => r.Text.En))));
        }
        console.Write(table);
    }

    /// <summary>Boxes needing an extra observer, district by district.</summary>
    public static void WriteReinforcement(AnomalyReport report, OutputFormat format, TextWriter output)
    {
        var districts = report.ReinforcementByDistrict();
        switch (format)
        {
            case OutputFormat.Csv:
                AnomalyCsv.WriteReinforcement(districts, output);
                break;
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(districts.Select(d => new
                {
                    province = d.Province,
                    district = d.District,
                    districtCode = d.DistrictCode,
                    boxes = d.Boxes.Select(b => new { number = b.BoxNumber, neighbourhood = b.Neighbourhood, score = Math.Round(b.Score, 3), reason = b.Reasons.FirstOrDefault()?.Text.En }),
                }), Json.Options));
                break;
            default:
                var console = Consoles.For(output);
                console.MarkupLine($"[bold]{report.Boxes.Count}[/] boxes in {districts.Count} districts need an extra observer / ek müşahit gereken sandıklar");
                var table = new Table().Border(TableBorder.Simple).AddColumns("İl", "İlçe", "Boxes", "Sandıklar");
                foreach (var d in districts)
                    table.AddRow(Markup.Escape(d.Province), Markup.Escape(d.District), d.Boxes.Count.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(string.Join(' ', d.Boxes.Select(b => b.BoxNumber))));
                console.Write(table);
                break;
        }
    }
}
