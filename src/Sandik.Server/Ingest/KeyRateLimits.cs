using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Sandik.Server.Hosting;

namespace Sandik.Server.Ingest;

/// <summary>
/// The rate limit of each API key: a token bucket of <see cref="SandikServerOptions.SubmissionsPerSecondPerKey"/>
/// requests a second, refilled every 100 ms, that lets bursts of up to twice that through. Checked by the ingest
/// endpoints themselves once the key is known, so that a key's limit is never spent by someone who does not hold it.
/// Thread-safe.
/// </summary>
public sealed class KeyRateLimits(IOptions<SandikServerOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one request from the key's bucket; false when it is empty.</summary>
    public bool TryAcquire(string keyId)
    {
        using var lease = _buckets.GetOrAdd(keyId, static (_, rate) => Bucket(rate), options.Value.SubmissionsPerSecondPerKey).AttemptAcquire();
        return lease.IsAcquired;
    }

    private static TokenBucketRateLimiter Bucket(int perSecond)
    {
        var rate = Math.Max(1, perSecond);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate * 2,
            TokensPerPeriod = Math.Max(1, rate / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values) bucket.Dispose();
    }
}
