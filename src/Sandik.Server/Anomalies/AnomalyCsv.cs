using Sandik.Import.Csv;
using System.Globalization;
using Sandik.Domain.Anomalies;

namespace Sandik.Server.Anomalies;

/// <summary>
/// A ranking of boxes as CSV, one row per box, best first; the same file from <c>sandik anomalies --format csv</c>
/// and from <c>GET /api/v1/anomalies.csv</c>. Machine-readable in any language: English reasons, invariant numbers.
/// </summary>
public static class AnomalyCsv
{
    /// <summary>The columns; <c>il</c>, <c>ilce</c> and <c>sandik</c> are the names and number exactly as imported.</summary>
    public const string Header = "il,ilce,sandik,score,reasons,rank,box_code,mahalle,checks";

    /// <summary>The columns of the reinforcement list: one row per district, its flagged box numbers space-separated.</summary>
    public const string ReinforcementHeader = "il,ilce,boxes,sandiklar";

    public static void Write(IEnumerable<BoxAnomaly> boxes, TextWriter output)
    {
        output.WriteLine(Header);
        foreach (var b in boxes)
        {
            output.WriteLine(string.Join(',',
                CsvField.Of(b.Province), CsvField.Of(b.District), CsvField.Of(b.BoxNumber), b.Score.ToString("F3", CultureInfo.InvariantCulture),
                CsvField.Of(Reasons(b)), b.Rank.ToString(CultureInfo.InvariantCulture), CsvField.Of(b.BoxCode), CsvField.Of(b.Neighbourhood),
                CsvField.Of(Checks(b))));
        }
    }

    public static void WriteReinforcement(IEnumerable<DistrictReinforcement> districts, TextWriter output)
    {
        output.WriteLine(ReinforcementHeader);
        foreach (var d in districts)
        {
            output.WriteLine(string.Join(',', CsvField.Of(d.Province), CsvField.Of(d.District), d.Boxes.Count.ToString(CultureInfo.InvariantCulture),
                CsvField.Of(string.Join(' ', d.Boxes.Select(b => b.BoxNumber)))));
        }
    }

    /// <summary>English reasons, strongest first, "code: sentence" joined by " | ".</summary>
    public static string Reasons(BoxAnomaly box) => string.Join(" | ", box.Reasons.Select(r => $"{r.Code}: {r.Text.En}"));

    /// <summary>"turnout=2.31;pattern=3.02": the checks that found something, with their surprise.</summary>
    public static string Checks(BoxAnomaly box) => string.Join(';', Found(box)
        .Select(c => $"{c.Id()}={box.SurpriseOf(c).ToString("F2", CultureInfo.InvariantCulture)}"));

    /// <summary>The checks with a surprise worth printing (two decimals).</summary>
    public static IEnumerable<AnomalyCheck> Found(BoxAnomaly box) => AnomalyChecks.All.Where(c => box.SurpriseOf(c) > 0.005);
}
