namespace Sandik.Storage.Incidents;

/// <summary>
/// A report from the field or a citizen's request, as the store keeps it: where (an area, and a ballot box when it
/// concerns one), what, who reported it, and how far it has been handled.
/// </summary>
/// <param name="Id">Assigned by the store; 0 before it is saved.</param>
/// <param name="Kind"><see cref="IncidentKinds.Field"/> or <see cref="IncidentKinds.Citizen"/>.</param>
/// <param name="Category">What happened, one of <see cref="IncidentKinds.CategoriesOf"/> for the kind.</param>
/// <param name="Area">The code of the area it belongs to (the box's neighbourhood when a box is named).</param>
/// <param name="Box">The ballot box's code, when it concerns one.</param>
/// <param name="ReporterId">The signed-in user who recorded it; null for a request that came in without signing in.</param>
/// <param name="Contact">How to reach a citizen back (a phone number or an address); never shown to every reader.</param>
/// <param name="Status"><see cref="IncidentStatus"/>'s id.</param>
/// <param name="Assignee">Who is handling it, as free text (a name, a team).</param>
/// <param name="Version">Rises with every change: a change made on an older version is refused.</param>
public sealed record Incident(
    long Id,
    string Election,
    string Kind,
    string Category,
    string Area,
    string? Box,
    string Text,
    string? ReporterId,
    string ReporterName,
    string? Contact,
    string Status,
    string? Assignee,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>One step of an incident's handling: a note, a new status, a new assignee, or all three.</summary>
public sealed record IncidentNote(long Id, long IncidentId, DateTimeOffset At, string? AuthorId, string AuthorName, string? Status, string? Assignee, string? Text);
