using System.Globalization;
using System.Text;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;
using Sandik.Import.Csv;

namespace Sandik.Import.Turkey;

/// <summary>
/// Reads the official per-box results of the local elections of 30 March 2014 as the election authority's site
/// published them (UTF-16, tab-separated; see <c>docs/formats.md</c>). The province comes from <c>IL_ID</c> and must
/// agree with the <c>İl</c> name; the district is the <c>Seçim Çevresi</c> column without the town (belde) that
/// follows a dash ("İPSALA-ESETÇE" is in İpsala); each district is placed in its 2015 electoral district
/// (<see cref="DistrictConstituencies"/>) and coded with its 2015 spelling, and each neighbourhood coded as 2015 spells it
/// (<see cref="TurkishBoxPath.NeighbourhoodSpelling"/>), so that area and box codes meet those of the 2015 files; names
/// are kept as the file writes them. The whole file is checked before anything is returned.
/// </summary>
public static class LocalElection2014File
{
    public const string ElectionId = "tr-2014-03-local";

    private const int Plate = 0, Province = 3, District = 4, Neighbourhood = 5, Box = 6, Registered = 7, Voted = 8,
        ValidUnchallenged = 9, ValidOnObjection = 10, Valid = 11, Invalid = 12, FirstChoiceColumn = 13;

    private static readonly string[] Fixed =
    [
        "IL_ID", "ILCE_ID", "MUHTARLIK_ID", "İl", "Seçim Çevresi", "Mahalle / Köy", "Sandık No",
        "Sandık Seçmen Listesinde Yazılı Seçmenlerin Sayısı", "Oy Kullanan Seçmen Sayısı",
        "İtiraz Edilmeksizin Geçerli Sayılan Oy Pusulalarının Sayısı",
        "İtiraz Üzerine Geçerli Sayılan veya Hesaba Katılan Oy Pusulalarının Sayısı",
        "Geçerli Oy Pusulalarının Toplamı", "Geçersiz Sayılan veya Hesaba Katılmayan Oy Pusulalarının Toplamı",
    ];

    /// <inheritdoc cref="ReadWithReport"/>
    public static BoxResults Read(string path, Election? definition, TurkeyData turkey, IProgress<ImportProgress>? progress = null) =>
        ReadWithReport(path, definition, turkey, progress).Results;

    /// <param name="definition">The election the file belongs to; its first race's choices must match the party
    /// columns (by id or name, regardless of case). When null, the shipped <c>tr-2014-03-local</c>.</param>
    /// <exception cref="ImportFailedException">The file is missing or has bad rows.</exception>
    public static LocalElection2014Import ReadWithReport(string path, Election? definition, TurkeyData turkey, IProgress<ImportProgress>? progress = null)
    {
        var election = definition ?? turkey.Election(ElectionId);
        var issues = new IssueList(path);
        var rows = new List<Row>(175_000);
        using (var text = InputFile.OpenText(path, Encoding.Unicode, progress, () => rows.Count))
        {
            var csv = new CsvReader(text, '\t');
            var fields = new List<string>();
            if (!csv.Read(fields)) issues.Add(0, null, "the file is empty.");
            var header = fields.ToArray();
            CheckHeader(header, issues);
            issues.ThrowIfAny();
            var columnToChoice = MapChoices(header, election.DefaultRace, issues);
            issues.ThrowIfAny();
            while (csv.Read(fields))
            {
                if (fields.Count == 1 && fields[0].Length == 0) continue;
                if (ReadRow(fields, header, csv.Line, columnToChoice, election.DefaultRace.Choices.Count, turkey.Provinces, issues) is { } row)
                    rows.Add(row);
            }
        }
        issues.ThrowIfAny();
        return Build(election, rows, turkey, DistrictConstituencies.Shipped(turkey), issues);
    }

    private static void CheckHeader(string[] header, IssueList issues)
    {
        for (var i = 0; i < Fixed.Length; i++)
        {
            if (i >= header.Length || ProvinceCodeBook.Key(header[i]) != ProvinceCodeBook.Key(Fixed[i]))
                issues.Add(1, Fixed[i], $"expected column {i + 1} to be '{Fixed[i]}', found '{(i < header.Length ? header[i] : "nothing")}'.");
        }
        if (header.Length <= FirstChoiceColumn) issues.Add(1, null, $"no party columns after '{Fixed[^1]}'.");
    }

    // Party columns are labelled like "AK PARTİ" or "Diger": a choice matches by its name or by its id read as words.
    private static int[] MapChoices(string[] header, Race race, IssueList issues)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < race.Choices.Count; i++)
        {
            byKey.TryAdd(ProvinceCodeBook.Key(race.Choices[i].Name), i);
            byKey.TryAdd(ProvinceCodeBook.Key(race.Choices[i].Id.Replace('_', ' ')), i);
        }
        var map = new int[header.Length];
        var seen = new bool[race.Choices.Count];
        for (var col = FirstChoiceColumn; col < header.Length; col++)
        {
            map[col] = byKey.GetValueOrDefault(ProvinceCodeBook.Key(header[col]), -1);
            if (map[col] < 0) issues.Add(1, header[col], $"race '{race.Id}' has no choice named '{header[col]}'.");
            else if (seen[map[col]]) issues.Add(1, header[col], $"a second column for choice '{race.Choices[map[col]].Id}'.");
            else seen[map[col]] = true;
        }
        for (var i = 0; i < seen.Length; i++)
        {
            if (!seen[i]) issues.Add(1, null, $"choice '{race.Choices[i].Id}' of race '{race.Id}' has no column.");
        }
        return map;
    }

    private static Row? ReadRow(List<string> f, string[] header, int line, int[] columnToChoice, int choiceCount, ProvinceCodeBook provinces, IssueList issues)
    {
        if (f.Count != header.Length)
        {
            issues.Add(line, null, $"expected {header.Length} columns, found {f.Count}.");
            return null;
        }
        var before = issues.Count;
        var plate = Number(f, Plate, header, line, issues);
        if (!provinces.TryFind(f[Province], out var named, out _)) issues.Add(line, header[Province], $"unknown province '{f[Province]}'.");
        else if (issues.Count == before && named != plate)
            issues.Add(line, header[Plate], $"plate code {plate} does not match the province '{f[Province]}', whose code is {named}.");
        if (f[District].Length == 0) issues.Add(line, header[District], "the district is empty.");
        if (f[Neighbourhood].Length == 0) issues.Add(line, header[Neighbourhood], "the neighbourhood is empty.");
        if (f[Box].Length == 0) issues.Add(line, header[Box], "the box number is empty.");
        var counts = new int[Invalid + 1];
        for (var col = Registered; col <= Invalid; col++) counts[col] = Number(f, col, header, line, issues);
        var votes = new int[choiceCount];
        var sum = 0L;
        for (var col = FirstChoiceColumn; col < f.Count; col++)
        {
            votes[columnToChoice[col]] = Number(f, col, header, line, issues);
            sum += votes[columnToChoice[col]];
        }
        if (issues.Count > before) return null;
        if (counts[ValidUnchallenged] + counts[ValidOnObjection] != counts[Valid])
            issues.Add(line, header[Valid], $"{counts[Valid]} valid votes is not {counts[ValidUnchallenged]} + {counts[ValidOnObjection]}.");
        if (counts[Valid] + counts[Invalid] != counts[Voted])
            issues.Add(line, header[Voted], $"{counts[Voted]} voters is not {counts[Valid]} valid + {counts[Invalid]} invalid votes.");
        if (sum > counts[Valid]) issues.Add(line, header[Valid], $"the party columns add up to {sum}, more than the {counts[Valid]} valid votes.");
        if (issues.Count > before) return null;
        var tally = new Tally(counts[Registered], counts[Voted], counts[Valid], counts[Invalid], votes);
        return new Row(line, plate, f[District], f[Neighbourhood], f[Box], tally, (int)sum);
    }

    private static int Number(List<string> f, int col, string[] header, int line, IssueList issues)
    {
        if (int.TryParse(f[col], NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        issues.Add(line, header[col], $"'{f[col]}' is not a whole number of zero or more.");
        return 0;
    }

    private static LocalElection2014Import Build(Election election, List<Row> rows, TurkeyData turkey,
        DistrictConstituencies table, IssueList issues)
    {
        var districts = new DistrictResolver(table);
        var builder = turkey.Geography.NewBuilder();
        var tallies = new List<BoxTally>(rows.Count);
        var shortfalls = new List<VoteShortfall>();
        foreach (var row in rows)
        {
            var district = districts.Resolve(row.Plate, row.District, row.Line);
            var province = turkey.Provinces.NameOf(row.Plate);
            AreaKey[] path =
            [
                new(row.Plate.ToString(CultureInfo.InvariantCulture), province),
                new(TurkishBoxPath.ConstituencyCode(row.Plate, district.Constituency),
                    TurkishBoxPath.ConstituencyName(province, district.Constituency, table.HasSeveral(row.Plate))),
                new($"{row.Plate}/{district.Code}", district.Name),
                new($"{row.Plate}/{district.Code}/{TurkishBoxPath.NeighbourhoodSpelling(row.Neighbourhood)}", row.Neighbourhood),
            ];
            var code = TurkishBoxPath.BoxCode(row.Plate, district.Code, row.Box);
            switch (builder.TryAddBox(path, code, row.Box, row.Tally.Registered ?? 0))
            {
                case BoxAddResult.DuplicateBox:
                    issues.Add(row.Line, Fixed[Box], $"box {row.Box} of {district.Name} ({province}) appears a second time.");
                    break;
                case BoxAddResult.ConflictingArea:
                    issues.Add(row.Line, Fixed[Neighbourhood], $"{row.Neighbourhood} ({district.Name}, {province}) was listed under another area before.");
                    break;
                default:
                    tallies.Add(new BoxTally(builder.BoxCount - 1, row.Tally, row.Line));
                    if (row.ChoiceSum < row.Tally.Valid) shortfalls.Add(new VoteShortfall(row.Line, code, row.Tally.Valid, row.ChoiceSum));
                    break;
            }
        }
        issues.ThrowIfAny();
        return new LocalElection2014Import(new BoxResults(election, builder.Build(), tallies), districts.Unmatched(), shortfalls);
    }

    private sealed record Row(int Line, int Plate, string District, string Neighbourhood, string Box, Tally Tally, int ChoiceSum);
}
