namespace Sandik.Server.Incidents;

/// <summary>A report a signed-in user makes (an observer from the field, an operator taking a citizen's call).</summary>
/// <param name="Kind"><c>field</c> (the default) or <c>citizen</c>.</param>
/// <param name="Box">The ballot box's code, when the report concerns one; its area is then the box's.</param>
/// <param name="Area">An area's code, when no box is named (a school's neighbourhood, a district, a province).</param>
/// <param name="Contact">How to reach the citizen back.</param>
public sealed record IncidentReport(string? Kind, string? Category, string? Box, string? Area, string? Text, string? Contact);

/// <summary>A citizen's request sent without signing in (a partner's web form, an SMS gateway).</summary>
/// <param name="Area">The province, district or neighbourhood it concerns, when known.</param>
/// <param name="Name">How the citizen signs, if at all.</param>
public sealed record CitizenRequest(string? Category, string? Area, string? Box, string? Text, string? Contact, string? Name);

/// <summary>A step of handling an incident: a note, a new status, a new assignee, made on the version the handler saw.</summary>
public sealed record IncidentStep(int? Version, string? Status, string? Assignee, string? Note);

/// <summary>Which incidents a reader asks for; the reader's scope narrows it further.</summary>
public sealed record IncidentFilter(string? Area = null, string? Kind = null, string? Category = null, string? Status = null, string? Box = null,
    long? Before = null, int? Limit = null);
