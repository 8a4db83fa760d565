using Sandik.Domain.Geography;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Simulation;

/// <summary>
/// Turns a finished election's true per-box counts into a realistic election night: polls close at time zero; a
/// box's count takes longer the more voters it has, and village boxes (neighbourhoods of one or two boxes) report
/// later; each source covers part of the boxes with its own delay; some sources make transcription errors; senders
/// retry and resend. Deterministic for a seed.
/// </summary>
public static class NightModel
{
    /// <param name="truth">The true tally of each box, by box index (null for a box that never reports).</param>
    /// <returns>Every submission of the night, in order of time.</returns>
    public static IReadOnlyList<PlannedSubmission> Plan(ElectionGeography geography, IReadOnlyList<Tally?> truth, SourceCatalog sources, NightOptions options)
    {
        var random = new Random(options.Seed);
        var profiles = sources.Sources.Select(s => options.Profiles?.FirstOrDefault(p => p.SourceId == s.Id)
            ?? SourceProfile.TurkishDefaults.FirstOrDefault(p => p.SourceId == s.Id) ?? SourceProfile.Generic(s.Id)).ToArray();
        var gapWorkers = Math.Min(2, sources.Count);
        var villages = VillageBoxes(geography);
        var plan = new List<PlannedSubmission>(truth.Count * 5);
        var covered = new bool[sources.Count];
        for (var box = 0; box < truth.Count; box++)
        {
            if (truth[box] is not { } tally) continue;
            var counted = CountingTime(tally, villages[box], random);
            for (var s = 0; s < profiles.Length; s++)
            {
                var profile = profiles[s];
                var coverage = profile.FillsGaps && covered.AsSpan(0, gapWorkers).Contains(true) ? profile.Coverage * 0.1 : profile.Coverage;
                covered[s] = random.NextDouble() < coverage;
                if (!covered[s]) continue;
                var at = counted + Between(profile.MinDelay, profile.MaxDelay, random);
                AddSends(plan, at, s, box, tally, profile, options, random);
            }
        }
        plan.Sort((a, b) => a.At.CompareTo(b.At));
        return plan;
    }

    /// <summary>Boxes in neighbourhoods with at most two boxes: villages, counted and reported later.</summary>
    private static bool[] VillageBoxes(ElectionGeography geography)
    {
        var village = new bool[geography.Boxes.Count];
        foreach (var box in geography.Boxes) village[box.Index] = geography.BoxCountOf(box.Area) <= 2;
        return village;
    }

    private static TimeSpan CountingTime(Tally tally, bool village, Random random)
    {
        var minutes = 20 + 35 * ((tally.Voted ?? tally.Valid) / 350.0) - 15 * Math.Log(1 - random.NextDouble());
        if (village) minutes += 20 + 70 * random.NextDouble();
        return TimeSpan.FromMinutes(minutes);
    }

    private static void AddSends(List<PlannedSubmission> plan, TimeSpan at, int source, int box, Tally truth, SourceProfile profile, NightOptions options, Random random)
    {
        var (tally, flavour) = random.NextDouble() < profile.ErrorRate
            ? Transcription.Corrupt(truth, random, options.InconsistentShare)
            : (truth, SubmissionFlavour.Original);
        plan.Add(new PlannedSubmission(at, source, box, tally, 0, flavour));
        if (random.NextDouble() < options.RetryRate)
            plan.Add(new PlannedSubmission(at + TimeSpan.FromSeconds(5 + 25 * random.NextDouble()), source, box, tally, 0, SubmissionFlavour.Retry));
        if (random.NextDouble() < options.ResendRate)
            plan.Add(new PlannedSubmission(at + TimeSpan.FromMinutes(10 + 50 * random.NextDouble()), source, box, tally, 1,
                flavour == SubmissionFlavour.Original ? SubmissionFlavour.Resend : flavour));
    }

    private static TimeSpan Between(TimeSpan min, TimeSpan max, Random random) => min + (max - min) * random.NextDouble();
}
