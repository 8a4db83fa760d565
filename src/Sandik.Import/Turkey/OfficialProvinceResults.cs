using System.Globalization;
using System.Text;
using Sandik.Domain.Elections;
using Sandik.Import.Csv;

namespace Sandik.Import.Turkey;

/// <summary>One province's official result: counts and votes per choice, in the race's choice order.</summary>
public sealed record OfficialProvinceResult(int Plate, string Name, long Registered, long Voted, long Valid, IReadOnlyList<long> Votes);

/// <summary>
/// Official per-province results of a race, as in <c>data/official/cb_2023_ilk_tur_il.csv</c>: <c>Il_Adi</c>,
/// <c>Kayitli_Secmen_Sayisi</c>, <c>Oy_Kullanan_Secmen_Sayisi</c>, <c>Gecerli_Oy_Toplami</c>, then one column per
/// candidate named after the choice's full name in capitals with underscores (<c>RECEP_TAYYIP_ERDOGAN</c>);
/// percentage columns (<c>…_%</c>) are ignored. Immutable.
/// </summary>
public sealed class OfficialProvinceResults
{
    private const string Name = "Il_Adi", Registered = "Kayitli_Secmen_Sayisi", Voted = "Oy_Kullanan_Secmen_Sayisi", Valid = "Gecerli_Oy_Toplami";

    private OfficialProvinceResults(Race race, IReadOnlyList<OfficialProvinceResult> provinces)
    {
        Race = race;
        Provinces = provinces;
    }

    public Race Race { get; }

    /// <summary>The provinces by plate code.</summary>
    public IReadOnlyList<OfficialProvinceResult> Provinces { get; }

    /// <exception cref="ImportFailedException">The file is missing, a choice has no column, or a row is malformed.</exception>
    public static OfficialProvinceResults Read(string path, Race race, ProvinceCodeBook provinces)
    {
        var issues = new IssueList(path);
        var results = new List<OfficialProvinceResult>();
        using (var text = InputFile.OpenText(path, Encoding.UTF8, null, () => results.Count))
        {
            var csv = new CsvReader(text);
            var fields = new List<string>();
            if (!csv.Read(fields)) issues.Add(0, null, "the file is empty.");
            var header = new CsvHeader(fields);
            foreach (var column in (string[])[Name, Registered, Voted, Valid])
            {
                if (header.IndexOf(column) < 0) issues.Add(1, column, "the column is missing.");
            }
            var choiceColumns = race.Choices.Select(c => header.IndexOf(ColumnOf(c))).ToArray();
            for (var i = 0; i < choiceColumns.Length; i++)
            {
                if (choiceColumns[i] < 0) issues.Add(1, ColumnOf(race.Choices[i]), $"choice '{race.Choices[i].Id}' has no column.");
            }
            issues.ThrowIfAny();
            while (csv.Read(fields))
            {
                if (fields.Count == 1 && fields[0].Length == 0) continue;
                if (ReadRow(fields, header, csv.Line, choiceColumns, provinces, issues) is { } row) results.Add(row);
            }
        }
        foreach (var duplicate in results.GroupBy(r => r.Plate).Where(g => g.Count() > 1))
            issues.Add(0, Name, $"province {duplicate.First().Name} appears {duplicate.Count()} times.");
        issues.ThrowIfAny();
        return new OfficialProvinceResults(race, [.. results.OrderBy(r => r.Plate)]);
    }

    /// <summary>The column of a candidate: "Recep Tayyip Erdoğan" is <c>RECEP_TAYYIP_ERDOGAN</c>.</summary>
    public static string ColumnOf(Choice choice) => ProvinceCodeBook.Key(choice.FullName ?? choice.Name).Replace(' ', '_');

    private static OfficialProvinceResult? ReadRow(List<string> f, CsvHeader header, int line, int[] choiceColumns, ProvinceCodeBook provinces, IssueList issues)
    {
        if (f.Count != header.Count)
        {
            issues.Add(line, null, $"expected {header.Count} columns, found {f.Count}.");
            return null;
        }
        var before = issues.Count;
        var name = f[header.IndexOf(Name)];
        if (!provinces.TryFind(name, out var plate, out var official)) issues.Add(line, Name, $"unknown province '{name}'.");
        var registered = Number(f, header.IndexOf(Registered), header, line, issues);
        var voted = Number(f, header.IndexOf(Voted), header, line, issues);
        var valid = Number(f, header.IndexOf(Valid), header, line, issues);
        var votes = choiceColumns.Select(col => Number(f, col, header, line, issues)).ToArray();
        return issues.Count > before ? null : new OfficialProvinceResult(plate, official, registered, voted, valid, votes);
    }

    private static long Number(List<string> f, int col, CsvHeader header, int line, IssueList issues)
    {
        if (long.TryParse(f[col], NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        issues.Add(line, header[col], $"'{f[col]}' is not a whole number of zero or more.");
        return 0;
    }
}
