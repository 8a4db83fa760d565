using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sandik.Server.Live;
using Sandik.Server.Results;

namespace Sandik.Server.Analysis;

/// <summary>
/// Analysis between elections and on the night: the seats and how close each last seat was, for the election served
/// or the prior one, and the swing since the prior election, area by area.
/// </summary>
public static class AnalysisEndpoints
{
    public const string SeatsPath = "/api/v1/analysis/seats";
    public const string SwingPath = "/api/v1/analysis/swing";

    public static IEndpointRouteBuilder MapAnalysis(this IEndpointRouteBuilder app)
    {
        app.MapGet(SeatsPath, Seats).WithTags("Analysis")
            .WithSummary("Seats, each party's distance from the threshold, and the last seat of every electoral district with the party next in line, closest first.");
        app.MapGet(SwingPath, Swing).WithTags("Analysis")
            .WithSummary("An area and its children counted now beside the prior election: shares, swing and turnout.");
        return app;
    }

    /// <param name="election">"current" (the default) or "prior", or either election's id.</param>
    /// <param name="sources">The source view of the election served (the prior is counted from all its sources).</param>
    private static Results<Ok<SeatAnalysis>, ProblemHttpResult> Seats(ElectionHost host, string? election, string? sources)
    {
        var (live, view, problem) = ResultsEndpoints.Resolved(host, null, sources);
        if (problem is not null) return problem;
        var prior = host.Prior;
        var which = election?.Trim() ?? "current";
        if (which == "current" || which == live!.Election.Id)
        {
            if (live!.Race.Seats is null) return NoSeats(live.Election.Id);
            return TypedResults.Ok(SeatAnalysis.Of(live.Election, live.Race, live.Geography, a => live.Totals(a, view)));
        }
        if (which == "prior" || which == prior?.Election.Id)
        {
            if (prior is null) return NoPrior();
            if (prior.Race.Seats is null) return NoSeats(prior.Election.Id);
            return TypedResults.Ok(SeatAnalysis.Of(prior.Election, prior.Race, prior.Geography, prior.Totals));
        }
        return Problems.Problems.Of(StatusCodes.Status400BadRequest, "Unknown election",
            $"'{election}' is neither 'current' nor 'prior' nor an election served ({string.Join(", ", new[] { live.Election.Id, prior?.Election.Id }.OfType<string>())}).");
    }

    private static Results<Ok<SwingTable>, ProblemHttpResult> Swing(ElectionHost host, string? area, string? sources)
    {
        var (live, view, problem) = ResultsEndpoints.Resolved(host, null, sources);
        if (problem is not null) return problem;
        if (host.Prior is not { } prior) return NoPrior();
        var areaIndex = live!.Geography.Root.Index;
        if (area is not null)
        {
            if (!live.Geography.TryGetArea(area, out var found)) return Problems.Problems.UnknownArea(area);
            areaIndex = found.Index;
        }
        return TypedResults.Ok(SwingTable.Build(live, view, prior, areaIndex));
    }

    private static ProblemHttpResult NoPrior() => Problems.Problems.Of(StatusCodes.Status404NotFound, "No prior election",
        "The server serves no prior election: start it with '--prior-election ID' (the election imported into the same store).");

    private static ProblemHttpResult NoSeats(string election) => Problems.Problems.Of(StatusCodes.Status400BadRequest, "No seats",
        $"The election '{election}' allocates no seats (it is not a parliamentary race).");
}
