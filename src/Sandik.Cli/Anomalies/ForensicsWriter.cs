using Sandik.Import.Csv;
using System.Globalization;
using System.Text.Json;
using Sandik.Cli.CommandLine;
using Sandik.Domain.Anomalies.Forensics;
using Spectre.Console;

namespace Sandik.Cli.Anomalies;

/// <summary>Writes the aggregate tests of every area of a level.</summary>
public static class ForensicsWriter
{
    public static void Write(IReadOnlyList<AreaForensics> areas, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Csv: WriteCsv(areas, output); break;
            case OutputFormat.Json: output.WriteLine(JsonSerializer.Serialize(areas.Select(ToJson), Json.Options)); break;
            default: WriteTable(areas, output); break;
        }
    }

    private static void WriteCsv(IReadOnlyList<AreaForensics> areas, TextWriter output)
    {
        output.WriteLine("level,code,il,ilce,boxes,second_digit_n,second_digit_chi2,second_digit_p,second_digit_mean,last_digit_n,last_digit_chi2,last_digit_p,last_digit_mean,leader,turnout_share_correlation,corner_share");
        foreach (var a in areas)
        {
            var (il, ilce) = Names(a);
            output.WriteLine(string.Join(',', a.Level, CsvField.Of(a.AreaCode), CsvField.Of(il), CsvField.Of(ilce), Number(a.Boxes),
                Number(a.SecondDigit.Numbers), Number(a.SecondDigit.ChiSquare, "F2"), Number(a.SecondDigit.PValue, "G4"), Number(a.SecondDigit.Mean, "F3"),
                Number(a.LastDigit.Numbers), Number(a.LastDigit.ChiSquare, "F2"), Number(a.LastDigit.PValue, "G4"), Number(a.LastDigit.Mean, "F3"),
                CsvField.Of(a.Fingerprint.Choice), Number(a.Fingerprint.Correlation, "F3"), Number(a.Fingerprint.CornerShare, "F4")));
        }
    }

    private static (string Il, string Ilce) Names(AreaForensics a) => a.Province is { } province ? (province, a.AreaName) : (a.AreaName, "");

    private static object ToJson(AreaForensics a) => new
    {
        level = a.Level,
        code = a.AreaCode,
        name = a.AreaName,
        province = a.Province,
        boxes = a.Boxes,
        secondDigit = Test(a.SecondDigit),
        lastDigit = Test(a.LastDigit),
        fingerprint = new
        {
            leader = a.Fingerprint.Choice,
            correlation = Round(a.Fingerprint.Correlation, 4),
            cornerShare = Round(a.Fingerprint.CornerShare, 5),
        },
    };

    private static object Test(DigitTest t) => new
    {
        numbers = t.Numbers,
        observed = t.Observed,
        expected = t.Expected.Select(e => Math.Round(e, 5)),
        chiSquare = Round(t.ChiSquare, 3),
        degreesOfFreedom = t.DegreesOfFreedom,
        pValue = t.PValue,
        mean = Round(t.Mean, 4),
        expectedMean = Math.Round(t.ExpectedMean, 4),
    };

    private static void WriteTable(IReadOnlyList<AreaForensics> areas, TextWriter output)
    {
        var console = Consoles.For(output);
        console.MarkupLine("Digit tests (χ², 9 degrees of freedom; p < 0.01 marked) and fingerprints / rakam testleri ve parmak izleri");
        var table = new Table().Border(TableBorder.Simple).AddColumns("Area", "Boxes", "2BL χ²", "p", "mean (4.187)", "Last χ²", "p", "mean (4.5)", "Leader", "corr", "≥95%/≥80%");
        foreach (var a in areas)
        {
            var (il, ilce) = Names(a);
            table.AddRow(Markup.Escape(ilce.Length > 0 ? $"{il} / {ilce}" : il), Number(a.Boxes),
                Number(a.SecondDigit.ChiSquare, "F1"), Flag(a.SecondDigit), Number(a.SecondDigit.Mean, "F3"),
                Number(a.LastDigit.ChiSquare, "F1"), Flag(a.LastDigit), Number(a.LastDigit.Mean, "F3"),
                Markup.Escape(a.Fingerprint.Choice), Number(a.Fingerprint.Correlation, "F2"), Number(a.Fingerprint.CornerShare * 100, "F1") + "%");
        }
        console.Write(table);
    }

    private static string Flag(DigitTest t) => Number(t.PValue, "G3") + (t.Rejects() ? " *" : "");

    private static string Number(double value, string format) => double.IsNaN(value) ? "" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static double? Round(double value, int digits) => double.IsNaN(value) ? null : Math.Round(value, digits);
}
