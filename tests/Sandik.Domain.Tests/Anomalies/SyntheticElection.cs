using Sandik.Domain.Anomalies;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Tests.Anomalies;

/// <summary>
/// A small but realistic election for anomaly tests: 2 provinces × 2 districts × 10 neighbourhoods × 8 boxes (320
/// boxes, enough for the detector's calibrations), four parties P, Q, R, S whose shares differ from neighbourhood to
/// neighbourhood, turnout around 85%, and box-to-box noise drawn with a fixed seed. A prior election on the same
/// boxes has the same neighbourhoods with slightly different shares.
/// </summary>
internal sealed class SyntheticElection
{
    public const int Provinces = 2, Districts = 2, Hoods = 10, BoxesPerHood = 8;

    public SyntheticElection(int seed = 7)
    {
        var levels = new[] { "nation", "province", "district", "neighbourhood" }.Select(l => new GeographyLevel(l, LocalizedText.Same(l))).ToList();
        var builder = new GeographyBuilder(levels, new AreaKey("TR", "Türkiye"));
        var random = new Random(seed);
        var registered = new List<int>();
        for (var p = 1; p <= Provinces; p++)
        {
            for (var d = 1; d <= Districts; d++)
            {
                for (var h = 1; h <= Hoods; h++)
                {
                    for (var b = 1; b <= BoxesPerHood; b++)
                    {
                        var size = 300 + random.Next(80);
                        builder.TryAddBox(
                            [new AreaKey($"{p}", $"Province {p}"), new AreaKey($"{p}/D{d}", $"District {d}"), new AreaKey($"{p}/D{d}/H{h}", $"Hood {h}")],
                            $"{p}/D{d}/{h * 100 + b}", $"{h * 100 + b}", size);
                        registered.Add(size);
                    }
                }
            }
        }
        Geography = builder.Build();
        Race = new Race("parliament", RaceKind.Parliamentary, LocalizedText.Same("Parliament"),
            [Party("p"), Party("q"), Party("r"), Party("s")]);
        Counts = Draw(random, shift: 0);
        Prior = new PriorElection(Geography, Race, Draw(new Random(seed + 1), shift: 0.02));
    }

    public ElectionGeography Geography { get; }

    public Race Race { get; }

    /// <summary>The clean counts (tests change a copy).</summary>
    public BoxCounts Counts { get; }

    public PriorElection Prior { get; }

    public int Box(string code) => Geography.TryGetBox(code, out var box) ? box.Index : throw new ArgumentException(code);

    public AnomalyDetector Detector(BoxCounts counts, bool withPrior = true, IReadOnlyDictionary<int, SourceGap>? gaps = null)
    {
        var detector = new AnomalyDetector(Geography, Race, counts, withPrior ? Prior : null, sourceGaps: gaps);
        detector.Refresh();
        return detector;
    }

    /// <summary>A tally with the given counts; valid is the sum of the votes unless told.</summary>
    public static Tally Tally(int registered, int voted, int[] votes, int? valid = null, int? invalid = null)
    {
        var v = valid ?? votes.Sum();
        return new Tally(registered, voted, v, invalid ?? voted - v, votes);
    }

    /// <summary>The box's tally with extra ballots for one party (a share of its registered voters).</summary>
    public Tally Stuffed(BoxCounts counts, int box, int party, double share)
    {
        var extra = (int)Math.Round(share * counts.Registered(box));
        var votes = counts.Votes(box).ToArray();
        votes[party] += extra;
        return new Tally(counts.Registered(box), counts.Voted(box) + extra, counts.Valid(box) + extra, counts.Invalid(box), votes);
    }

    private static Choice Party(string id) => new(id, id.ToUpperInvariant(), null, ChoiceKind.Party, null);

    private BoxCounts Draw(Random random, double shift)
    {
        var counts = new BoxCounts(Geography.Boxes.Count, 4);
        var hoodShares = new Dictionary<int, double[]>();
        foreach (var box in Geography.Boxes)
        {
            if (!hoodShares.TryGetValue(box.Area, out var shares))
            {
                // Neighbourhoods differ: P between 30% and 60%, the rest split between Q, R and S.
                var p = 0.3 + 0.3 * ((box.Area * 37 % 11) / 10.0) + shift;
                var q = (1 - p) * (0.45 + 0.1 * (box.Area % 3));
                var r = (1 - p - q) * 0.7;
                hoodShares[box.Area] = shares = [p, q, r, 1 - p - q - r];
            }
            var turnout = 0.85 + 0.02 * Normal(random);
            var voted = (int)Math.Round(box.Registered * turnout);
            var invalid = (int)Math.Round(voted * Math.Max(0, 0.015 + 0.004 * Normal(random)));
            var valid = voted - invalid;
            var votes = new int[4];
            var left = valid;
            for (var j = 0; j < 3; j++)
            {
                var share = Math.Max(0, shares[j] + 0.025 * Normal(random));
                votes[j] = Math.Min(left, (int)Math.Round(valid * share));
                left -= votes[j];
            }
            votes[3] = left;
            counts.Set(box.Index, box.Registered, voted, valid, invalid, votes);
        }
        return counts;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
