using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sandik.Storage.Audit;

namespace Sandik.Server.Audit;

/// <summary>The audit trail for administrators (read only: there is no way to change it), and the actions on the source catalogue.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Administration");
        group.MapGet("/audit", Trail).WithSummary("Manual actions, newest first (page back with 'before').");
        group.MapGet("/sources", ListSources).WithSummary("The election's sources in trust order, retired ones included.");
        group.MapPut("/sources", ChangeRanks).WithSummary("Change sources' trust ranks (audited; every box is counted again at once, on every node).");
        group.MapPost("/sources", AddSource).WithSummary("Add a source on the running server (audited): it can be issued keys and send at once.");
        group.MapPost("/sources/{id}/retire", (string id, SourceAdministration.Retirement why, ClaimsPrincipal user, SourceAdministration sources, CancellationToken ct) =>
                Retire(id, true, why, user, sources, ct))
            .WithSummary("Retire a source from the count (audited): nothing it sent is deleted, its boxes are counted from the next source, it may send no more.");
        group.MapPost("/sources/{id}/reinstate", (string id, SourceAdministration.Retirement why, ClaimsPrincipal user, SourceAdministration sources, CancellationToken ct) =>
                Retire(id, false, why, user, sources, ct))
            .WithSummary("Take a retired source back into the count (audited).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> Trail(AuditLog audit, int? limit, long? before, CancellationToken ct) =>
        TypedResults.Ok(await audit.ReadAsync(limit ?? 100, before, ct));

    private static Ok<IReadOnlyList<Results.ElectionInfo.SourceInfo>> ListSources(Live.ElectionHost host) =>
        TypedResults.Ok(Results.ElectionInfo.SourcesOf(host.Election.Sources));

    private static async Task<Results<Ok<RanksChanged>, ProblemHttpResult>> ChangeRanks(SourceAdministration.Change change, ClaimsPrincipal user,
        SourceAdministration ranks, CancellationToken ct) =>
        Answer(await ranks.ChangeRanksAsync(user, change, ct), "Ranks not changed");

    private static async Task<Results<Ok<RanksChanged>, ProblemHttpResult>> AddSource(SourceAdministration.NewSource source, ClaimsPrincipal user,
        SourceAdministration sources, CancellationToken ct) =>
        Answer(await sources.AddAsync(user, source, ct), "Source not added");

    private static async Task<Results<Ok<RanksChanged>, ProblemHttpResult>> Retire(string id, bool retired, SourceAdministration.Retirement why,
        ClaimsPrincipal user, SourceAdministration sources, CancellationToken ct)
    {
        var outcome = await sources.RetireAsync(user, id, retired, why, ct);
        if (outcome.Errors.Any(e => e.Code == "unknown"))
            return Problems.Problems.Of(StatusCodes.Status404NotFound, "Unknown source", $"There is no source '{id}'.", outcome.Errors);
        return Answer(outcome, retired ? "Source not retired" : "Source not taken back");
    }

    private static Results<Ok<RanksChanged>, ProblemHttpResult> Answer(SourceAdministration.Outcome outcome, string refused) =>
        outcome.Ranks is { } changed
            ? TypedResults.Ok(new RanksChanged(changed, outcome.BoxesChanged, outcome.AppliesAfterRestart))
            : Problems.Problems.Of(StatusCodes.Status422UnprocessableEntity, refused, "Nothing was changed.", outcome.Errors);

    /// <param name="BoxesChanged">Boxes whose counted tally or status moved on the server that took the change.</param>
    /// <param name="AppliesAfterRestart">
    /// True only when this server serves a source the stored catalogue lacks (the store was changed outside Sandik):
    /// the change is stored and applies at its next start.
    /// </param>
    public sealed record RanksChanged(IReadOnlyDictionary<string, int> Ranks, int BoxesChanged, bool AppliesAfterRestart);
}
