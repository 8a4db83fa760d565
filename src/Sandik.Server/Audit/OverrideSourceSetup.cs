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
        var id = election.Election.Id;
        // The catalogue alone (the registry, up to 200,000 boxes, is not written again), and only over the revision
        // read: a rank change another node stores at this instant is kept, and the source is added to it.
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.LoadSourcesAsync(id, ct) ?? throw new InvalidOperationException($"The store no longer holds election '{id}'.");
            if (OverrideSource.IsIn(stored.Catalog)) break; // another node added it first
            if (await store.SaveSourcesAsync(id, OverrideSource.AddTo(stored.Catalog), stored.Revision, ct))
            {
                logger.LogInformation("Added the '{Source}' source to election {Election}", OverrideSource.Id, id);
                break;
            }
            if (attempt == Attempts)
                throw new InvalidOperationException($"The sources of election '{id}' kept changing under {Attempts} attempts to add the '{OverrideSource.Id}' source.");
        }
        await host.LoadAsync(ct);
    }

    private const int Attempts = 5;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
