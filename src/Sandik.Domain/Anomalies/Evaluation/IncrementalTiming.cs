using System.Diagnostics;

namespace Sandik.Domain.Anomalies.Evaluation;

/// <summary>Measures how long the detector takes to rescore one box when a submission arrives.</summary>
public static class IncrementalTiming
{
    /// <summary>
    /// The mean time of <see cref="AnomalyDetector.Submit"/> over random reported boxes, each resubmitted with its own
    /// tally (so the detector's state is unchanged), after a short warm-up. Includes writing the box's reasons.
    /// </summary>
    public static TimeSpan Measure(AnomalyDetector detector, BoxCounts counts, int samples, int seed)
    {
        var random = new Random(seed);
        var boxes = Enumerable.Range(0, samples).Select(_ => random.Next(counts.BoxCount)).Where(counts.IsReported).ToArray();
        var tallies = boxes.Select(counts.ToTally).ToArray();
        for (var i = 0; i < Math.Min(100, boxes.Length); i++) detector.Submit(boxes[i], tallies[i]);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < boxes.Length; i++) detector.Submit(boxes[i], tallies[i]);
        return boxes.Length == 0 ? TimeSpan.Zero : clock.Elapsed / boxes.Length;
    }
}
