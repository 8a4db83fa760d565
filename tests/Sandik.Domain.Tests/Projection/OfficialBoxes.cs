using System.IO.Compression;
using System.Text;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Projection;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Tests.Projection;

/// <summary>
/// A shipped 2015 general election read straight from <c>data/</c>: its definition, and its ballot boxes coded as the
/// importer codes them (province = plate, electoral district <c>{plate}-{bolge}</c>, district <c>{plate}/{ilce}</c>,
/// neighbourhood <c>{plate}/{ilce}/{cevre}</c>, box <c>{plate}/{ilce}/{sandik}</c>), so that two elections meet.
/// </summary>
internal sealed record OfficialBoxes(Election Election, Race Race, ElectionGeography Geography, Tally?[] Tallies)
{
    private static readonly Dictionary<string, OfficialBoxes> Loaded = [];

    public static OfficialBoxes Load(string electionId)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(electionId, out var boxes)) Loaded[electionId] = boxes = Read(electionId);
            return boxes;
        }
    }

    public PriorElection AsPrior() => new(Election.Id, Race, Geography, Tallies);

    public static SourceCatalog Sources()
    {
        using var stream = File.OpenRead(Path.Combine(Root, "data", "sources", "tr.json"));
        return SourceCatalog.Read(stream, "tr.json");
    }

    private static OfficialBoxes Read(string electionId)
    {
        Election election;
        using (var json = File.OpenRead(Path.Combine(Root, "data", "elections", electionId + ".json"))) election = ElectionFile.Read(json, electionId);
        GeographyDefinition definition;
        using (var json = File.OpenRead(Path.Combine(Root, "data", "geography", "tr.json"))) definition = GeographyDefinition.Read(json, "tr.json");
        var plates = File.ReadLines(Path.Combine(Root, "data", "geography", "tr-provinces.csv")).Skip(1)
            .Select(line => line.Split(',')).ToDictionary(f => f[1], f => f[0]);
        var race = election.DefaultRace;
        var builder = definition.NewBuilder();
        var tallies = new List<Tally>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(Root, "data", "results", electionId + ".csv.gz")), CompressionMode.Decompress), Encoding.UTF8);
        var header = Fields(reader.ReadLine()!);
        var columns = race.Choices.Select(c => Array.IndexOf(header, c.Id)).ToArray();
        while (reader.ReadLine() is { } line)
        {
            var f = Fields(line);
            if (f[4] == "Toplam") continue;
            var plate = plates[f[0]];
            var votes = columns.Select(c => int.Parse(f[c])).ToArray();
            AreaKey[] path = [new(plate, f[0]), new($"{plate}-{f[1]}", f[0]), new($"{plate}/{f[2]}", f[2]), new($"{plate}/{f[2]}/{f[3]}", f[3])];
            if (builder.TryAddBox(path, $"{plate}/{f[2]}/{f[5]}", f[5], int.Parse(f[6])) != BoxAddResult.Added) continue;
            var (voted, valid) = (int.Parse(f[7]), int.Parse(f[8]));
            tallies.Add(new Tally(int.Parse(f[6]), voted, valid, voted - valid, votes));
        }
        return new OfficialBoxes(election, race, builder.Build(), [.. tallies]);
    }

    // The 2015 files quote text and hold no commas or quotes inside a field.
    private static string[] Fields(string line) => [.. line.Split(',').Select(f => f.Trim('"'))];

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "geography", "tr.json"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No data/ folder above {AppContext.BaseDirectory}.");
    }
}
