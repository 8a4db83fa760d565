using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Sandik.Server.Ingest;

/// <summary>
/// The ingest API: every source sends count sheets here, one at a time or in batches, with its own API key
/// (<c>X-Api-Key</c>). A submission is acknowledged only once it is durable and counted. Retries with the same client
/// submission id return the original outcome and add nothing.
/// </summary>
public static class IngestEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder app)
    {
        // Sources are programs with API keys, sending hundreds of thousands of requests a night. Their requests leave
        // the middleware as soon as they are routed (sessions, access rules, antiforgery, status pages do nothing for
        // them) and get from the handlers what still applies: the key, its rate limit, the security headers, problem
        // details for exceptions. The access rules open these routes to anyone, as the access-matrix test checks.
        var requests = ActivatorUtilities.CreateInstance<SubmissionRequests>(app.ServiceProvider);
        var group = app.MapGroup("/api/v1/submissions").WithTags("Ingest").DisableAntiforgery();
        group.ShortCircuit();
        // Mapped as handlers rather than request delegates, so that the OpenAPI document describes them.
        Describe(group.MapPost("", (Func<HttpContext, Task>)requests.SubmitOneAsync).WithName("Submit").WithSummary("Submit one ballot box's count sheet."))
            .Produces<SubmissionOutcome>();
        Describe(group.MapPost("/batch", (Func<HttpContext, Task>)requests.SubmitBatchAsync).WithName("SubmitBatch").WithSummary("Submit many count sheets in one request."))
            .Produces<BatchOutcome>();
        return app;
    }

    private static RouteHandlerBuilder Describe(RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
