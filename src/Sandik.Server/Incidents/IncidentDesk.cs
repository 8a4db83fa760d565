using System.Security.Claims;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;
using Sandik.Server.Identity;
using Sandik.Server.Live;
using Sandik.Storage.Incidents;

namespace Sandik.Server.Incidents;

/// <summary>
/// Field incidents and citizens' requests for the election served: reported inside the reporter's scope, listed and
/// read inside the reader's, handled by coordinators and headquarters. The API and the screens both go through it,
/// and it checks permissions and scope itself rather than relying on them. Citizens' contacts and reporters' names are
/// shown in full only to roles that call people back (<see cref="Permission.SeeReporter"/>). Thread-safe.
/// </summary>
public sealed class IncidentDesk(IncidentStore store, ElectionHost host, TimeProvider time)
{
    public const int MaxText = 2_000;
    public const int MaxShort = 200;

    /// <summary>What an action came to: the incident, or why not.</summary>
    public sealed record Outcome(Incident? Incident, IReadOnlyList<FieldError> Errors, OutcomeKind Kind)
    {
        public static Outcome Done(Incident incident) => new(incident, [], OutcomeKind.Done);
        public static Outcome Invalid(IReadOnlyList<FieldError> errors) => new(null, errors, OutcomeKind.Invalid);
        public static Outcome Refused(string field, string message) => new(null, [new FieldError(field, "forbidden", message)], OutcomeKind.Forbidden);
    }

    public enum OutcomeKind { Done, Invalid, Forbidden, NotFound, Stale }

    private string Election => host.Election.Election.Id;

    private ElectionGeography Geography => host.DefaultRace.Geography;

    /// <summary>Records a report from a signed-in user with <see cref="Permission.ReportIncident"/>, inside their scope.</summary>
    public async Task<Outcome> ReportAsync(ClaimsPrincipal actor, IncidentReport report, CancellationToken ct)
    {
        if (!actor.Has(Permission.ReportIncident)) return Outcome.Refused("kind", "You may not report incidents.");
        var kind = string.IsNullOrWhiteSpace(report.Kind) ? IncidentKinds.Field : report.Kind.Trim();
        var errors = new List<FieldError>();
        var category = Category(kind, report.Category, errors);
        var text = Text(report.Text, errors);
        var contact = Short("contact", report.Contact, errors);
        var place = Place(report.Box, report.Area, actor.ScopeOf(), required: kind == IncidentKinds.Field, errors);
        if (errors.Count > 0) return errors.Any(e => e.Code == "forbidden") ? new Outcome(null, errors, OutcomeKind.Forbidden) : Outcome.Invalid(errors);
        var now = time.GetUtcNow();
        var incident = new Incident(0, Election, kind, category!, place!.Value.Area, place.Value.Box, text!, actor.IdOf(), actor.NameOf(), contact,
            IncidentStatus.Open, null, now, now, 0);
        return Outcome.Done(await store.AddAsync(incident, place.Value.Chain, ct));
    }

    /// <summary>Records a citizen's request sent without signing in.</summary>
    public async Task<Outcome> RequestAsync(CitizenRequest request, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var category = Category(IncidentKinds.Citizen, request.Category, errors);
        var text = Text(request.Text, errors);
        var contact = Short("contact", request.Contact, errors);
        var name = Short("name", request.Name, errors);
        var place = Place(request.Box, request.Area, AreaScope.National, required: false, errors);
        if (errors.Count > 0) return Outcome.Invalid(errors);
        var now = time.GetUtcNow();
        var incident = new Incident(0, Election, IncidentKinds.Citizen, category!, place!.Value.Area, place.Value.Box, text!, null,
            name ?? "—", contact, IncidentStatus.Open, null, now, now, 0);
        return Outcome.Done(await store.AddAsync(incident, place.Value.Chain, ct));
    }

    /// <summary>The incidents a filter selects inside the reader's scope, newest first, masked for the reader.</summary>
    /// <returns>The list, or the field errors of a filter that names an unknown value or an area outside the scope.</returns>
    public async Task<(IReadOnlyList<Incident> Incidents, IReadOnlyList<FieldError> Errors)> ListAsync(ClaimsPrincipal reader, IncidentFilter filter, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var scope = reader.ScopeOf();
        IReadOnlyList<string>? areas = scope.IsNational ? null : [scope.Code];
        if (filter.Area is { Length: > 0 } code)
        {
            if (!Geography.TryGetArea(code, out var area)) errors.Add(new FieldError("area", "unknown", $"There is no area '{code}'."));
            else if (!scope.Covers(Geography, area.Index)) errors.Add(new FieldError("area", "forbidden", $"The area '{code}' is outside your scope."));
            else areas = [code];
        }
        OneOf("kind", filter.Kind, IncidentKinds.Kinds, errors);
        OneOf("status", filter.Status, IncidentStatus.All, errors);
        if (errors.Count > 0) return ([], errors);
        var list = await store.ListAsync(new IncidentQuery(Election, areas, filter.Kind, filter.Category, filter.Status, filter.Box, filter.Before,
            Math.Clamp(filter.Limit ?? 200, 1, 1_000)), ct);
        return ([.. list.Select(i => Masked(i, reader))], []);
    }

    /// <summary>One incident and its handling, masked for the reader; null when there is none or it lies outside the reader's scope.</summary>
    public async Task<(Incident Incident, IReadOnlyList<IncidentNote> Notes)?> FindAsync(ClaimsPrincipal reader, long id, CancellationToken ct)
    {
        var incident = await store.FindAsync(Election, id, ct);
        if (incident is null || !Covers(reader.ScopeOf(), incident)) return null;
        var notes = await store.NotesAsync(id, ct);
        return (Masked(incident, reader), notes);
    }

    /// <summary>Records a step of handling by a user with <see cref="Permission.HandleIncidents"/> whose scope holds the incident.</summary>
    public async Task<Outcome> HandleAsync(ClaimsPrincipal actor, long id, IncidentStep step, CancellationToken ct)
    {
        var incident = await store.FindAsync(Election, id, ct);
        if (incident is null || !Covers(actor.ScopeOf(), incident)) return new Outcome(null, [new FieldError("id", "unknown", $"There is no incident {id}.")], OutcomeKind.NotFound);
        if (!actor.Has(Permission.HandleIncidents)) return Outcome.Refused("status", "You may not handle incidents.");
        var errors = new List<FieldError>();
        if (step.Version is not { } version) errors.Add(new FieldError("version", "required", "Give the version of the incident the step was made on."));
        OneOf("status", step.Status, IncidentStatus.All, errors);
        var assignee = Short("assignee", step.Assignee, errors);
        var note = string.IsNullOrWhiteSpace(step.Note) ? null : step.Note.Trim();
        if (note?.Length > MaxText) errors.Add(new FieldError("note", "too_long", $"The note is {note.Length} characters long; at most {MaxText} are allowed."));
        if (step.Status is null && assignee is null && note is null)
            errors.Add(new FieldError("note", "required", "A step needs a note, a new status or a new assignee."));
        if (errors.Count > 0) return Outcome.Invalid(errors);
        var (after, changed) = await store.HandleAsync(Election, id, step.Version!.Value,
            new IncidentNote(0, id, time.GetUtcNow(), actor.IdOf(), actor.NameOf(), step.Status, assignee, note), ct);
        if (after is null) return new Outcome(null, [], OutcomeKind.NotFound);
        return changed ? Outcome.Done(Masked(after, actor))
            : new Outcome(Masked(after, actor), [new FieldError("version", "stale", $"The incident changed meanwhile: it is at version {after.Version}, not {step.Version}.")], OutcomeKind.Stale);
    }

    /// <summary>The incident as a reader may see it: a citizen's contact and the reporter's name in full only with <see cref="Permission.SeeReporter"/>.</summary>
    public static Incident Masked(Incident incident, ClaimsPrincipal reader) => reader.Has(Permission.SeeReporter) ? incident
        : incident with { Contact = ReporterMask.Mask(incident.Contact), ReporterName = ReporterMask.Mask(incident.ReporterName)! };

    private bool Covers(AreaScope scope, Incident incident) =>
        scope.IsNational || (Geography.TryGetArea(incident.Area, out var area) && scope.Covers(Geography, area.Index));

    private static string? Category(string kind, string? category, List<FieldError> errors)
    {
        if (!OneOf("kind", kind, IncidentKinds.Kinds, errors)) return null;
        var categories = IncidentKinds.CategoriesOf(kind);
        if (string.IsNullOrWhiteSpace(category)) errors.Add(new FieldError("category", "required", $"Give a category: one of {string.Join(", ", categories)}."));
        else if (!categories.Contains(category.Trim()))
            errors.Add(new FieldError("category", "unknown", $"Unknown category '{category}' for a {kind} report; known: {string.Join(", ", categories)}."));
        else return category.Trim();
        return null;
    }

    // A value that must be one of a list when given; false (with the error added) when it is not.
    private static bool OneOf(string field, string? value, IReadOnlyList<string> known, List<FieldError> errors)
    {
        if (value is null || known.Contains(value)) return true;
        errors.Add(new FieldError(field, "unknown", $"Unknown {field} '{value}'; known: {string.Join(", ", known)}."));
        return false;
    }

    private static string? Text(string? text, List<FieldError> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add(new FieldError("text", "required", "Say what happened."));
        else if (trimmed.Length > MaxText) errors.Add(new FieldError("text", "too_long", $"The text is {trimmed.Length} characters long; at most {MaxText} are allowed."));
        else return trimmed;
        return null;
    }

    private static string? Short(string field, string? value, List<FieldError> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length <= MaxShort) return trimmed;
        errors.Add(new FieldError(field, "too_long", $"The {field} is {trimmed.Length} characters long; at most {MaxShort} are allowed."));
        return null;
    }

    // Where the report belongs: the box's neighbourhood, the area named, or the reporter's scope; with its area chain.
    private (string Area, string? Box, IReadOnlyList<string> Chain)? Place(string? boxCode, string? areaCode, AreaScope scope, bool required, List<FieldError> errors)
    {
        var geography = Geography;
        int areaIndex;
        string? box = null;
        if (!string.IsNullOrWhiteSpace(boxCode))
        {
            if (!geography.TryGetBox(boxCode.Trim(), out var found))
            {
                errors.Add(new FieldError("box", "unknown", $"There is no box '{boxCode}'."));
                return null;
            }
            if (!scope.CoversBox(geography, found.Index))
            {
                errors.Add(new FieldError("box", "forbidden", $"The box '{boxCode}' is outside your scope."));
                return null;
            }
            box = found.Code;
            areaIndex = geography.ChainOf(found.Index)[^1];
        }
        else if (!string.IsNullOrWhiteSpace(areaCode))
        {
            if (!geography.TryGetArea(areaCode.Trim(), out var area))
            {
                errors.Add(new FieldError("area", "unknown", $"There is no area '{areaCode}'."));
                return null;
            }
            if (!scope.Covers(geography, area.Index))
            {
                errors.Add(new FieldError("area", "forbidden", $"The area '{areaCode}' is outside your scope."));
                return null;
            }
            areaIndex = area.Index;
        }
        else if (required)
        {
            errors.Add(new FieldError("box", "required", "Name the box, or the area when it concerns no single box."));
            return null;
        }
        else areaIndex = scope.IsNational || !geography.TryGetArea(scope.Code, out var own) ? geography.Root.Index : own.Index;
        var chain = new List<string>();
        for (var a = areaIndex; a >= 0; a = geography.Areas[a].Parent) chain.Insert(0, geography.Areas[a].Code);
        return (geography.Areas[areaIndex].Code, box, chain);
    }
}
