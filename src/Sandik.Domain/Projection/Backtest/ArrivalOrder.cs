using Sandik.Domain.Geography;
using Sandik.Domain.Simulation;
using Sandik.Domain.Sources;
using Sandik.Domain.Submissions;

namespace Sandik.Domain.Projection.Backtest;

/// <summary>The order in which boxes reach the count on a simulated election night (<see cref="NightModel"/>).</summary>
public static class ArrivalOrder
{
    /// <summary>
    /// Box indexes in order of their first correct submission (an original, a retry or a resend; a sheet with a
    /// transcription error does not count as arrival). Boxes the night never sends come last, in index order.
    /// </summary>
    public static IReadOnlyList<int> Of(ElectionGeography geography, IReadOnlyList<Tally?> truth, SourceCatalog sources, int seed)
    {
        var plan = NightModel.Plan(geography, truth, sources, new NightOptions(Seed: seed));
        var arrived = new bool[truth.Count];
        var order = new List<int>(truth.Count);
        foreach (var submission in plan)
        {
            if (submission.Flavour is not (SubmissionFlavour.Original or SubmissionFlavour.Retry or SubmissionFlavour.Resend)) continue;
            if (arrived[submission.BoxIndex]) continue;
            arrived[submission.BoxIndex] = true;
            order.Add(submission.BoxIndex);
        }
        for (var b = 0; b < truth.Count; b++)
        {
            if (!arrived[b] && truth[b] is not null) order.Add(b);
        }
        return order;
    }
}
