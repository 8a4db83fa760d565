using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Sandik.Domain.Submissions;
using Sandik.Server.Hosting;
using Sandik.Server.Identity;
using Sandik.Server.Live;
using Sandik.Server.Problems;
using Sandik.Storage;

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
        // them) and get here what still applies: the key, its rate limit, the security headers, problem details for
        // exceptions. The access rules open these routes to anyone, as the access-matrix test checks.
        var group = app.MapGroup("/api/v1/submissions").WithTags("Ingest").DisableAntiforgery();
        group.ShortCircuit();
        group.MapPost("", SubmitOne).WithName("Submit").WithSummary("Submit one ballot box's count sheet.");
        group.MapPost("/batch", SubmitBatch).WithName("SubmitBatch").WithSummary("Submit many count sheets in one request.");
        return app;
    }

    public static async Task<Results<Ok<SubmissionOutcome>, ProblemHttpResult>> SubmitOne(HttpContext http, ApiKeyRegistry keys, KeyRateLimits limits,
        ElectionHost host, IngestQueue queue, TimeProvider time, ProblemExceptionHandler errors, CancellationToken ct)
    {
        SecurityHeaders.Apply(http);
        try
        {
            return await SubmitOneAsync(http, keys, limits, host, queue, time, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return errors.ToProblem(http, e);
        }
    }

    private static async Task<Results<Ok<SubmissionOutcome>, ProblemHttpResult>> SubmitOneAsync(HttpContext http, ApiKeyRegistry keys, KeyRateLimits limits,
        ElectionHost host, IngestQueue queue, TimeProvider time, CancellationToken ct)
    {
        var (source, document, problem) = await ReadAsync(http, keys, limits, ct);
        if (problem is not null) return problem;
        using (document)
        {
            var (entry, claimProblem) = ToEntry(document!.RootElement, source!, host, time);
            if (claimProblem is not null) return claimProblem;
            var result = (await queue.SubmitAsync([entry!], ct))[0];
            var outcome = SubmissionOutcome.From(0, result);
            return result.Entry.Accepted
                ? TypedResults.Ok(outcome)
                : Problems.Problems.Of(StatusCodes.Status422UnprocessableEntity, "Submission rejected",
                    "The count sheet was recorded as rejected; nothing was counted.", result.Entry.Errors,
                    new Dictionary<string, object?> { ["sequence"] = outcome.Sequence, ["duplicate"] = outcome.Duplicate });
        }
    }

    public static async Task<Results<Ok<BatchOutcome>, ProblemHttpResult>> SubmitBatch(HttpContext http, ApiKeyRegistry keys, KeyRateLimits limits,
        ElectionHost host, IngestQueue queue, TimeProvider time, IOptions<SandikServerOptions> options, ProblemExceptionHandler errors, CancellationToken ct)
    {
        SecurityHeaders.Apply(http);
        try
        {
            return await SubmitBatchAsync(http, keys, limits, host, queue, time, options, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return errors.ToProblem(http, e);
        }
    }

    private static async Task<Results<Ok<BatchOutcome>, ProblemHttpResult>> SubmitBatchAsync(HttpContext http, ApiKeyRegistry keys, KeyRateLimits limits,
        ElectionHost host, IngestQueue queue, TimeProvider time, IOptions<SandikServerOptions> options, CancellationToken ct)
    {
        var (source, document, problem) = await ReadAsync(http, keys, limits, ct);
        if (problem is not null) return problem;
        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
                return Problems.Problems.BadRequest("A batch must be a JSON array of submissions.");
            var count = root.GetArrayLength();
            if (count == 0) return Problems.Problems.BadRequest("The batch is empty.");
            if (count > options.Value.MaxRequestBatch)
                return Problems.Problems.Of(StatusCodes.Status413PayloadTooLarge, "Batch too large", $"A batch holds at most {options.Value.MaxRequestBatch} submissions; this one has {count}.");
            var entries = new List<LoggedSubmission>(count);
            foreach (var item in root.EnumerateArray())
            {
                var (entry, claimProblem) = ToEntry(item, source!, host, time);
                if (claimProblem is not null) return claimProblem;
                entries.Add(entry!);
            }
            var outcome = BatchOutcome.From(await queue.SubmitAsync(entries, ct));
            return outcome.Accepted > 0
                ? TypedResults.Ok(outcome)
                : Problems.Problems.Of(StatusCodes.Status422UnprocessableEntity, "Batch rejected",
                    "No submission of the batch was accepted; each was recorded as rejected with its reasons.", null,
                    new Dictionary<string, object?> { ["rejected"] = outcome.Rejected, ["duplicates"] = outcome.Duplicates, ["items"] = outcome.Items });
        }
    }

    private static async Task<(string? Source, JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpContext http, ApiKeyRegistry keys, KeyRateLimits limits, CancellationToken ct)
    {
        var key = await keys.AuthenticateAsync(http.Request.Headers[ApiKeyHeader].ToString(), ct);
        if (key is null)
            return (null, null, Problems.Problems.Of(StatusCodes.Status401Unauthorized, "Unknown API key", $"Send a valid, active source API key in the '{ApiKeyHeader}' header."));
        if (!limits.TryAcquire(key.Id))
        {
            http.Response.Headers.RetryAfter = "1";
            return (null, null, Problems.Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests", "This API key is sending faster than its rate limit; slow down and retry."));
        }
        if (!http.Request.HasJsonContentType())
            return (null, null, Problems.Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send the submission as 'application/json'."));
        try
        {
            var document = await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = 16 }, ct);
            return (key.SourceId, document, null);
        }
        catch (JsonException e)
        {
            return (null, null, Problems.Problems.BadRequest($"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
    }

    private static (LoggedSubmission? Entry, ProblemHttpResult? Problem) ToEntry(JsonElement item, string source, ElectionHost host, TimeProvider time)
    {
        if (SubmissionJson.ClaimedSource(item) is { } claimed && claimed != source)
            return (null, Problems.Problems.Of(StatusCodes.Status403Forbidden, "Wrong source",
                $"This API key submits as '{source}', not as '{Shorten(claimed)}'."));
        var shape = new List<FieldError>();
        var draft = SubmissionJson.Read(item, source, shape);
        var validated = host.Validator.Validate(draft, ValidationPolicy.FullCountSheet);
        var now = time.GetUtcNow();
        var raceId = draft.RaceId ?? host.Election.Election.DefaultRace.Id;
        if (validated.IsValid && shape.Count == 0)
            return (LoggedSubmission.ForAccepted(validated.Value!, now), null);
        var errors = shape.Concat(validated.Errors).ToList();
        var payload = item.GetRawText();
        return (new LoggedSubmission(0, now, source, Shorten(draft.Reporter), Shorten(raceId) ?? "", Shorten(draft.BoxCode) ?? "",
            Shorten(draft.ClientSubmissionId), Shorten(draft.Evidence), null, errors, payload.Length > 8_192 ? payload[..8_192] : payload), null);
    }

    private static string? Shorten(string? text) => text is { Length: > SubmissionValidator.MaxTextLength } ? text[..SubmissionValidator.MaxTextLength] : text;
}
