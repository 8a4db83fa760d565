using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sandik.Domain.Reconciliation;
using Sandik.Domain.Tallies;
using Sandik.Server.Cluster;
using Sandik.Server.Identity;
using Sandik.Server.Ingest;
using Sandik.Server.Live;

namespace Sandik.Server.Results;

/// <summary>
/// Read API over the live state: results at any level and source view, a box's explanation, conflicts, metrics.
/// Who may read what, and where, is in <see cref="AccessRules"/>; reporters are masked by <see cref="ReporterMask"/>.
/// </summary>
public static class ResultsEndpoints
{
    public static IEndpointRouteBuilder MapResults(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Results");
        group.MapGet("/election", Election).WithSummary("The election served: races, choices, sources, levels.");
        group.MapGet("/results", Results).WithSummary("Counted results of an area and its children in a source view.");
        group.MapGet("/boxes/explain", Explain).WithSummary("Every source's tally for one box and why the counted one was chosen.");
        group.MapGet("/conflicts", Conflicts).WithSummary("Boxes whose sources disagree, largest disagreement first.");
        group.MapGet("/metrics/ingest", (IngestMetrics metrics, ElectionHost host, LogFollower follower) => TypedResults.Ok(new
        {
            ingest = metrics.Snapshot(),
            rebuild = new { entries = host.RebuiltEntries, ms = host.RebuildTime.TotalMilliseconds },
            cluster = follower.Status(),
        })).WithSummary("Ingest counters, the receipt-to-visible delay, and how far this node follows the other nodes of its cluster.");
        return app;
    }

    private static Ok<ElectionInfo> Election(ElectionHost host) => TypedResults.Ok(ElectionInfo.From(host));

    private static Results<Ok<AreaResults>, ProblemHttpResult> Results(ElectionHost host, string? area, string? sources, string? race)
    {
        var (live, view, problem) = Resolved(host, race, sources);
        if (problem is not null) return problem;
        var areaIndex = 0;
        if (area is not null)
        {
            if (!live!.Geography.TryGetArea(area, out var found))
                return Problems.Problems.UnknownArea(area);
            areaIndex = found.Index;
        }
        return TypedResults.Ok(AreaResults.Build(live!, view, areaIndex));
    }

    private static Results<Ok<BoxExplanation>, ProblemHttpResult> Explain(ElectionHost host, string code, string? sources, string? race, ClaimsPrincipal user)
    {
        var (live, view, problem) = Resolved(host, race, sources);
        if (problem is not null) return problem;
        if (!live!.Geography.TryGetBox(code, out var box))
            return Problems.Problems.Of(StatusCodes.Status404NotFound, "Unknown box", $"There is no box '{code}'.");
        return TypedResults.Ok(Masked(BoxExplanation.From(live, box.Index, live.Explain(box.Index, view)), user));
    }

    private static Results<Ok<IReadOnlyList<BoxExplanation>>, ProblemHttpResult> Conflicts(ElectionHost host, string? sources, string? race, int? limit,
        ClaimsPrincipal user)
    {
        var (live, view, problem) = Resolved(host, race, sources);
        if (problem is not null) return problem;
        var scope = user.ScopeOf();
        var boxes = live!.BoxesWithStatus(BoxStatus.Conflict, view).Where(b => scope.CoversBox(live.Geography, b));
        IReadOnlyList<BoxExplanation> list = [.. boxes.Select(b => Masked(BoxExplanation.From(live, b, live.Explain(b, view)), user))
            .OrderByDescending(e => e.Disagreement).Take(Math.Clamp(limit ?? 200, 1, 5_000))];
        return TypedResults.Ok(list);
    }

    private static BoxExplanation Masked(BoxExplanation box, ClaimsPrincipal user) =>
        box with { Entries = [.. box.Entries.Select(e => e with { Reporter = ReporterMask.For(user, e.Reporter) })] };

    /// <summary>The race and source view a request names, or the problem with them.</summary>
    public static (LiveRace? Live, SourceView View, ProblemHttpResult? Problem) Resolved(ElectionHost host, string? race, string? sources)
    {
        var live = host.Race(race);
        if (live is null)
            return (null, default, Problems.Problems.Of(StatusCodes.Status404NotFound, "Unknown race", $"The election has no race '{race}'."));
        if (string.IsNullOrWhiteSpace(sources)) return (live, SourceView.All(live.Sources), null);
        var view = SourceView.Of(live.Sources, sources.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), out var unknown);
        if (unknown.Count > 0 || view.Mask == 0)
            return (null, default, Problems.Problems.Of(StatusCodes.Status400BadRequest, "Unknown source",
                $"Unknown source(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", live.Sources.Sources.Select(s => s.Id))}."));
        return (live, view, null);
    }
}
