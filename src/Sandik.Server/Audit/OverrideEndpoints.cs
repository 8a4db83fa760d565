using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Sandik.Server.Audit;

/// <summary>
/// The sheets typed at headquarters as an API: <c>POST /api/v1/boxes/override?code=BOX</c> with headquarters' tally and a
/// reason, <c>POST /api/v1/calls/tally?code=BOX</c> with a sheet read over the phone.
/// </summary>
public static class OverrideEndpoints
{
    public static IEndpointRouteBuilder MapOverrides(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/boxes/override", Override).WithTags("Manual actions")
            .WithSummary("Replace a box's counted tally with headquarters' own (audited; the reason is required).");
        app.MapPost("/api/v1/calls/tally", Phoned).WithTags("Manual actions")
            .WithSummary("A box's count sheet read over the phone, logged as the call centre's source with the operator as reporter ('reason' is an optional note).");
        return app;
    }

    private static async Task<Results<Ok<OverrideResult>, ProblemHttpResult>> Override(string code, OverrideRequest request, ClaimsPrincipal user,
        BoxOverride overrides, CancellationToken ct) =>
        Answer(code, await overrides.OverrideAsync(user, code, request, ct), "Override refused", "Nothing was changed.");

    private static async Task<Results<Ok<OverrideResult>, ProblemHttpResult>> Phoned(string code, OverrideRequest request, ClaimsPrincipal user,
        PhonedTally phoned, CancellationToken ct) =>
        Answer(code, await phoned.SubmitAsync(user, code, request, ct), "Sheet refused", "Nothing was logged.");

    private static Results<Ok<OverrideResult>, ProblemHttpResult> Answer(string code, BoxOverride.Outcome outcome, string refused, string detail) =>
        outcome.Sequence is { } sequence
            ? TypedResults.Ok(new OverrideResult(code, sequence))
            : Problems.Problems.Of(StatusCodes.Status422UnprocessableEntity, refused, detail, outcome.Errors);

    public sealed record OverrideResult(string Box, long Sequence);
}
