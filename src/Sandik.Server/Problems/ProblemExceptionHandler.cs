using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Sandik.Server.Ingest;

namespace Sandik.Server.Problems;

/// <summary>
/// Turns the exceptions that escape an endpoint into problem details: a body too large or unreadable is the
/// client's fault (4xx); a store that stays down is 503 with Retry-After; anything else is logged with its context
/// and answered 500 without a stack trace.
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = ToProblem(context, exception);
        context.Response.StatusCode = problem.StatusCode;
        await problem.ExecuteAsync(context);
        return true;
    }

    /// <summary>The answer to an exception; for endpoints that run outside the middleware (the ingest API).</summary>
    public ProblemHttpResult ToProblem(HttpContext context, Exception exception)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (413, "Request too large", "The request body is larger than the server accepts."),
            BadHttpRequestException bad => (bad.StatusCode, "Malformed request", bad.Message),
            StoreUnavailableException => (503, "Store unavailable", "The submission was not stored; send it again (same client submission id)."),
            _ => (500, "Unexpected error", "The server failed unexpectedly; the failure was logged."),
        };
        if (status >= 500) logger.LogError(exception, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
        if (status == 503) context.Response.Headers.RetryAfter = "2";
        return Problems.Of(status, title, detail);
    }
}
