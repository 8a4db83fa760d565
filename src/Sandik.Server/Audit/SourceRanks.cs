using System.Security.Claims;
using Sandik.Domain.Submissions;
using Sandik.Domain.Sources;
using Sandik.Server.Cluster;
using Sandik.Server.Ingest;
using Sandik.Server.Live;
using Sandik.Storage;

namespace Sandik.Server.Audit;

/// <summary>
/// Changes the sources' trust ranks in the stored catalogue, audited, and at once in the live state: every box is
/// counted again from its best-ranked source (no entry is read again). The other nodes of a cluster are told through
/// Redis and check the stored catalogue at every follow interval besides. The override source stays above every other.
/// </summary>
public sealed class SourceRanks(IElectionStore store, ElectionHost host, IngestQueue queue, ClusterBus cluster, AuditLog audit)
{
    /// <summary>Writes tried before two changes racing through two servers give up (each retry reads the other's change first).</summary>
    private const int Attempts = 5;

    public sealed record Change(IReadOnlyDictionary<string, int>? Ranks, string? Reason);

    /// <param name="Ranks">Every source's rank after the change.</param>
    /// <param name="BoxesChanged">Boxes of this server whose counted tally or status the change moved.</param>
    /// <param name="AppliesAfterRestart">The ranks are stored but this server serves other sources, so they apply at its next start.</param>
    public sealed record Outcome(IReadOnlyDictionary<string, int>? Ranks, int BoxesChanged, bool AppliesAfterRestart, IReadOnlyList<FieldError> Errors);

    public async Task<Outcome> ChangeAsync(ClaimsPrincipal actor, Change change, CancellationToken ct)
    {
        var reason = change.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > BoxOverride.MaxReason)
            return Refused("reason", "required", $"Say why the ranks change (1 to {BoxOverride.MaxReason} characters).");
        if (change.Ranks is not { Count: > 0 } ranks) return Refused("ranks", "required", "Give the new rank of at least one source.");
        // Read, change and write one change at a time: two administrators changing different sources at once would
        // otherwise each write their own change over the catalogue read before the other's, and one would be lost.
        // Across servers the write is conditional on the revision read, and retried on the newer catalogue.
        await Changing.WaitAsync(ct);
        try
        {
            return await ChangeStoredAsync(actor, ranks, reason, ct);
        }
        finally
        {
            Changing.Release();
        }
    }

    private static readonly SemaphoreSlim Changing = new(1, 1);

    private async Task<Outcome> ChangeStoredAsync(ClaimsPrincipal actor, IReadOnlyDictionary<string, int> ranks, string reason, CancellationToken ct)
    {
        var electionId = host.Election.Election.Id;
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.LoadSourcesAsync(electionId, ct)
                ?? throw new InvalidOperationException($"The store no longer holds election '{electionId}'.");
            var catalog = stored.Catalog;
            if (Check(catalog, ranks) is { Count: > 0 } errors) return new Outcome(null, 0, false, errors);
            var updated = catalog.WithRanks(ranks);
            if (!await store.SaveSourcesAsync(electionId, updated, stored.Revision, ct))
            {
                if (attempt < Attempts) continue;
                throw new InvalidOperationException($"The sources of election '{electionId}' kept changing under {Attempts} attempts to change them.");
            }
            var before = catalog.Sources.ToDictionary(s => s.Id, s => s.TrustRank);
            var after = updated.Sources.ToDictionary(s => s.Id, s => s.TrustRank);
            int changed;
            try
            {
                await audit.RecordAsync(actor, AuditActions.SourceRanks, electionId, before, after, reason, ct);
            }
            finally
            {
                // Stored is stored: the live state and the other nodes follow even if the trail could not be written.
                changed = await queue.RerankAsync(new StoredSources(updated, stored.Revision + 1), ct) ?? 0;
                cluster.AnnounceSources(electionId);
            }
            // The served catalogue holds other sources than the stored one (only a restart takes those in).
            return new Outcome(after, changed, !host.Serves(updated), []);
        }
    }

    private static List<FieldError> Check(SourceCatalog catalog, IReadOnlyDictionary<string, int> ranks)
    {
        var errors = new List<FieldError>();
        foreach (var (id, rank) in ranks)
        {
            if (catalog.IndexOf(id) < 0) errors.Add(new FieldError($"ranks.{id}", "unknown", $"There is no source '{id}'."));
            else if (id == OverrideSource.Id) errors.Add(new FieldError($"ranks.{id}", "fixed", "The override source always ranks first."));
            else if (rank < 1) errors.Add(new FieldError($"ranks.{id}", "range", "Ranks start at 1 (the override source holds 0)."));
        }
        return errors;
    }

    private static Outcome Refused(string field, string code, string message) => new(null, 0, false, [new FieldError(field, code, message)]);
}
