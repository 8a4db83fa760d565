using System.Globalization;
using System.Text.Json;
using Sandik.Cli.CommandLine;
using Sandik.Domain.Anomalies;
using Spectre.Console;

namespace Sandik.Cli.Anomalies;

/// <summary>Writes a ranking of boxes as a table, CSV (one row per box, best first) or JSON.</summary>
public static class AnomalyWriter
{
    /// <summary>The CSV's first columns; <c>il</c>, <c>ilce</c> and <c>sandik</c> are exactly as in the input file.</summary>
    public const string CsvHeader = "il,ilce,sandik,score,reasons,rank,box_code,mahalle,checks";

    public static void Write(AnomalyReport report, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Csv: WriteCsv(report, output); break;
            case OutputFormat.Json: output.WriteLine(JsonSerializer.Serialize(ToJson(report), Json.Options)); break;
            default: WriteTable(report, output); break;
        }
    }

    /// <summary>English reasons, strongest first, "code: sentence" joined by " | ".</summary>
    public static string Reasons(BoxAnomaly box) => string.Join(" | ", box.Reasons.Select(r => $"{r.Code}: {r.Text.En}"));

    private static void WriteCsv(AnomalyReport report, TextWriter output)
    {
        output.WriteLine(CsvHeader);
        foreach (var b in report.Boxes)
        {
            output.WriteLine(string.Join(',',
                Csv.Field(b.Province), Csv.Field(b.District), Csv.Field(b.BoxNumber), b.Score.ToString("F3", CultureInfo.InvariantCulture),
                Csv.Field(Reasons(b)), b.Rank.ToString(CultureInfo.InvariantCulture), Csv.Field(b.BoxCode), Csv.Field(b.Neighbourhood),
                Csv.Field(Checks(b))));
        }
    }

    // "turnout=2.31;pattern=3.02": the checks that found something, with their surprise.
    private static string Checks(BoxAnomaly b) => string.Join(';', AnomalyChecks.All
        .Where(c => b.SurpriseOf(c) > 0.005)
        .Select(c => $"{c.Id()}={b.SurpriseOf(c).ToString("F2", CultureInfo.InvariantCulture)}"));

    private static object ToJson(AnomalyReport report) => new
    {
        race = report.RaceId,
        scoredBoxes = report.ScoredBoxes,
        boxes = report.Boxes.Select(ToJson),
    };

    public static object ToJson(BoxAnomaly b) => new
    {
        rank = b.Rank,
        code = b.BoxCode,
        province = b.Province,
        district = b.District,
        neighbourhood = b.Neighbourhood,
        number = b.BoxNumber,
        score = Math.Round(b.Score, 3),
        checks = AnomalyChecks.All.Where(c => b.SurpriseOf(c) > 0.005).ToDictionary(c => c.Id(), c => Math.Round(b.SurpriseOf(c), 3)),
        reasons = b.Reasons.Select(r => new
        {
            code = r.Code,
            check = r.Check.Id(),
            surprise = Math.Round(r.Surprise, 3),
            tr = r.Text.Tr,
            en = r.Text.En,
            observed = r.Observed,
            expected = r.Expected,
            z = r.Z is { } z ? Math.Round(z, 2) : (double?)null,
            votes = r.Votes,
        }),
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
                output.WriteLine("il,ilce,boxes,sandiklar");
                foreach (var d in districts)
                    output.WriteLine(string.Join(',', Csv.Field(d.Province), Csv.Field(d.District), d.Boxes.Count.ToString(CultureInfo.InvariantCulture),
                        Csv.Field(string.Join(' ', d.Boxes.Select(b => b.BoxNumber)))));
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
