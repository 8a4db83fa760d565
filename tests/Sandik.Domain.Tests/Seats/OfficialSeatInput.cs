using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Sandik.Domain.Seats;

namespace Sandik.Domain.Tests.Seats;

/// <summary>
/// The seat allocation input of a shipped general election: rules and choices from <c>data/elections</c>, domestic
/// votes summed per constituency from the ballot-box file in <c>data/results</c>.
/// </summary>
internal sealed record OfficialSeatInput(SeatRules Rules, IReadOnlyList<SeatCandidate> Candidates, IReadOnlyDictionary<string, double[]> DomesticVotes)
{
    public static OfficialSeatInput Load(string electionId)
    {
        var root = RepositoryRoot();
        using var definition = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "data", "elections", electionId + ".json")));
        var race = definition.RootElement.GetProperty("races")[0];
        var candidates = race.GetProperty("choices").EnumerateArray()
            .Select(c => new SeatCandidate(c.GetProperty("id").GetString()!, Eligibility(c.GetProperty("kind").GetString())))
            .ToList();
        var seats = race.GetProperty("seats");
        var constituencies = seats.GetProperty("constituencies").EnumerateArray()
            .Select(c => new Constituency(c.GetProperty("code").GetString()!, c.GetProperty("name").GetString()!, c.GetProperty("magnitude").GetInt32()))
            .ToList();
        var abroad = seats.GetProperty("abroadVotes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        var rules = new SeatRules(seats.GetProperty("total").GetInt32(), seats.GetProperty("nationalThreshold").GetDouble(), constituencies, abroad);
        var boxes = Path.Combine(root, "data", "results", electionId + ".csv.gz");
        return new OfficialSeatInput(rules, candidates, SumBoxesByConstituency(boxes, ProvinceCodes(root), candidates));
    }

    private static SeatEligibility Eligibility(string? kind) => kind switch
    {
        "party" => SeatEligibility.Party,
        "independent" => SeatEligibility.Independent,
        _ => SeatEligibility.NotEligible,
    };

    // Box rows only: rows whose cevre_turu is "Toplam" are province and district totals. Constituency = {plate}-{bolge}.
    private static Dictionary<string, double[]> SumBoxesByConstituency(string path, Dictionary<string, int> plates, IReadOnlyList<SeatCandidate> candidates)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        var header = Fields(reader.ReadLine()!);
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new InvalidDataException($"{path} has no column '{name}'.");
        var (province, district, kind) = (Column("il"), Column("bolge"), Column("cevre_turu"));
        var columns = candidates.Select(c => Column(c.Id)).ToArray();
        var sums = new Dictionary<string, double[]>();
        while (reader.ReadLine() is { } line)
        {
            var fields = Fields(line);
            if (fields.Length != header.Length) throw new InvalidDataException($"{path}: a row has {fields.Length} fields, not {header.Length}: {line}");
            if (fields[kind] == "Toplam") continue;
            var code = $"{plates[fields[province]]}-{fields[district]}";
            if (!sums.TryGetValue(code, out var votes)) sums[code] = votes = new double[columns.Length];
            for (var i = 0; i < columns.Length; i++) votes[i] += long.Parse(fields[columns[i]]);
        }
        return sums;
    }

    private static Dictionary<string, int> ProvinceCodes(string root) =>
        File.ReadLines(Path.Combine(root, "data", "geography", "tr-provinces.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(f => f[1], f => int.Parse(f[0]));

    // The 2015 files quote text and contain no commas or quotes inside a field; the field count check above guards that.
    private static string[] Fields(string line) => [.. line.Split(',').Select(f => f.Trim('"'))];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sandik.slnx")) || File.Exists(Path.Combine(dir.FullName, "global.json")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No Sandik.slnx or global.json above {AppContext.BaseDirectory}.");
    }
}
