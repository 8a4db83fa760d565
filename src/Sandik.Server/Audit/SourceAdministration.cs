using System.Security.Claims;
using Sandik.Domain.Submissions;
using Sandik.Server.Cluster;
using Sandik.Server.Ingest;
using Sandik.Server.Live;
using Sandik.Storage;

namespace Sandik.Server.Audit;

/// <summary>
/// Changes the election's source catalogue on a running server, audited (<see cref="SourceEdits"/>): new trust ranks,
/// a source added (a partner joining on the night), a source retired from the count (a channel found unreliable) or
/// taken back into it. Each change is written to the stored catalogue and at once taken into the live state: every box
/// is counted again from its best-ranked counting source, without reading an entry again. The other nodes of a cluster
/// are told through Redis and check the stored catalogue at every follow interval besides.
/// </summary>
public sealed class SourceAdministration(IElectionStore store, ElectionHost host, IngestQueue queue, ClusterBus cluster, AuditLog audit)
{
    public sealed record Change(IReadOnlyDictionary<string, int>? Ranks, string? Reason);

    public sealed record NewSource(string? Id, SourceName? Name, int? TrustRank, string? Reason);

    public sealed record SourceName(string? Tr, string? En);

    /// <param name="Reason">Why the source leaves the count, or comes back into it.</param>
    public sealed record Retirement(string? Reason);

    /// <param name="Ranks">Every source's rank after the change; null when it was refused.</param>
    /// <param name="BoxesChanged">Boxes of this server whose counted tally or status the change moved.</param>
    /// <param name="AppliesAfterRestart">The change is stored but this server serves a source the stored catalogue lacks, so it applies at its next start.</param>
    public sealed record Outcome(IReadOnlyDictionary<string, int>? Ranks, int BoxesChanged, bool AppliesAfterRestart, IReadOnlyList<FieldError> Errors)
    {
        public bool Done => Ranks is not null;
    }

    public Task<Outcome> ChangeRanksAsync(ClaimsPrincipal actor, Change change, CancellationToken ct) =>
        ChangeAsync(actor, SourceEdits.Ranks(change.Ranks), change.Reason, ct);

    public Task<Outcome> AddAsync(ClaimsPrincipal actor, NewSource source, CancellationToken ct) =>
        ChangeAsync(actor, SourceEdits.Add(source.Id, source.Name?.Tr, source.Name?.En, source.TrustRank), source.Reason, ct);

    public Task<Outcome> RetireAsync(ClaimsPrincipal actor, string id, bool retired, Retirement why, CancellationToken ct) =>
        ChangeAsync(actor, SourceEdits.Retire(id, retired), why.Reason, ct);

    /// <summary>One change at a time on this server: stored, audited, then taken into the live state.</summary>
    /// <remarks>
    /// Two administrators changing the catalogue at once would otherwise each write their own change over the catalogue
    /// read before the other's, and one would be lost; across servers the write is conditional on the revision read.
    /// </remarks>
    private async Task<Outcome> ChangeAsync(ClaimsPrincipal actor, SourceEdit edit, string? reason, CancellationToken ct)
    {
        if (SourceEdits.CheckReason(ref reason) is { } missing) return new Outcome(null, 0, false, [missing, .. edit.Refused]);
        await Changing.WaitAsync(ct);
        try
        {
            var electionId = host.Election.Election.Id;
            var (before, after, errors) = await SourceEdits.SaveAsync(store, electionId, edit, ct);
            if (after is null) return new Outcome(null, 0, false, errors);
            int changed;
            try
            {
                await audit.RecordAsync(actor, edit.Action, electionId, edit.Describe(before!.Catalog), edit.Describe(after.Catalog), reason, ct);
            }
            finally
            {
                // Stored is stored: the live state and the other nodes follow even if the trail could not be written.
                changed = await queue.ChangeSourcesAsync(after, ct) ?? 0;
                cluster.AnnounceSources(electionId);
            }
            return new Outcome(after.Catalog.Sources.ToDictionary(s => s.Id, s => s.TrustRank), changed, !host.Serves(after.Catalog), []);
        }
        finally
        {
            Changing.Release();
        }
    }

    private static readonly SemaphoreSlim Changing = new(1, 1);
}
