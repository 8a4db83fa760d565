using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Sandik.Domain.Projection;
using Sandik.Domain.Projection.Golden;
using Sandik.Domain.Tallies;
using Sandik.Server.Live;

namespace Sandik.Server.Projection;

/// <summary>
/// Each race's projector and golden sample, built once on the projection worker the first time they are wanted: matching the
/// prior election (<see cref="ElectionHost.Prior"/>) to every box takes seconds. Thread-safe.
/// </summary>
internal sealed class RaceProjectors(ElectionHost host, ProjectionWorker worker, ILogger logger)
{
    /// <summary>Boxes in each race's golden sample, drawn with <see cref="GoldenSeed"/> so that every start draws the same.</summary>
    public const int GoldenSize = 1_500;

    public const int GoldenSeed = 2015;

    private readonly ConcurrentDictionary<string, Lazy<Task<RaceProjector>>> _built = new(StringComparer.Ordinal);

    public Task<RaceProjector> For(LiveRace live) =>
        _built.GetOrAdd(live.Race.Id, _ => new Lazy<Task<RaceProjector>>(() => worker.Run(() => Build(live)))).Value;

    private RaceProjector Build(LiveRace live)
    {
        var prior = host.Prior?.Projection;
        var projector = LiveProjector.For(live, prior);
        var golden = GoldenSampler.Design(projector, GoldenSize, GoldenSeed);
        logger.LogInformation("Projector of race {Race} ready, prior {Prior}", live.Race.Id, prior?.ElectionId ?? "none");
        return new RaceProjector(projector, golden);
    }
}

/// <summary>A race's projector and the golden sample designed from its prior.</summary>
internal sealed record RaceProjector(LiveProjector Projector, GoldenSampleDesign GoldenSample);
