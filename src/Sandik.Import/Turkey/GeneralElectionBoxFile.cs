using System.Globalization;
using System.Text;
using Sandik.Domain.Elections;
using Sandik.Domain.Submissions;
using Sandik.Import.Csv;

namespace Sandik.Import.Turkey;

/// <summary>
/// Reads the official per-box results of a Turkish general election in the layout of the 2015 files
/// (<c>il, bolge, ilce, cevre, cevre_turu, sandik, kayitli_secmen, oy_kullanan, gecerli_oy,</c> then one column per
/// party). Rows with <c>cevre_turu = Toplam</c> are totals, not boxes, and are skipped. Invalid votes are
/// <c>oy_kullanan − gecerli_oy</c>. The whole file is checked before anything is returned: any bad row fails the
/// import with every problem's line and column.
/// </summary>
public static class GeneralElectionBoxFile
{
    private static readonly string[] Fixed = ["il", "bolge", "ilce", "cevre", "cevre_turu", "sandik", "kayitli_secmen", "oy_kullanan", "gecerli_oy"];
    private const int FirstChoiceColumn = 9;

    /// <param name="definition">The election the file belongs to; its first race's choices must match the party
    /// columns. When null, an election is derived from the file's header.</param>
    /// <exception cref="ImportFailedException">The file is missing or has bad rows.</exception>
    public static BoxResults Read(string path, Election? definition, TurkeyData turkey, IProgress<ImportProgress>? progress = null)
    {
        var issues = new IssueList(path);
        var rows = new List<Row>(180_000);
        using (var text = InputFile.OpenText(path, Encoding.UTF8, progress, () => rows.Count))
        {
            var csv = new CsvReader(text);
            var fields = new List<string>();
            if (!csv.Read(fields)) issues.Add(0, null, "the file is empty.");
            var header = fields.ToArray();
            CheckHeader(header, issues);
            issues.ThrowIfAny();
            var election = definition ?? Derive(path, header);
            var columnToChoice = MapChoices(header, election.DefaultRace, issues);
            issues.ThrowIfAny();
            while (csv.Read(fields))
            {
                if (fields.Count == 1 && fields[0].Length == 0) continue;
                if (ReadRow(fields, header, csv.Line, columnToChoice, election.DefaultRace.Choices.Count, turkey.Provinces, issues) is { } row)
                    rows.Add(row);
            }
            issues.ThrowIfAny();
            return Build(election, rows, turkey, issues);
        }
    }

    private static void CheckHeader(string[] header, IssueList issues)
    {
        for (var i = 0; i < Fixed.Length; i++)
        {
            if (i >= header.Length || header[i] != Fixed[i])
                issues.Add(1, Fixed[i], $"expected column {i + 1} to be '{Fixed[i]}', found '{(i < header.Length ? header[i] : "nothing")}'.");
        }
        if (header.Length <= FirstChoiceColumn) issues.Add(1, null, "no party columns after 'gecerli_oy'.");
    }

    private static int[] MapChoices(string[] header, Race race, IssueList issues)
    {
        var map = new int[header.Length];
        var seen = new bool[race.Choices.Count];
        for (var col = FirstChoiceColumn; col < header.Length; col++)
        {
            map[col] = race.IndexOf(header[col]);
            if (map[col] < 0) issues.Add(1, header[col], $"race '{race.Id}' has no choice '{header[col]}'.");
            else if (seen[map[col]]) issues.Add(1, header[col], "the column appears twice.");
            else seen[map[col]] = true;
        }
        for (var i = 0; i < seen.Length; i++)
        {
            if (!seen[i]) issues.Add(1, null, $"choice '{race.Choices[i].Id}' of race '{race.Id}' has no column.");
        }
        return map;
    }

    private static Election Derive(string path, string[] header)
    {
        var name = System.IO.Path.GetFileName(path).Split('.')[0];
        var choices = header[FirstChoiceColumn..].Select(c => new Choice(c, c, null, c == "bagimsiz" ? ChoiceKind.Other : ChoiceKind.Party, null)).ToList();
        var race = new Race("parliament", RaceKind.Parliamentary, new Domain.LocalizedText("Milletvekili seçimi", "Parliament"), choices);
        return new Election(name, Domain.LocalizedText.Same(name), DateOnly.MinValue, "tr", [race]);
    }

    private static Row? ReadRow(List<string> f, string[] header, int line, int[] columnToChoice, int choiceCount, ProvinceCodeBook provinces, IssueList issues)
    {
        if (f.Count != header.Length)
        {
            issues.Add(line, null, $"expected {header.Length} columns, found {f.Count}.");
            return null;
        }
        if (f[4] == "Toplam") return null;
        var before = issues.Count;
        if (!provinces.TryFind(f[0], out var plate, out _)) issues.Add(line, "il", $"unknown province '{f[0]}'.");
        var bolge = Number(f, 1, header, line, issues);
        if (f[2].Length == 0) issues.Add(line, "ilce", "the district is empty.");
        if (f[3].Length == 0) issues.Add(line, "cevre", "the neighbourhood is empty.");
        if (f[5].Length == 0) issues.Add(line, "sandik", "the box number is empty.");
        var registered = Number(f, 6, header, line, issues);
        var voted = Number(f, 7, header, line, issues);
        var valid = Number(f, 8, header, line, issues);
        var votes = new int[choiceCount];
        long sum = 0;
        for (var col = FirstChoiceColumn; col < f.Count; col++)
        {
            votes[columnToChoice[col]] = Number(f, col, header, line, issues);
            sum += votes[columnToChoice[col]];
        }
        if (issues.Count > before) return null;
        if (voted < valid) issues.Add(line, "oy_kullanan", $"{voted} voters is fewer than the {valid} valid votes.");
        if (sum != valid) issues.Add(line, "gecerli_oy", $"the party columns add up to {sum}, not to the {valid} valid votes.");
        if (issues.Count > before) return null;
        return new Row(line, plate, bolge, f[2], f[3], f[5], new Tally(registered, voted, valid, voted - valid, votes));
    }

    private static int Number(List<string> f, int col, string[] header, int line, IssueList issues)
    {
        if (int.TryParse(f[col], NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        issues.Add(line, header[col], $"'{f[col]}' is not a whole number of zero or more.");
        return 0;
    }

    private static BoxResults Build(Election election, List<Row> rows, TurkeyData turkey, IssueList issues)
    {
        var constituencies = rows.GroupBy(r => r.Plate).ToDictionary(g => g.Key, g => g.Select(r => r.Constituency).Distinct().Count());
        var builder = turkey.Geography.NewBuilder();
        var tallies = new List<BoxTally>(rows.Count);
        foreach (var row in rows)
        {
            var province = turkey.Provinces.NameOf(row.Plate);
            var path = TurkishBoxPath.Path(row.Plate, province, row.Constituency,
                TurkishBoxPath.ConstituencyName(province, row.Constituency, constituencies[row.Plate] > 1), row.District, row.Neighbourhood);
            var code = TurkishBoxPath.BoxCode(row.Plate, row.District, row.Box);
            switch (builder.TryAddBox(path, code, row.Box, row.Tally.Registered ?? 0))
            {
                case Domain.Geography.BoxAddResult.DuplicateBox:
                    issues.Add(row.Line, "sandik", $"box {row.Box} of {row.District} ({province}) appears a second time.");
                    break;
                case Domain.Geography.BoxAddResult.ConflictingArea:
                    issues.Add(row.Line, "bolge", $"{row.District} ({province}) was listed under another electoral district before.");
                    break;
                default:
                    tallies.Add(new BoxTally(builder.BoxCount - 1, row.Tally, row.Line));
                    break;
            }
        }
        issues.ThrowIfAny();
        return new BoxResults(election, builder.Build(), tallies);
    }

    private sealed record Row(int Line, int Plate, int Constituency, string District, string Neighbourhood, string Box, Tally Tally);
}
