using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sandik.Domain.Submissions;
using Sandik.Server.Hosting;
using Sandik.Server.Identity;
using Sandik.Server.Live;
using Sandik.Server.Problems;
using Sandik.Storage;

namespace Sandik.Server.Ingest;

/// <summary>
/// Answers the ingest API's requests: checks the key and its rate limit, reads and validates the count sheets, hands
/// them to the <see cref="IngestQueue"/> and answers once they are durable and counted. Requests reach it straight
/// from routing (see <see cref="IngestEndpoints"/>), so it also sets the API's security headers and turns exceptions into
/// problem details itself. Thread-safe.
/// </summary>
public sealed class SubmissionRequests(ApiKeyRegistry keys, KeyRateLimits limits, ElectionHost host, IngestQueue queue,
    TimeProvider time, IOptions<SandikServerOptions> options, ProblemExceptionHandler errors)
{
    public Task SubmitOneAsync(HttpContext http) => AnswerAsync(http, OneAsync(http, http.RequestAborted));

    public Task SubmitBatchAsync(HttpContext http) => AnswerAsync(http, BatchAsync(http, http.RequestAborted));

    private async Task AnswerAsync(HttpContext http, Task<IResult> handling)
    {
        SecurityHeaders.ApplyToApi(http);
        IResult result;
        try
        {
            result = await handling;
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            result = errors.ToProblem(http, e);
        }
        await result.ExecuteAsync(http);
    }

    private async Task<IResult> OneAsync(HttpContext http, CancellationToken ct)
    {
        var (source, document, problem) = await ReadAsync(http, ct);
        if (problem is not null) return problem;
        using (document)
        {
            var (entry, claimProblem) = ToEntry(document!.RootElement, source!);
            if (claimProblem is not null) return claimProblem;
            var result = (await queue.SubmitAsync([entry!], ct, answerOnWriter: true))[0];
            var outcome = SubmissionOutcome.From(0, result);
            return result.Entry.Accepted
                ? new JsonOk<SubmissionOutcome>(outcome, IngestJson.Default.SubmissionOutcome)
                : Problems.Problems.Of(StatusCodes.Status422UnprocessableEntity, "Submission rejected",
                    "The count sheet was recorded as rejected; nothing was counted.", result.Entry.Errors,
                    new Dictionary<string, object?> { ["sequence"] = outcome.Sequence, ["duplicate"] = outcome.Duplicate });
        }
    }

    private async Task<IResult> BatchAsync(HttpContext http, CancellationToken ct)
    {
        var (source, document, problem) = await ReadAsync(http, ct);
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
                var (entry, claimProblem) = ToEntry(item, source!);
                if (claimProblem is not null) return claimProblem;
                entries.Add(entry!);
            }
            var outcome = BatchOutcome.From(await queue.SubmitAsync(entries, ct, answerOnWriter: true));
            return outcome.Accepted > 0
                ? new JsonOk<BatchOutcome>(outcome, IngestJson.Default.BatchOutcome)
                : Problems.Problems.Of(StatusCodes.Status422UnprocessableEntity, "Batch rejected",
                    "No submission of the batch was accepted; each was recorded as rejected with its reasons.", null,
                    new Dictionary<string, object?> { ["rejected"] = outcome.Rejected, ["duplicates"] = outcome.Duplicates, ["items"] = outcome.Items });
        }
    }

    private async Task<(string? Source, JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var key = await keys.AuthenticateAsync(http.Request.Headers[IngestEndpoints.ApiKeyHeader].ToString(), ct);
        if (key is null)
            return (null, null, Problems.Problems.Of(StatusCodes.Status401Unauthorized, "Unknown API key", $"Send a valid, active source API key in the '{IngestEndpoints.ApiKeyHeader}' header."));
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

    private (LoggedSubmission? Entry, ProblemHttpResult? Problem) ToEntry(JsonElement item, string source)
    {
        if (SubmissionJson.ClaimedSource(item) is { } claimed && claimed != source)
            return (null, Problems.Problems.Of(StatusCodes.Status403Forbidden, "Wrong source",
                $"This API key submits as '{source}', not as '{Shorten(claimed)}'."));
        var shape = new List<FieldError>();
        var draft = SubmissionJson.Read(item, source, shape, Choices());
        var validated = host.Validator.Validate(draft, ValidationPolicy.FullCountSheet);
        var now = time.GetUtcNow();
        var raceId = draft.RaceId ?? host.Election.Election.DefaultRace.Id;
        if (validated.IsValid && shape.Count == 0)
            return (LoggedSubmission.ForAccepted(validated.Value!, now), null);
        var errors = shape.Concat(validated.Errors).ToList();
        var payload = SubmissionJson.RawText(item);
        return (new LoggedSubmission(0, now, source, Shorten(draft.Reporter), Shorten(raceId) ?? "", Shorten(draft.BoxCode) ?? "",
            IdempotencyKey(draft.ClientSubmissionId), Shorten(draft.Evidence), null, errors, payload.Length > 8_192 ? payload[..8_192] : payload), null);
    }

    private ChoiceNames? _choices;

    /// <summary>The loaded election's choice ids, made again when another election is loaded.</summary>
    private ChoiceNames Choices()
    {
        var election = host.Election.Election;
        var choices = _choices;
        if (!ReferenceEquals(choices?.Election, election)) _choices = choices = new ChoiceNames(election);
        return choices;
    }

    /// <summary>
    /// The client id a rejected entry is logged under, so that its retry gets the same answer: none for an id that is
    /// blank or too long, which would otherwise stand for other ids (every blank one, every one sharing its first
    /// <see cref="SubmissionValidator.MaxTextLength"/> characters).
    /// </summary>
    private static string? IdempotencyKey(string? id) =>
        id is null || string.IsNullOrWhiteSpace(id) || id.Length > SubmissionValidator.MaxTextLength ? null : id;

    private static string? Shorten(string? text) => text is { Length: > SubmissionValidator.MaxTextLength } ? text[..SubmissionValidator.MaxTextLength] : text;
}
