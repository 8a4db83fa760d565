using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sandik.Server.Live;
using Sandik.Storage;

namespace Sandik.Server.Audit;

/// <summary>
/// Adds the <see cref="OverrideSource"/> to the served election's catalogue when it lacks it (an election imported
/// before overrides existed) and loads the election again. Runs once at start-up, after the election is loaded and
/// before the ingest queue and the web server start, so no submission can slip between the two loads.
/// </summary>
public sealed class OverrideSourceSetup(IElectionStore store, ElectionHost host, ILogger<OverrideSourceSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var election = host.Election;
        if (OverrideSource.IsIn(election.Sources)) return;
        // The catalogue alone: the registry (up to 200,000 boxes) is not written again.
        if (!await store.SaveSourcesAsync(election.Election.Id, OverrideSource.AddTo(election.Sources), ct: ct))
            throw new InvalidOperationException($"The store no longer holds election '{election.Election.Id}'.");
        await host.LoadAsync(ct);
        logger.LogInformation("Added the '{Source}' source to election {Election}", OverrideSource.Id, election.Election.Id);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
