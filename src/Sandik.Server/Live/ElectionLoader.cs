using Microsoft.Extensions.Hosting;

namespace Sandik.Server.Live;

/// <summary>Loads the election and rebuilds its live state before the server takes requests.</summary>
public sealed class ElectionLoader(ElectionHost host) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => host.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
