using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sandik.Domain.Submissions;
using Sandik.Storage.Incidents;

namespace Sandik.Server.Incidents;

/// <summary>
/// Field incidents and citizens' requests: report, list, read, handle; and citizens' requests from outside (a
/// partner's web form, an SMS gateway) without signing in, limited per client address.
/// </summary>
public static class IncidentEndpoints
{
    public const string Path = "/api/v1/incidents";
    public const string ReportPath = "/api/v1/incidents/report";
    public const string ItemPath = "/api/v1/incidents/{id}";
    public const string HandlePath = "/api/v1/incidents/{id}/handle";
    public const string RequestsPath = "/api/v1/requests";
    public const string RequestLimit = "citizen-requests";

    /// <summary>An incident and its handling, as the API gives it.</summary>
    public sealed record Detail(Incident Incident, IReadOnlyList<IncidentNote> Notes);

    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        app.MapPost(ReportPath, Report).WithTags("Incidents").WithSummary("Reports an incident from the field, or a citizen's request taken by phone, inside the user's scope.");
        app.MapGet(Path, List).WithTags("Incidents").WithSummary("Incidents inside the user's scope, newest first, filtered by area, kind, category, status or box.");
        app.MapGet(ItemPath, Find).WithTags("Incidents").WithSummary("One incident and the history of its handling.");
        app.MapPost(HandlePath, Handle).WithTags("Incidents").WithSummary("A step of handling: a note, a new status, a new assignee, on the version seen.");
        app.MapPost(RequestsPath, Request).WithTags("Incidents").RequireRateLimiting(RequestLimit)
            .WithSummary("A citizen's request, without signing in; limited per client address.");
        return app;
    }

    private static async Task<Results<Created<Incident>, ProblemHttpResult>> Report(IncidentReport report, IncidentDesk desk, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await desk.ReportAsync(user, report, ct));

    private static async Task<Results<Created<Incident>, ProblemHttpResult>> Request(CitizenRequest request, IncidentDesk desk, CancellationToken ct)
    {
        var outcome = await desk.RequestAsync(request, ct);
        // The sender learns the reference to quote, not what the desk keeps.
        return outcome.Incident is { } incident ? TypedResults.Created($"{Path}/{incident.Id}", incident with { Contact = null, ReporterName = "" }) : Problem(outcome);
    }

    private static async Task<Results<Ok<IReadOnlyList<Incident>>, ProblemHttpResult>> List(IncidentDesk desk, ClaimsPrincipal user, string? area, string? kind,
        string? category, string? status, string? box, long? before, int? limit, CancellationToken ct)
    {
        var (list, errors) = await desk.ListAsync(user, new IncidentFilter(area, kind, category, status, box, before, limit), ct);
        if (errors.Count == 0) return TypedResults.Ok(list);
        var forbidden = errors.Any(e => e.Code == "forbidden");
        return Problems.Problems.Of(forbidden ? StatusCodes.Status403Forbidden : errors.Any(e => e.Code == "unknown" && e.Field == "area") ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest,
            forbidden ? "Outside your scope" : "Invalid filter", string.Join(" ", errors.Select(e => e.Message)), errors);
    }

    private static async Task<Results<Ok<Detail>, ProblemHttpResult>> Find(long id, IncidentDesk desk, ClaimsPrincipal user, CancellationToken ct) =>
        await desk.FindAsync(user, id, ct) is { } found ? TypedResults.Ok(new Detail(found.Incident, found.Notes))
            : Problems.Problems.Of(StatusCodes.Status404NotFound, "Unknown incident", $"There is no incident {id}.");

    private static async Task<Results<Ok<Incident>, ProblemHttpResult>> Handle(long id, IncidentStep step, IncidentDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await desk.HandleAsync(user, id, step, ct);
        return outcome.Kind == IncidentDesk.OutcomeKind.Done ? TypedResults.Ok(outcome.Incident) : Problem(outcome);
    }

    private static Results<Created<Incident>, ProblemHttpResult> Answer(IncidentDesk.Outcome outcome) =>
        outcome.Kind == IncidentDesk.OutcomeKind.Done ? TypedResults.Created($"{Path}/{outcome.Incident!.Id}", outcome.Incident) : Problem(outcome);

    private static ProblemHttpResult Problem(IncidentDesk.Outcome outcome) => outcome.Kind switch
    {
        IncidentDesk.OutcomeKind.Forbidden => Problems.Problems.Of(StatusCodes.Status403Forbidden, "Not allowed", Describe(outcome.Errors), outcome.Errors),
        IncidentDesk.OutcomeKind.NotFound => Problems.Problems.Of(StatusCodes.Status404NotFound, "Unknown incident", Describe(outcome.Errors), outcome.Errors),
        IncidentDesk.OutcomeKind.Stale => Problems.Problems.Of(StatusCodes.Status409Conflict, "Changed meanwhile", Describe(outcome.Errors), outcome.Errors,
            new Dictionary<string, object?> { ["current"] = outcome.Incident }),
        _ => Problems.Problems.Of(StatusCodes.Status400BadRequest, "Invalid incident", Describe(outcome.Errors), outcome.Errors),
    };

    private static string Describe(IReadOnlyList<FieldError> errors) => errors.Count == 0 ? "The incident no longer exists." : string.Join(" ", errors.Select(e => e.Message));
}
