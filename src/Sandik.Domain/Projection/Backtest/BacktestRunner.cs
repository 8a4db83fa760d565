using Sandik.Domain.Projection.Golden;
using Sandik.Domain.Submissions;
using Sandik.Domain.Tallies;

namespace Sandik.Domain.Projection.Backtest;

/// <summary>
/// Replays a finished election night several times in realistic arrival orders and compares, at each checkpoint, the
/// live projection, the raw running count and the golden-box quick count with the final result. Pure: arrival order
/// and samples come from the seeds, elapsed time from the given <see cref="TimeProvider"/>.
/// </summary>
public static class BacktestRunner
{
    public static BacktestReport Run(BacktestInput input, BacktestOptions options, IProgress<BacktestProgress>? progress = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var projector = new LiveProjector(input.Election, input.Race, input.Geography, input.Prior, options.Projection);
        var final = FinalResult.Of(input);
        var checkpoints = options.Checkpoints.Where(c => c is > 0 and <= 1).Order().ToList();
        var rows = new List<BacktestCheckpoint>();
        var fullGolden = new List<GoldenEstimate>();
        var timings = new List<double>();
        IReadOnlyList<string> notes = [];
        for (var s = 0; s < options.Seeds; s++)
        {
            var seed = options.FirstSeed + s;
            progress?.Report(new BacktestProgress(seed, s, options.Seeds, 0, "simulating the night"));
            var order = ArrivalOrder.Of(input.Geography, input.Truth, input.Sources, seed);
            var live = new LiveRace(input.Election, input.Race, input.Geography, input.Sources);
            var view = SourceView.All(input.Sources);
            var golden = options.GoldenSize > 0 ? GoldenSampler.Design(projector, options.GoldenSize, seed) : null;
            var next = 0;
            foreach (var checkpoint in checkpoints)
            {
                var target = (int)Math.Ceiling(checkpoint * order.Count);
                for (; next < target; next++) live.Apply(Entry(input, order[next], next + 1));
                var started = time.GetTimestamp();
                var snapshot = projector.Project(live, view);
                timings.Add(time.GetElapsedTime(started).TotalMilliseconds);
                notes = snapshot.Notes;
                var goldenNow = golden is null ? null : GoldenQuickCount.Estimate(golden, live, view);
                rows.Add(Compare(seed, checkpoint, (double)next / input.Geography.Boxes.Count, snapshot, live, view, final, goldenNow));
                progress?.Report(new BacktestProgress(seed, s, options.Seeds, checkpoint, "projected"));
            }
            if (golden is not null)
                fullGolden.Add(GoldenQuickCount.Estimate(golden, code => input.Geography.TryGetBox(code, out var box) ? input.Truth[box.Index] : null, input.Race.IndexOf));
            progress?.Report(new BacktestProgress(seed, s + 1, options.Seeds, 1, "seed done"));
        }
        return new BacktestReport(input.Election.Id, input.Prior?.ElectionId, [.. input.Race.Choices.Select(c => c.Id)], final.Shares, final.Turnout,
            final.Seats, options.GoldenSize, options.Projection.Coverage, rows, fullGolden, timings, projector.Prior, notes);
    }

    private static LoggedSubmission Entry(BacktestInput input, int box, long sequence) =>
        new(sequence, DateTimeOffset.UnixEpoch.AddSeconds(sequence), input.Sources.Sources[0].Id, null, input.Race.Id,
            input.Geography.Boxes[box].Code, null, null, input.Truth[box], [], null);

    private static BacktestCheckpoint Compare(int seed, double target, double fraction, ProjectionSnapshot snapshot, LiveRace live, SourceView view, FinalResult final, GoldenEstimate? golden)
    {
        var raw = live.Totals(0, view);
        var rawSeats = live.Race.Seats is not null && snapshot.Seats is not null ? LiveSeats.Allocate(live, view) : null;
        var choices = new List<BacktestChoice>(live.Race.Choices.Count);
        for (var k = 0; k < live.Race.Choices.Count; k++)
        {
            var projected = snapshot.Nation.Choices[k];
            choices.Add(new BacktestChoice(projected.ChoiceId, projected.Share, raw.Share(k), final.Shares[k], projected.Seats,
                rawSeats?.Seats[k], final.Seats.Length > k ? final.Seats[k] : null));
        }
        return new BacktestCheckpoint(seed, target, fraction, snapshot.Nation.Turnout, choices, golden);
    }
}
