using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Sandik.Server.Components.Public;
using Sandik.Server.Hosting;
using Sandik.Server.Live;
using Sandik.Server.Ui;

namespace Sandik.Server.Public;

/// <summary>
/// The count for the public, without signing in, when the server publishes it (<see cref="SandikServerOptions.PublicResults"/>):
/// a page that reloads itself and a JSON API. Each answer is kept for a few seconds, so a crowd reloading the page
/// costs the live state one read per area and interval, not one per visitor.
/// </summary>
public static class PublicEndpoints
{
    public const string PagePath = "/public";
    public const string ApiPath = "/api/v1/public/results";
    public const string CachePolicy = "public-results";
    public static readonly TimeSpan Kept = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapPublicResults(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiPath, Results).WithTags("Public").CacheOutput(CachePolicy)
            .WithSummary("The count of an area and its children, all sources reconciled, without signing in (when the server publishes it).");
        app.MapGet(PagePath, Page).ExcludeFromDescription().CacheOutput(CachePolicy);
        return app;
    }

    private static Results<Ok<PublicResults>, ProblemHttpResult> Results(ElectionHost host, IOptions<SandikServerOptions> options, string? area)
    {
        if (!options.Value.PublicResults) return NotPublished();
        var live = host.DefaultRace;
        if (area is null) return TypedResults.Ok(PublicResults.Of(live, live.Geography.Root.Index));
        return live.Geography.TryGetArea(area, out var found) ? TypedResults.Ok(PublicResults.Of(live, found.Index)) : Problems.Problems.UnknownArea(area);
    }

    private static IResult Page(ElectionHost host, IOptions<SandikServerOptions> options, string? area, string? lang)
    {
        if (!options.Value.PublicResults) return NotPublished();
        var live = host.DefaultRace;
        var found = area is null ? live.Geography.Root : live.Geography.TryGetArea(area, out var a) ? a : null;
        var text = UiText.For(UiLanguages.Parse(lang));
        return new RazorComponentResult<PublicResultsPage>(new
        {
            Results = found is null ? null : PublicResults.Of(live, found.Index),
            T = text,
            Requested = area,
            Names = live.Race.Choices.ToDictionary(c => c.Id, text.ChoiceName),
        })
        { StatusCode = found is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK };
    }

    private static ProblemHttpResult NotPublished() => Problems.Problems.Of(StatusCodes.Status404NotFound, "Not published",
        "This server does not publish its count (start it with --public-results).");
}
