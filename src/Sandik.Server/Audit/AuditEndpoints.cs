using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sandik.Storage.Audit;

namespace Sandik.Server.Audit;

/// <summary>The audit trail for administrators (read only: there is no way to change it), and the source-rank action.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Administration");
        group.MapGet("/audit", Trail).WithSummary("Manual actions, newest first (page back with 'before').");
        group.MapPut("/sources", ChangeRanks).WithSummary("Change sources' trust ranks (audited; every box is counted again at once, on every node).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> Trail(AuditLog audit, int? limit, long? before, CancellationToken ct) =>
        TypedResults.Ok(await audit.ReadAsync(limit ?? 100, before, ct));

    private static async Task<Results<Ok<RanksChanged>, ProblemHttpResult>> ChangeRanks(SourceRanks.Change change, ClaimsPrincipal user,
        SourceRanks ranks, CancellationToken ct)
    {
        var outcome = await ranks.ChangeAsync(user, change, ct);
        return outcome.Ranks is { } changed
            ? TypedResults.Ok(new RanksChanged(changed, outcome.BoxesChanged, outcome.AppliesAfterRestart))
            : Problems.Problems.Of(StatusCodes.Status422UnprocessableEntity, "Ranks not changed", "Nothing was changed.", outcome.Errors);
    }

    /// <param name="BoxesChanged">Boxes whose counted tally or status moved on the server that took the change.</param>
    /// <param name="AppliesAfterRestart">
    /// True only when this server serves other sources than the stored catalogue holds (a source was added since it
    /// started): the ranks are stored and apply at its next start.
    /// </param>
    public sealed record RanksChanged(IReadOnlyDictionary<string, int> Ranks, int BoxesChanged, bool AppliesAfterRestart);
}
