using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sandik.Server.Live;
using Sandik.Storage.Calls;

namespace Sandik.Server.Ui;

/// <summary>
/// Which operator is phoning which box, so that two operators working down the same list do not call the same box:
/// a claim holds a box for <see cref="Hold"/> (a call and its sheet take a few minutes) or until the box reports.
/// Claims are taken in the store (<see cref="CallClaimStore"/>), so operators on every node of a cluster are refused
/// the same boxes; the call lists read a copy of the claims in force that each node reads again every
/// <see cref="RefreshEvery"/> and updates at once with its own operators' claims. Thread-safe.
/// </summary>
public sealed class CallClaims(CallClaimStore store, ElectionHost host, TimeProvider time)
{
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(2);

    private volatile ConcurrentDictionary<string, Claim> _claims = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _changes;

    public sealed record Claim(string Operator, DateTimeOffset Until);

    /// <summary>The live claim on a box, if any, as this node last read it.</summary>
    public Claim? Of(string boxCode) =>
        _claims.TryGetValue(boxCode, out var claim) && claim.Until > time.GetUtcNow() ? claim : null;

    /// <summary>The claims in force, by box code, as this node last read them.</summary>
    public IEnumerable<KeyValuePair<string, Claim>> Live()
    {
        var now = time.GetUtcNow();
        return _claims.Where(c => c.Value.Until > now);
    }

    /// <summary>Claims a box for an operator (again, for the one holding it); the claim in force when another holds it.</summary>
    public async Task<(bool Taken, Claim Claim)> TryClaimAsync(string boxCode, string operatorName, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (taken, stored) = await store.TryClaimAsync(Election, boxCode, operatorName, now + Hold, now, ct);
        var claim = new Claim(stored.Operator, stored.Until);
        lock (_gate)
        {
            _changes++;
            _claims[boxCode] = claim;
        }
        return (taken, claim);
    }

    /// <summary>Lets a box go (the operator's own claim only).</summary>
    public async Task ReleaseAsync(string boxCode, string operatorName, CancellationToken ct)
    {
        await store.ReleaseAsync(Election, boxCode, operatorName, ct);
        lock (_gate)
        {
            _changes++;
            if (_claims.TryGetValue(boxCode, out var held) && held.Operator == operatorName) _claims.TryRemove(KeyValuePair.Create(boxCode, held));
        }
    }

    /// <summary>
    /// Reads the claims in force from the store, every node's. A claim this node made while the read was under way
    /// could be missing from it, so such a read is dropped and the next one taken.
    /// </summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        long changes;
        lock (_gate) changes = _changes;
        var live = await store.LiveAsync(Election, time.GetUtcNow(), ct);
        var read = new ConcurrentDictionary<string, Claim>(live.Select(c => KeyValuePair.Create(c.Box, new Claim(c.Operator, c.Until))), StringComparer.Ordinal);
        lock (_gate)
        {
            if (_changes == changes) _claims = read;
        }
    }

    private string Election => host.Election.Election.Id;

    /// <summary>Makes the claims table at start and reads every node's claims every <see cref="RefreshEvery"/>.</summary>
    public sealed class Follower(CallClaims claims, CallClaimStore store, ElectionHost host, ILogger<Follower> logger) : BackgroundService
    {
        public override async Task StartAsync(CancellationToken ct)
        {
            await store.InitializeAsync(ct);
            await base.StartAsync(ct);
        }

        protected override async Task ExecuteAsync(CancellationToken stop)
        {
            using var timer = new PeriodicTimer(RefreshEvery);
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (!host.IsLoaded) continue;
                try
                {
                    await claims.RefreshAsync(stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store away for a moment: the lists keep the last claims read, and claiming answers the store's error.
                    logger.LogWarning(e, "Reading the call centre's claims failed; retrying in {Seconds} s", RefreshEvery.TotalSeconds);
                }
            }
        }
    }
}
