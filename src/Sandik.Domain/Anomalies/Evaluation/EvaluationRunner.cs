using Sandik.Domain.Elections;
using Sandik.Domain.Geography;

namespace Sandik.Domain.Anomalies.Evaluation;

/// <summary>The knobs of an evaluation.</summary>
/// <param name="InjectedShare">Share of the boxes manipulated per round (0.002: about 350 of 175,000).</param>
/// <param name="Budgets">Review budgets, as shares of the ranked boxes.</param>
public sealed record EvaluationOptions(int Seed = 2015, int Rounds = 6, double InjectedShare = 0.002, IReadOnlyList<double>? Budgets = null)
{
    public IReadOnlyList<double> BudgetsOrDefault => Budgets ?? [0.005, 0.01, 0.02];
}

/// <summary>
/// Measures the detector on real boxes with known manipulations: each round restores the clean counts, lets one
/// injector manipulate a few hundred boxes with a seeded random, runs a full refresh and reads where the manipulated
/// boxes rank. Everything else in the file stays as it was, including its real oddities, so precision is measured
/// against real noise. Deterministic for a given seed.
/// </summary>
public static class EvaluationRunner
{
    public static EvaluationResult Run(ElectionGeography geography, Race race, BoxCounts clean, PriorElection? prior,
        IReadOnlyList<IInjector> injectors, EvaluationOptions options, AnomalyOptions? detectorOptions = null, IProgress<string>? progress = null)
    {
        var budgets = options.BudgetsOrDefault;
        var working = clean.Clone();
        var detector = new AnomalyDetector(geography, race, working, prior, detectorOptions);
        detector.Refresh();
        var scans = new List<TimeSpan> { detector.LastRefresh };
        var incremental = IncrementalTiming.Measure(detector, clean, 2_000, options.Seed);
        var target = new InjectionTarget(geography, working, detector.Components.Majors);
        var ranked = Enumerable.Range(0, clean.BoxCount).Count(clean.IsReported);
        var perRound = Math.Max(1, (int)Math.Round(options.InjectedShare * ranked));
        var tallies = new Dictionary<(string, string, string), Tally>();
        var precision = new List<PrecisionRow>();
        // Boxes within each budget, and the oracle's threshold for it.
        var sizes = budgets.Select(b => (int)Math.Ceiling(b * ranked)).ToArray();
        var thresholds = budgets.Select(b => Forensics.StandardNormal.Quantile(1 - b)).ToArray();
        for (var i = 0; i < injectors.Count; i++)
        {
            var injector = injectors[i];
            var flagged = new int[budgets.Count];
            var manipulated = new int[budgets.Count];
            for (var round = 0; round < options.Rounds; round++)
            {
                working.CopyFrom(clean);
                target.Reset();
                var random = new Random(options.Seed * 1_000 + i * 100 + round);
                var injections = injector.Inject(target, random, perRound);
                detector.Refresh();
                scans.Add(detector.LastRefresh);
                var rank = Ranks(detector.Scores());
                for (var b = 0; b < budgets.Count; b++) flagged[b] += sizes[b];
                foreach (var x in injections)
                {
                    var key = (injector.Name, x.Kind.Id, x.SizeClass);
                    if (!tallies.TryGetValue(key, out var row)) tallies[key] = row = new Tally(new int[budgets.Count], new double[budgets.Count]);
                    row.Injected++;
                    for (var b = 0; b < budgets.Count; b++)
                    {
                        if (rank[x.Box] < sizes[b])
                        {
                            row.Found[b]++;
                            manipulated[b]++;
                        }
                        row.Oracle[b] += x.OracleRecallBeyond(thresholds[b]);
                    }
                }
                progress?.Report($"{injector.Name} round {round + 1}/{options.Rounds}: {injections.Count} boxes, refresh {detector.LastRefresh.TotalMilliseconds:F0} ms");
            }
            for (var b = 0; b < budgets.Count; b++)
                precision.Add(new PrecisionRow(injector.Name, budgets[b], flagged[b], manipulated[b],
                    Math.Min(1, perRound / (double)sizes[b])));
        }
        var order = injectors.SelectMany(inj => inj.Kinds.Select(k => (inj.Name, k.Id))).ToList();
        var recall = tallies
            .OrderBy(t => order.IndexOf((t.Key.Item1, t.Key.Item2)))
            .ThenBy(t => SizeOrder(t.Key.Item3))
            .Select(t => new RecallRow(t.Key.Item1, t.Key.Item2, t.Key.Item3, t.Value.Injected, t.Value.Found, t.Value.Oracle))
            .ToList();
        return new EvaluationResult(options.Seed, options.Rounds, perRound, ranked, budgets, recall, precision, scans, incremental, prior is not null);
    }

    /// <summary>Position of every box in the ranking (0 = most suspicious); unreported boxes rank last.</summary>
    public static int[] Ranks(double[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.Select(s => double.IsNaN(s) ? double.PositiveInfinity : -s).ToArray();
        Array.Sort(keys, order);
        var rank = new int[scores.Length];
        for (var i = 0; i < order.Length; i++) rank[order[i]] = i;
        return rank;
    }

    private sealed class Tally(int[] found, double[] oracle)
    {
        public int Injected;
        public int[] Found { get; } = found;
        public double[] Oracle { get; } = oracle;
    }

    private static int SizeOrder(string sizeClass) => sizeClass switch
    {
        "2-5%" or "<20 votes" => 0,
        "5-10%" or "20-49 votes" => 1,
        "10-20%" or "50-99 votes" => 2,
        _ => 3,
    };
}
