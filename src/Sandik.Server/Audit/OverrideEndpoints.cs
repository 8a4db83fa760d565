using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Sandik.Server.Audit;

/// <summary>The override action as an API: <c>POST /api/v1/boxes/override?code=BOX</c> with headquarters' tally and a reason.</summary>
public static class OverrideEndpoints
{
    public static IEndpointRouteBuilder MapOverrides(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/boxes/override", Override).WithTags("Manual actions")
            .WithSummary("Replace a box's counted tally with headquarters' own (audited; the reason is required).");
        return app;
    }

    private static async Task<Results<Ok<OverrideResult>, ProblemHttpResult>> Override(string code, OverrideRequest request, ClaimsPrincipal user,
        BoxOverride overrides, CancellationToken ct)
    {
        var outcome = await overrides.OverrideAsync(user, code, request, ct);
        return outcome.Sequence is { } sequence
            ? TypedResults.Ok(new OverrideResult(code, sequence))
            : Problems.Problems.Of(StatusCodes.Status422UnprocessableEntity, "Override refused", "Nothing was changed.", outcome.Errors);
    }

    public sealed record OverrideResult(string Box, long Sequence);
}
