using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sandik.Server.Live;
using Sandik.Server.Results;

namespace Sandik.Server.Projection;

/// <summary>The live projection and how it converged. Who may read them is in <see cref="Identity.AccessRules"/>.</summary>
public static class ProjectionEndpoints
{
    public const string Path = "/api/v1/projection";
    public const string HistoryPath = "/api/v1/projection/history";

    public static IEndpointRouteBuilder MapProjection(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Projection");
        group.MapGet(Path, ProjectAsync)
            .WithSummary("Where the count will end: projected shares, seats and turnout with 90% intervals, probabilities, notes, the prior used.");
        group.MapGet(HistoryPath, History)
            .WithSummary("How the national projection converged over the night (every source), beside the raw count, by boxes counted.");
        return app;
    }

    /// <param name="areas">Also every province and electoral district.</param>
    private static async Task<Results<Ok<ProjectionResponse>, ProblemHttpResult>> ProjectAsync(ElectionHost host, ProjectionService projections,
        string? race, string? sources, bool? areas, CancellationToken ct)
    {
        var (live, view, problem) = ResultsEndpoints.Resolved(host, race, sources);
        if (problem is not null) return problem;
        var snapshot = await projections.ProjectAsync(live!, view, ct);
        return TypedResults.Ok(ProjectionResponse.From(snapshot, live!, view, areas ?? false, projections.QuickCount(live!, view)));
    }

    private static Results<Ok<ConvergenceResponse>, ProblemHttpResult> History(ElectionHost host, ProjectionService projections, string? race)
    {
        var (live, _, problem) = ResultsEndpoints.Resolved(host, race, null);
        if (problem is not null) return problem;
        return TypedResults.Ok(new ConvergenceResponse(live!.Race.Id, host.Prior?.Election.Id, projections.History(live)));
    }
}

/// <summary>The convergence of a race's national projection, fewest boxes counted first.</summary>
/// <param name="Prior">The prior election the projection moved, or null.</param>
public sealed record ConvergenceResponse(string Race, string? Prior, IReadOnlyList<ConvergencePoint> Points);
