using Shouldly;
using Xunit;
using Sandik.Domain;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;

namespace Sandik.Domain.Tests.Support;

/// <summary>
/// A small election for behaviour tests: two provinces (one with two districts), five boxes, three parties and
/// three sources ranked office (1) &gt; app (2) &gt; sms (3).
/// </summary>
public sealed class SmallElection
{
    public static readonly string[] BoxCodes = ["1/A/1", "1/A/2", "1/B/1", "2/C/1", "2/C/2"];

    public SmallElection()
    {
        var levels = new[] { "nation", "province", "district", "neighbourhood" }.Select(l => new GeographyLevel(l, LocalizedText.Same(l))).ToList();
        var builder = new GeographyBuilder(levels, new AreaKey("TR", "Türkiye"));
        Add(builder, "1", "A", "A1", "1/A/1", 300);
        Add(builder, "1", "A", "A1", "1/A/2", 200);
        Add(builder, "1", "B", "B1", "1/B/1", 100);
        Add(builder, "2", "C", "C1", "2/C/1", 400);
        Add(builder, "2", "C", "C2", "2/C/2", 250);
        Geography = builder.Build();
        Race = new Race("parliament", RaceKind.Parliamentary, LocalizedText.Same("Parliament"),
            [new Choice("p", "P", null, ChoiceKind.Party, null), new Choice("q", "Q", null, ChoiceKind.Party, null), new Choice("r", "R", null, ChoiceKind.Party, null)]);
        Election = new Election("test", LocalizedText.Same("Test"), new DateOnly(2015, 11, 1), "tr", [Race]);
        Sources = new SourceCatalog([
            new Source("sms", LocalizedText.Same("SMS"), 3),
            new Source("office", LocalizedText.Same("Office"), 1),
            new Source("app", LocalizedText.Same("App"), 2),
        ]);
    }

    public ElectionGeography Geography { get; }
    public Race Race { get; }
    public Election Election { get; }
    public SourceCatalog Sources { get; }

    public LiveRace NewLive() => new(Election, Race, Geography, Sources);

    public int BoxIndex(string code) => Geography.TryGetBox(code, out var box) ? box.Index : throw new ArgumentException(code);

    public int AreaIndex(string code) => Geography.TryGetArea(code, out var area) ? area.Index : throw new ArgumentException(code);

    /// <summary>A consistent tally: registered, voted, invalid and the three parties' votes.</summary>
    public static Tally Tally(int registered, int voted, int invalid, int p, int q, int r) =>
        new(registered, voted, p + q + r, invalid, [p, q, r]);

    private long _sequence;

    public LoggedSubmission Entry(string source, string box, Tally tally) =>
        new(++_sequence, DateTimeOffset.UnixEpoch.AddSeconds(_sequence), source, null, Race.Id, box, null, null, tally, [], null);

    /// <summary>Consistent tallies from the three sources for random boxes, with random votes (so conflicts happen).</summary>
    public List<LoggedSubmission> RandomLog(Random random, int count)
    {
        var sources = new[] { "office", "app", "sms" };
        var log = new List<LoggedSubmission>();
        for (var i = 0; i < count; i++)
        {
            var p = random.Next(0, 100);
            var q = random.Next(0, 100);
            var r = random.Next(0, 100);
            log.Add(Entry(sources[random.Next(3)], BoxCodes[random.Next(5)], Tally(500, p + q + r + 7, 7, p, q, r)));
        }
        return log;
    }

    private static void Add(GeographyBuilder builder, string province, string district, string hood, string code, int registered) =>
        builder.TryAddBox([new AreaKey(province, "Province " + province), new AreaKey(province + "/" + district, district),
            new AreaKey(province + "/" + district + "/" + hood, hood)], code, code[^1..], registered).ShouldBe(BoxAddResult.Added);
}
