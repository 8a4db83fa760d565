using System.Text;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;
using Sandik.Import.Csv;

namespace Sandik.Import.Turkey;

/// <summary>
/// Reads a volunteer network's per-box transcriptions of the count sheets (the flat CSV of the 2023 Oy ve Ötesi
/// data; see <c>docs/formats.md</c>): names of province, district, neighbourhood and school, the box number, and for
/// the presidential race a submission id, the valid votes (<c>cb_total_vote</c>), the votes of each candidate
/// (<c>cb_{choice id}</c>) and a photo of the sheet. No registered, voted or invalid counts.
/// </summary>
public static class VolunteerTallyFile
{
    private const string Province = "il", District = "ilce", Neighbourhood = "mahalle", Box = "ballot_box_number";
    private const string SubmissionId = "cb_submission_id", Total = "cb_total_vote", Image = "cb_image_url", VotePrefix = "cb_";
    private static readonly string[] Place = [Province, District, Neighbourhood, Box];

    /// <summary>
    /// A box registry from the boxes the files list (with or without a result), without registered voters (0).
    /// Provinces are matched by name with <see cref="ProvinceCodeBook"/>; districts and neighbourhoods keep the
    /// names as given; box codes are <c>{plate}/{district}/{box number}</c>. A box listed by several files is one box.
    /// The files name no electoral district, and a presidential race needs none: each province is one
    /// electoral-district area, <c>{plate}-1</c>. Rows of an unknown province are left out (reading submissions
    /// from the same file reports them).
    /// </summary>
    /// <exception cref="ImportFailedException">A file is missing, lacks a column, has an empty name or box number, or
    /// puts a box in two neighbourhoods.</exception>
    public static ElectionGeography ReadRegistry(IEnumerable<string> paths, TurkeyData turkey, IProgress<ImportProgress>? progress = null)
    {
        var builder = turkey.Geography.NewBuilder();
        var neighbourhoodOfBox = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var issues = new IssueList(path);
            ForEachRow(path, Place, issues, progress, (line, row) =>
            {
                var before = issues.Count;
                foreach (var column in Place)
                {
                    if (row.Get(column).Length == 0) issues.Add(line, column, "the value is empty.");
                }
                if (issues.Count > before || !turkey.Provinces.TryFind(row.Get(Province), out var plate, out var province)) return;
                var areas = AreasOf(plate, province, row.Get(District), row.Get(Neighbourhood));
                var code = TurkishBoxPath.BoxCode(plate, row.Get(District), row.Get(Box));
                if (neighbourhoodOfBox.TryGetValue(code, out var earlier))
                {
                    if (earlier != areas[^1].Code)
                        issues.Add(line, Neighbourhood, $"box {code} was listed in {earlier} before, here in {areas[^1].Code}.");
                    return;
                }
                if (builder.TryAddBox(areas, code, row.Get(Box), 0) != BoxAddResult.Added)
                    issues.Add(line, District, $"the areas of box {code} contradict earlier rows.");
                else neighbourhoodOfBox[code] = areas[^1].Code;
            });
            issues.ThrowIfAny();
        }
        return builder.Build();
    }

    /// <summary>
    /// One submission draft per row with a presidential result whose box is in the registry, and a report of every
    /// other row. Province and district names are matched with <see cref="ProvinceCodeBook.Key"/> (case and
    /// diacritics do not matter); the box is the district's box with that number. A candidate left empty has 0
    /// votes. The drafts are not validated: a malformed count reaches <see cref="SubmissionValidator"/> as it was.
    /// </summary>
    /// <param name="registry">A Turkish registry: levels <c>province</c> and <c>district</c>, box codes
    /// <c>{district code}/{box number}</c>.</param>
    /// <exception cref="ImportFailedException">The file is missing, lacks a column, or has rows of the wrong width.</exception>
    public static VolunteerTallies ReadSubmissions(string path, ElectionGeography registry, Election election, string sourceId,
        IProgress<ImportProgress>? progress = null)
    {
        var race = election.DefaultRace;
        var voteColumns = race.Choices.Select(c => VotePrefix + c.Id).ToArray();
        var matcher = new RegistryMatcher(registry);
        var report = new MatchReport.Builder();
        var drafts = new List<SubmissionDraft>();
        var issues = new IssueList(path);
        ForEachRow(path, [.. Place, SubmissionId, Total, Image, .. voteColumns], issues, progress, (line, row) =>
        {
            report.Rows++;
            if (row.Get(SubmissionId).Length == 0 && row.Get(Total).Length == 0 && voteColumns.All(c => row.Get(c).Length == 0))
            {
                report.RowsWithoutResult++;
                return;
            }
            if (matcher.Find(row.Get(Province), row.Get(District), row.Get(Box), out var failure) is not { } boxCode)
            {
                report.Fail(failure, new UnmatchedRow(line, row.Get(Province), row.Get(District), row.Get(Neighbourhood), row.Get(Box)));
                return;
            }
            report.Matched++;
            drafts.Add(new SubmissionDraft
            {
                SourceId = sourceId,
                RaceId = race.Id,
                BoxCode = boxCode,
                ClientSubmissionId = NullIfEmpty(row.Get(SubmissionId)),
                Evidence = NullIfEmpty(row.Get(Image)),
                Valid = CountInput.Parse(row.Get(Total)),
                Votes = [.. race.Choices.Select((c, i) => KeyValuePair.Create(c.Id, row.Get(voteColumns[i]) is { Length: > 0 } text ? CountInput.Parse(text) : CountInput.Of(0)))],
            });
        });
        issues.ThrowIfAny();
        return new VolunteerTallies(drafts, report.Build());
    }

    private static AreaKey[] AreasOf(int plate, string province, string district, string neighbourhood) =>
        TurkishBoxPath.Path(plate, province, 1, TurkishBoxPath.ConstituencyName(province, 1, provinceHasSeveral: false), district, neighbourhood);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static void ForEachRow(string path, string[] required, IssueList issues, IProgress<ImportProgress>? progress, Action<int, RowView> onRow)
    {
        long rows = 0;
        using var text = InputFile.OpenText(path, Encoding.UTF8, progress, () => rows);
        var csv = new CsvReader(text);
        var fields = new List<string>();
        if (!csv.Read(fields)) issues.Add(0, null, "the file is empty.");
        var header = new CsvHeader(fields);
        foreach (var column in required)
        {
            if (header.IndexOf(column) < 0) issues.Add(1, column, "the column is missing.");
        }
        issues.ThrowIfAny();
        var view = new RowView(header, fields);
        while (csv.Read(fields))
        {
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            rows++;
            if (fields.Count != header.Count) issues.Add(csv.Line, null, $"expected {header.Count} columns, found {fields.Count}.");
            else onRow(csv.Line, view);
        }
    }

    /// <summary>The current row's fields by column name.</summary>
    private sealed class RowView(CsvHeader header, List<string> fields)
    {
        public string Get(string column) => fields[header.IndexOf(column)].Trim();
    }
}
