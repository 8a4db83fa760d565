using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Sandik.Domain.Reconciliation;

namespace Sandik.Server.Live;

/// <summary>
/// Tells live viewers that tallies changed, at most every <see cref="Interval"/>: the writer only marks the state
/// dirty, and a timer pushes one update to the SignalR hub and to in-process subscribers (Blazor circuits), so a
/// burst of thousands of submissions costs viewers one message. Thread-safe.
/// </summary>
public sealed class LiveNotifier(IHubContext<LiveHub> hub, ElectionHost host, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly List<Func<LiveUpdate, Task>> _subscribers = [];
    private long _changedBoxes;
    private long _conflictsTouched;
    private int _dirty;

    /// <summary>Marks changes from one commit; cheap, called on the ingest path.</summary>
    /// <param name="force">Push an update even without box changes (new ranks change what the screens show of every box's sources).</param>
    public void Changed(IReadOnlyList<BoxChange> changes, bool force = false)
    {
        if (changes.Count == 0 && !force) return;
        Interlocked.Add(ref _changedBoxes, changes.Count);
        Interlocked.Add(ref _conflictsTouched, changes.Count(c => c.Status == BoxStatus.Conflict || c.PreviousStatus == BoxStatus.Conflict));
        Volatile.Write(ref _dirty, 1);
    }

    /// <summary>Calls back on every pushed update until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<LiveUpdate, Task> onUpdate)
    {
        lock (_gate) _subscribers.Add(onUpdate);
        return new Subscription(this, onUpdate);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (Interlocked.Exchange(ref _dirty, 0) == 0) continue;
            var race = host.DefaultRace;
            var update = new LiveUpdate(race.Version, race.LastSequence, Interlocked.Exchange(ref _changedBoxes, 0),
                Interlocked.Exchange(ref _conflictsTouched, 0), time.GetUtcNow());
            await hub.Clients.All.SendAsync(LiveHub.UpdateMessage, update, stoppingToken);
            Func<LiveUpdate, Task>[] subscribers;
            lock (_gate) subscribers = [.. _subscribers];
            foreach (var subscriber in subscribers)
            {
                try { await subscriber(update); }
                catch (Exception) when (!stoppingToken.IsCancellationRequested) { /* a closed circuit must not stop the others */ }
            }
        }
    }

    private sealed class Subscription(LiveNotifier owner, Func<LiveUpdate, Task> callback) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._subscribers.Remove(callback);
        }
    }
}

/// <summary>What a live viewer is told: the state's version and last log sequence, and what changed since the last push.</summary>
public sealed record LiveUpdate(long Version, long LastSequence, long ChangedBoxes, long ConflictChanges, DateTimeOffset At);
