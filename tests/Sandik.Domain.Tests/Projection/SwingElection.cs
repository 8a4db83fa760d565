using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Projection;
using Sandik.Domain.Seats;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Tests.Projection;

/// <summary>
/// A synthetic pair of elections on the same boxes: two provinces (electoral districts 1-1 and 2-1, ten seats each),
/// four districts each, towns of several boxes and one-box villages. The current election is the prior moved by a
/// known swing (party "p" gains a fifth of its vote, mostly from "q") plus noise, and has a newcomer "n" the prior
/// did not have. Deterministic for a seed.
/// </summary>
internal sealed class SwingElection
{
    public static readonly string[] Parties = ["p", "q", "r", "n"];

    public SwingElection(int seed = 7, RaceKind kind = RaceKind.Parliamentary)
    {
        var random = new Random(seed);
        var levels = new[] { "nation", "province", "constituency", "district", "neighbourhood" }
            .Select(l => new GeographyLevel(l, LocalizedText.Same(l))).ToList();
        var builder = new GeographyBuilder(levels, new AreaKey("TR", "Nation"));
        var priorBuilder = new GeographyBuilder(levels, new AreaKey("TR", "Nation"));
        var truth = new List<Tally>();
        var prior = new List<Tally>();
        for (var province = 1; province <= 2; province++)
        {
            for (var district = 0; district < 4; district++)
            {
                var lean = random.NextDouble();
                for (var hood = 0; hood < 8; hood++)
                {
                    var village = hood >= 5;
                    var local = Math.Clamp(lean + 0.3 * (random.NextDouble() - 0.5) + (village ? 0.15 : 0), 0.05, 0.95);
                    for (var box = 0; box < (village ? 1 : 4); box++)
                    {
                        var path = Path(province, district, hood);
                        var code = $"{province}/D{district}/{hood * 10 + box}";
                        var registered = 300 + random.Next(100);
                        builder.TryAddBox(path, code, $"{hood * 10 + box}", registered);
                        priorBuilder.TryAddBox(path, code, $"{hood * 10 + box}", registered);
                        var (before, after) = Tallies(local, registered, random);
                        prior.Add(before);
                        truth.Add(after);
                    }
                }
            }
        }
        Geography = builder.Build();
        var choices = Parties.Select(p => new Choice(p, p.ToUpperInvariant(), null, kind == RaceKind.Presidential ? ChoiceKind.Candidate : ChoiceKind.Party, null)).ToList();
        var seats = kind == RaceKind.Presidential ? null
            : new SeatRules(20, 0.10, [new Constituency("1-1", "One", 10), new Constituency("2-1", "Two", 10)], new Dictionary<string, long> { ["p"] = 500, ["q"] = 300 });
        Race = new Race("race", kind, LocalizedText.Same("Race"), choices, seats);
        Election = new Election("now", LocalizedText.Same("Now"), new DateOnly(2015, 11, 1), "tr", [Race]);
        Truth = truth;
        var priorRace = new Race("race", kind, LocalizedText.Same("Race"), choices.Take(3).Append(new Choice("gone", "Gone", null, ChoiceKind.Party, null)).ToList());
        Prior = new PriorElection("before", priorRace, priorBuilder.Build(), prior);
        Sources = new SourceCatalog([new Source("feed", LocalizedText.Same("Feed"), 1)]);
    }

    public ElectionGeography Geography { get; }
    public Race Race { get; }
    public Election Election { get; }
    public PriorElection Prior { get; }
    public IReadOnlyList<Tally?> Truth { get; }
    public SourceCatalog Sources { get; }

    /// <summary>The truth for a random share of the boxes (null for the others), the same for a seed.</summary>
    public Tally?[] Counted(double share, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Truth.Select(t => random.NextDouble() < share ? t : null)];
    }

    public double FinalShare(string party)
    {
        var k = Race.IndexOf(party);
        return (double)Truth.Sum(t => t!.Votes[k]) / Truth.Sum(t => t!.Valid);
    }

    private static AreaKey[] Path(int province, int district, int hood) =>
    [
        new($"{province}", $"Province {province}"),
        new($"{province}-1", $"Province {province}"),
        new($"{province}/D{district}", $"District {district}"),
        new($"{province}/D{district}/N{hood}", $"Neighbourhood {hood}"),
    ];

    // Prior: p, q, r and a party that is gone. Now: p gains a fifth, q loses, the gone party's voters split, newcomer n appears.
    private static (Tally Before, Tally After) Tallies(double lean, int registered, Random random)
    {
        var voted = (int)(registered * (0.8 + 0.1 * random.NextDouble()));
        var valid = voted - random.Next(10);
        var shares = new[] { 0.45 * lean + 0.1, 0.5 * (1 - lean) + 0.05, 0.2, 0.05 };
        var before = Votes(shares, valid, random);
        var moved = new[] { shares[0] * 1.2 + 0.02 * random.NextDouble(), shares[1] * 0.85, shares[2] * 0.9, 0.03 };
        var after = Votes(moved, valid - random.Next(5), random);
        return (Sheet(registered, before, random), Sheet(registered, after, random));
    }

    private static Tally Sheet(int registered, int[] votes, Random random)
    {
        var invalid = random.Next(10);
        return new Tally(registered, votes.Sum() + invalid, votes.Sum(), invalid, votes);
    }

    private static int[] Votes(double[] shares, int valid, Random random)
    {
        var total = shares.Sum();
        return [.. shares.Select(s => (int)Math.Round(valid * s / total * (0.95 + 0.1 * random.NextDouble())))];
    }
}
