using System.Security.Claims;
using Sandik.Server.Audit;
using Sandik.Server.Ingest;
using Sandik.Server.Live;
using Sandik.Storage.Identity;
using Sandik.Storage.Keys;

namespace Sandik.Server.Identity;

/// <summary>
/// Source API keys issued and revoked from the web, audited, with their issuer recorded so that disabling the issuer
/// revokes them. No key is ever issued for the override source: overrides go through the audited action only.
/// </summary>
public sealed class KeyAdministration(ApiKeyRegistry keys, ApiKeyStore store, KeyIssuerStore issuers, ElectionHost host, AuditLog audit, TimeProvider time)
{
    /// <summary>A key as administrators see it: never its secret or hash.</summary>
    public sealed record KeyInfo(string Id, string Source, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed record Issued(KeyInfo Key, string Presented);

    public async Task<IReadOnlyList<KeyInfo>> ListAsync(CancellationToken ct) =>
        [.. (await store.ListAsync(ct)).Select(Info)];

    /// <returns>The key and its text (shown once), or the reason it was refused.</returns>
    public async Task<(Issued? Key, string? Refusal)> IssueAsync(ClaimsPrincipal actor, string? source, string? label, CancellationToken ct)
    {
        if (source == OverrideSource.Id) return (null, "Overrides are made through the override action, never with a key.");
        if (source is null || host.Election.Sources.IndexOf(source) < 0)
            return (null, $"There is no source '{source}'; known: {string.Join(", ", host.Election.Sources.Sources.Select(s => s.Id).Where(s => s != OverrideSource.Id))}.");
        if (host.Election.Sources.Find(source) is { Retired: true })
            return (null, $"Source '{source}' is retired from the count: take it back into the count before issuing it a key.");
        if (label is { Length: > 200 }) return (null, "A label holds at most 200 characters.");
        var (key, presented) = await keys.IssueAsync(source, label, ct);
        try
        {
            await issuers.RecordAsync(key.Id, actor.IdOf()!, time.GetUtcNow(), ct);
            await audit.RecordAsync(actor, AuditActions.KeyIssue, key.Id, null, Info(key), null, ct);
        }
        catch
        {
            // A key whose issuer or issuance is not on record must not work.
            await keys.RevokeAsync(key.Id, CancellationToken.None);
            throw;
        }
        return (new Issued(Info(key), presented), null);
    }

    public async Task<bool> RevokeAsync(ClaimsPrincipal actor, string id, string? reason, CancellationToken ct)
    {
        var before = (await store.ListAsync(ct)).FirstOrDefault(k => k.Id == id);
        if (before is null || !await keys.RevokeAsync(id, ct)) return false;
        await audit.RecordAsync(actor, AuditActions.KeyRevoke, id, Info(before), Info(before with { RevokedAt = time.GetUtcNow() }), reason, ct);
        return true;
    }

    private static KeyInfo Info(ApiKey key) => new(key.Id, key.SourceId, key.Label, key.CreatedAt, key.RevokedAt);
}
