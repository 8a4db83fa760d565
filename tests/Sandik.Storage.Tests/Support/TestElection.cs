using Sandik.Domain;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;
using Sandik.Storage;

namespace Sandik.Storage.Tests.Support;

/// <summary>
/// Small elections for store tests: a nation / province / district geography with an abroad branch, one race with
/// three parties (akp, chp, mhp) and two sources, office (1) and observers (2).
/// </summary>
internal static class TestElection
{
    public const string RaceId = "parliament";
    public static readonly string[] Parties = ["akp", "chp", "mhp"];
    public static readonly DateTimeOffset Evening = new(2015, 11, 1, 18, 0, 0, TimeSpan.FromHours(3));

    public static StoredElection Create(string id = "general-2015", string[]? parties = null, int extraBoxes = 0)
    {
        var levels = new[] { ("nation", "Ülke", "Nation"), ("province", "İl", "Province"), ("district", "İlçe", "District") }
            .Select(l => new GeographyLevel(l.Item1, new LocalizedText(l.Item2, l.Item3))).ToList();
        var builder = new GeographyBuilder(levels, new AreaKey("TR", "Türkiye"));
        AddBox(builder, "01", "Adana", "01-seyhan", "Seyhan", "01/Seyhan/1001", 310);
        AddBox(builder, "01", "Adana", "01-seyhan", "Seyhan", "01/Seyhan/1002", 295);
        AddBox(builder, "34", "İstanbul", "34-kadikoy", "Kadıköy", "34/Kadıköy/2001", 350);
        for (var i = 0; i < extraBoxes; i++) AddBox(builder, "34", "İstanbul", "34-kadikoy", "Kadıköy", $"34/Kadıköy/{3000 + i}", 200 + i % 150);
        Add(builder, [new AreaKey("abroad", "Yurt dışı", AreaKind.Abroad), new AreaKey("abroad-de", "Almanya", AreaKind.Abroad)], "abroad/DE/1", 900);

        var choices = (parties ?? Parties).Select(p => new Choice(p, p.ToUpperInvariant(), null, ChoiceKind.Party, null)).ToList();
        var race = new Race(RaceId, RaceKind.Parliamentary, new LocalizedText("Milletvekili", "Parliament"), choices);
        var election = new Election(id, new LocalizedText("1 Kasım 2015", "1 November 2015"), new DateOnly(2015, 11, 1), "tr", [race]);
        var sources = new SourceCatalog([
            new Source("observers", new LocalizedText("Gözlemciler", "Observers"), 2),
            new Source("office", new LocalizedText("İlçe seçim kurulu", "District office"), 1),
        ]);
        return new StoredElection(election, sources, builder.Build());
    }

    private static void AddBox(GeographyBuilder builder, string province, string provinceName, string district, string districtName,
        string code, int registered) =>
        Add(builder, [new AreaKey(province, provinceName), new AreaKey(district, districtName)], code, registered);

    private static void Add(GeographyBuilder builder, ReadOnlySpan<AreaKey> path, string code, int registered)
    {
        if (builder.TryAddBox(path, code, code[(code.LastIndexOf('/') + 1)..], registered) != BoxAddResult.Added)
            throw new InvalidOperationException($"Test geography: box '{code}' was not added.");
    }

    public static string BoxCode(int i) => (i % 3) switch { 0 => "01/Seyhan/1001", 1 => "01/Seyhan/1002", _ => "34/Kadıköy/2001" };

    /// <summary>An accepted entry whose counts add up: 2 invalid, voted = valid + 2, 300 registered.</summary>
    public static LoggedSubmission Accepted(int[] votes, string? clientId = null, string source = "observers",
        string box = "01/Seyhan/1001", DateTimeOffset? at = null, string? reporter = "ayse", string? evidence = null)
    {
        var valid = votes.Sum();
        var tally = new Tally(300, valid + 2, valid, 2, votes);
        return new LoggedSubmission(0, at ?? Evening, source, reporter, RaceId, box, clientId, evidence, tally, [], null);
    }

    public static LoggedSubmission Rejected(IReadOnlyList<FieldError> errors, string payload, string? clientId = null,
        string source = "observers", string raceId = RaceId, string box = "01/Seyhan/1001") =>
        new(0, Evening, source, null, raceId, box, clientId, null, null, errors, payload);
}
