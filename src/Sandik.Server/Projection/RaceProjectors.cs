using System.Collections.Frozen;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Sandik.Domain.Projection;
using Sandik.Domain.Projection.Golden;
using Sandik.Domain.Tallies;
using Sandik.Server.Live;
using Sandik.Storage.Projection;

namespace Sandik.Server.Projection;

/// <summary>
/// Each race's projector and golden sample, built once on the projection worker the first time they are wanted: matching the
/// prior election (<see cref="ElectionHost.Prior"/>) to every box takes seconds. The golden sample of the election's
/// default race is the one stored with the election (<see cref="GoldenSampleStore"/>); when none is stored yet, the
/// sample drawn here is stored, so that every start and every node use the same boxes. Thread-safe.
/// </summary>
internal sealed class RaceProjectors(ElectionHost host, ProjectionWorker worker, GoldenSampleStore samples, ILogger logger)
{
    /// <summary>Boxes in each race's golden sample, drawn with <see cref="GoldenSeed"/> so that every start draws the same.</summary>
    public const int GoldenSize = 1_500;

    public const int GoldenSeed = 2015;

    private readonly ConcurrentDictionary<string, Lazy<Task<RaceProjector>>> _built = new(StringComparer.Ordinal);

    public Task<RaceProjector> For(LiveRace live) =>
        _built.GetOrAdd(live.Race.Id, _ => new Lazy<Task<RaceProjector>>(() => BuildAsync(live))).Value;

    private async Task<RaceProjector> BuildAsync(LiveRace live)
    {
        var prior = host.Prior?.Projection;
        var projector = await worker.Run(() => LiveProjector.For(live, prior));
        var golden = await GoldenSampleAsync(live, projector);
        logger.LogInformation("Projector of race {Race} ready, prior {Prior}, golden sample of {Boxes} boxes (seed {Seed})",
            live.Race.Id, prior?.ElectionId ?? "none", golden.Boxes.Count, golden.Seed);
        return new RaceProjector(projector, golden);
    }

    private async Task<GoldenSampleDesign> GoldenSampleAsync(LiveRace live, LiveProjector projector)
    {
        var drawn = () => worker.Run(() => GoldenSampler.Design(projector, GoldenSize, GoldenSeed));
        if (live.Race.Id != live.Election.DefaultRace.Id) return await drawn();
        await samples.InitializeAsync();
        if (await samples.LoadAsync(live.Election.Id) is { } stored && stored.Design.RaceId == live.Race.Id) return stored.Design;
        var design = await drawn();
        try
        {
            await samples.SaveAsync(design, replace: false, DateTimeOffset.UtcNow);
            return design;
        }
        catch (InvalidOperationException)
        {
            // Another node stored one first: use that one.
            return (await samples.LoadAsync(live.Election.Id))?.Design ?? design;
        }
    }
}

/// <summary>A race's projector and the golden sample designed from its prior.</summary>
internal sealed record RaceProjector(LiveProjector Projector, GoldenSampleDesign GoldenSample)
{
    /// <summary>The codes of the golden boxes, for the call list.</summary>
    public FrozenSet<string> GoldenCodes { get; } = GoldenSample.Boxes.Select(b => b.Code).ToFrozenSet(StringComparer.Ordinal);
}
