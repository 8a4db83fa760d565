using System.Security.Claims;
using Sandik.Domain.Submissions;
using Sandik.Server.Live;
using Sandik.Storage;

namespace Sandik.Server.Audit;

/// <summary>
/// Changes the sources' trust ranks in the stored catalogue, audited. The live state keeps the ranks it was built
/// with until the servers restart and rebuild it from the log (which takes seconds and changes nothing else);
/// the answer says so. The override source stays above every other.
/// </summary>
public sealed class SourceRanks(IElectionStore store, ElectionHost host, AuditLog audit)
{
    public sealed record Change(IReadOnlyDictionary<string, int>? Ranks, string? Reason);

    public sealed record Outcome(IReadOnlyDictionary<string, int>? Ranks, IReadOnlyList<FieldError> Errors);

    public async Task<Outcome> ChangeAsync(ClaimsPrincipal actor, Change change, CancellationToken ct)
    {
        var reason = change.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > BoxOverride.MaxReason)
            return Refused("reason", "required", $"Say why the ranks change (1 to {BoxOverride.MaxReason} characters).");
        if (change.Ranks is not { Count: > 0 } ranks) return Refused("ranks", "required", "Give the new rank of at least one source.");
        // Read, change and write one change at a time: two administrators changing different sources at once would
        // otherwise each write their own change over the catalogue read before the other's, and one would be lost.
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
        var stored = await store.LoadElectionAsync(host.Election.Election.Id, ct) ?? host.Election;
        var catalog = stored.Sources;
        var errors = new List<FieldError>();
        foreach (var (id, rank) in ranks)
        {
            if (catalog.IndexOf(id) < 0) errors.Add(new FieldError($"ranks.{id}", "unknown", $"There is no source '{id}'."));
            else if (id == OverrideSource.Id) errors.Add(new FieldError($"ranks.{id}", "fixed", "The override source always ranks first."));
            else if (rank < 1) errors.Add(new FieldError($"ranks.{id}", "range", "Ranks start at 1 (the override source holds 0)."));
        }
        if (errors.Count > 0) return new Outcome(null, errors);

        var updated = catalog.WithRanks(ranks);
        if (!await store.SaveSourcesAsync(stored.Election.Id, updated, ct))
            throw new InvalidOperationException($"The store no longer holds election '{stored.Election.Id}'.");
        var before = catalog.Sources.ToDictionary(s => s.Id, s => s.TrustRank);
        var after = updated.Sources.ToDictionary(s => s.Id, s => s.TrustRank);
        await audit.RecordAsync(actor, AuditActions.SourceRanks, stored.Election.Id, before, after, reason, ct);
        return new Outcome(after, []);
    }

    private static Outcome Refused(string field, string code, string message) => new(null, [new FieldError(field, code, message)]);
}
