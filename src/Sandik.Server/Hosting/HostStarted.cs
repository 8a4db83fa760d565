using Microsoft.Extensions.Hosting;

namespace Sandik.Server.Hosting;

/// <summary>Waiting for the server to have started.</summary>
public static class HostStarted
{
    /// <summary>
    /// Completes once the host has started (Kestrel listening, the election loaded), or is cancelled with
    /// <paramref name="stopping"/>. Background work that would otherwise compete with the start for the cores waits
    /// for it: on a restart the server answers as soon as its tallies are rebuilt, and derived views follow.
    /// </summary>
    public static async Task WhenStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stopping)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested) return;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stopping);
    }
}
