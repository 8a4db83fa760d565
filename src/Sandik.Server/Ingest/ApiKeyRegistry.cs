using System.Collections.Concurrent;
using Sandik.Storage.Keys;

namespace Sandik.Server.Ingest;

/// <summary>
/// Checks presented API keys against the stored hashes. Keys are cached by id; a revocation through this registry
/// takes effect at once on this node, and every node reloads the list every few seconds (at most once a second when
/// it is shown a key it does not know, and in between reads that one key). A key text that matched is remembered with the key it matched, so that its
/// hash is computed once per loaded key rather than once per request. Thread-safe.
/// </summary>
public sealed class ApiKeyRegistry(ApiKeyStore store, TimeProvider time)
{
    private static readonly TimeSpan ReloadEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan UnknownReloadEvery = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile ConcurrentDictionary<string, ApiKey> _byId = new();
    private readonly ConcurrentDictionary<string, ApiKey> _matched = new(StringComparer.Ordinal);
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    /// <summary>The source an active key belongs to, or null for a missing, malformed, unknown or revoked key.</summary>
    public async ValueTask<ApiKey?> AuthenticateAsync(string? presented, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 200) return null;
        var matched = _matched.GetValueOrDefault(presented);
        if ((matched?.Id ?? ApiKey.IdOf(presented)) is not { } id) return null;
        var age = time.GetUtcNow() - _loadedAt;
        // A key issued on another node (or by the command line) is found by reloading, at most once a second; within
        // that second, by reading that one key (a key issued just after the last reload must not be refused).
        var known = _byId.ContainsKey(id);
        if (age > ReloadEvery || (!known && age > UnknownReloadEvery)) await ReloadAsync(ct);
        else if (!known) await FindAsync(id, ct);
        if (!_byId.TryGetValue(id, out var key)) return null;
        // A reload or a revocation replaces the key object, so a remembered match holds only for the same object.
        if (ReferenceEquals(matched, key)) return key.Active ? key : null;
        if (!key.Active || !key.Matches(presented)) return null;
        // Only keys that match are remembered: at most one entry per issued key, whatever clients send.
        _matched[presented] = key;
        return key;
    }

    public async Task<(ApiKey Key, string Presented)> IssueAsync(string sourceId, string? label, CancellationToken ct)
    {
        var (key, presented) = ApiKey.Issue(sourceId, label, time.GetUtcNow());
        await store.SaveAsync(key, ct);
        _byId[key.Id] = key;
        return (key, presented);
    }

    public async Task<bool> RevokeAsync(string id, CancellationToken ct)
    {
        var revoked = await store.RevokeAsync(id, time.GetUtcNow(), ct);
        if (_byId.TryGetValue(id, out var key)) _byId[id] = key with { RevokedAt = time.GetUtcNow() };
        return revoked;
    }

    private async Task FindAsync(string id, CancellationToken ct)
    {
        try
        {
            if (await store.FindAsync(id, ct) is { } found) _byId.TryAdd(found.Id, found);
        }
        catch (System.Data.Common.DbException)
        {
            // The database is away: the key stays unknown until it is back.
        }
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        await _reload.WaitAsync(ct);
        try
        {
            try
            {
                var keys = await store.ListAsync(ct);
                _byId = new ConcurrentDictionary<string, ApiKey>(keys.ToDictionary(k => k.Id));
            }
            catch (System.Data.Common.DbException) when (!_byId.IsEmpty)
            {
                // The database is restarting or failing over: keep checking against the keys known a moment ago
                // rather than refuse every source; the next reload picks up changes.
            }
            _loadedAt = time.GetUtcNow();
        }
        finally
        {
            _reload.Release();
        }
    }
}
