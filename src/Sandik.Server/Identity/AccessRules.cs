using System.Collections.Frozen;
using Sandik.Server.Analysis;
using Sandik.Server.Anomalies;
using Sandik.Server.Incidents;
using Sandik.Server.Live;
using Sandik.Server.Projection;
using Sandik.Server.Public;
using Sandik.Server.Ui;

namespace Sandik.Server.Identity;

/// <summary>
/// Who may reach every endpoint, page and hub method of the server, in one table a reviewer can read top to bottom.
/// An endpoint missing from it is refused to everyone (and the access-matrix test fails), so a new endpoint is closed
/// until someone decides who may use it.
/// </summary>
public static class AccessRules
{
    private static readonly Dictionary<string, AccessRule> Table = new()
    {
        // Sources submit with their API keys, which the ingest handlers check; a key can do nothing else.
        ["/api/v1/submissions"] = AccessRule.Anyone,
        ["/api/v1/submissions/batch"] = AccessRule.Anyone,
        // Citizens' requests from outside, limited per client address.
        [IncidentEndpoints.RequestsPath] = AccessRule.Anyone,
        // The count for the public, when the server publishes it (totals only; otherwise 404).
        [PublicEndpoints.PagePath] = AccessRule.Anyone,
        [PublicEndpoints.ApiPath] = AccessRule.Anyone,
        [PublicRequestEndpoints.Path] = AccessRule.Anyone,

        // Signing in.
        ["/account/login"] = AccessRule.Anyone,
        ["/account/two-factor"] = AccessRule.Anyone,
        ["/account/enrol"] = AccessRule.Anyone,
        ["/account/logout"] = AccessRule.Anyone,

        // Reading results.
        ["/api/v1/election"] = AccessRule.SignedIn,
        ["/api/v1/results"] = AccessRule.InArea(Permission.ReadResults, "area"),
        ["/api/v1/boxes/explain"] = AccessRule.InBox(Permission.ReadBoxes, "code"),
        ["/api/v1/conflicts"] = AccessRule.Filtered(Permission.ReadBoxes),
        [UiEndpoints.ProvincesPath] = new(Permission.ReadResults),
        [UiEndpoints.ExportPath] = AccessRule.InArea(Permission.ReadResults, "area"),
        [ProjectionEndpoints.Path] = AccessRule.National(Permission.ReadResults),
        [ProjectionEndpoints.HistoryPath] = AccessRule.National(Permission.ReadResults),
        ["/api/v1/metrics/ingest"] = AccessRule.National(Permission.ReadOperations),
        [AnomalyEndpoints.ListPath] = AccessRule.Filtered(Permission.ReadBoxes),
        [AnomalyEndpoints.CsvPath] = AccessRule.Filtered(Permission.ReadBoxes),
        [AnomalyEndpoints.ReinforcementPath] = AccessRule.Filtered(Permission.ReadBoxes),
        [AnomalyEndpoints.MapPath] = AccessRule.Filtered(Permission.ReadBoxes),
        [CallEndpoints.Path] = AccessRule.Filtered(Permission.ReadBoxes),
        [IncidentEndpoints.Path] = AccessRule.Filtered(Permission.ReadBoxes),
        [IncidentEndpoints.ItemPath] = AccessRule.Filtered(Permission.ReadBoxes),
        [AnalysisEndpoints.SeatsPath] = AccessRule.National(Permission.ReadResults),
        [AnalysisEndpoints.SwingPath] = AccessRule.InArea(Permission.ReadResults, "area"),
        ["/openapi/{documentName}.json"] = new(Permission.ReadOperations),

        // The live channels: a SignalR hub for programs, Blazor circuits for the screens (each screen has its rule below).
        [LiveHub.Path] = AccessRule.SignedIn,
        [LiveHub.Path + "/negotiate"] = AccessRule.SignedIn,
        ["/_blazor"] = AccessRule.SignedIn,
        ["/_blazor/negotiate"] = AccessRule.SignedIn,
        ["/_blazor/disconnect"] = AccessRule.SignedIn,
        ["/_blazor/initializers"] = AccessRule.SignedIn,
        ["/_framework/opaque-redirect"] = AccessRule.SignedIn,

        // Screens.
        ["/"] = AccessRule.National(Permission.ReadResults),
        ["/map"] = AccessRule.National(Permission.ReadResults),
        ["/sources"] = AccessRule.National(Permission.ReadResults),
        ["/conflicts"] = AccessRule.National(Permission.ReadBoxes),
        ["/anomalies"] = AccessRule.Filtered(Permission.ReadBoxes),
        ["/calls"] = AccessRule.Filtered(Permission.ReadBoxes),
        ["/analysis"] = AccessRule.National(Permission.ReadResults),
        ["/incidents"] = AccessRule.Filtered(Permission.ReadBoxes),
        ["/incidents/{Id}"] = AccessRule.Filtered(Permission.ReadBoxes),
        ["/areas"] = AccessRule.National(Permission.ReadResults),
        ["/areas/{*Code}"] = AccessRule.InArea(Permission.ReadResults, "Code"),
        ["/boxes"] = AccessRule.InBox(Permission.ReadBoxes, "code"),
        ["/not-found"] = AccessRule.SignedIn,
        ["/boxes/override"] = AccessRule.InBox(Permission.OverrideTally, "code"),
        ["/calls/enter"] = AccessRule.InBox(Permission.EnterPhonedTally, "code"),
        ["/admin/users"] = new(Permission.ManageUsers),
        ["/admin/audit"] = new(Permission.ReadAudit),

        // Manual actions, each written to the audit trail.
        ["/api/v1/boxes/override"] = AccessRule.InBox(Permission.OverrideTally, "code"),
        ["/api/v1/calls/tally"] = AccessRule.InBox(Permission.EnterPhonedTally, "code"),
        [IncidentEndpoints.ReportPath] = AccessRule.Filtered(Permission.ReportIncident),
        [IncidentEndpoints.HandlePath] = AccessRule.Filtered(Permission.HandleIncidents),
        [CallEndpoints.ClaimPath] = AccessRule.InBox(Permission.EnterPhonedTally, "code"),
        ["/api/v1/admin/sources"] = new(Permission.ManageSources),
        ["/api/v1/admin/sources/{id}/retire"] = new(Permission.ManageSources),
        ["/api/v1/admin/sources/{id}/reinstate"] = new(Permission.ManageSources),
        ["/api/v1/admin/users"] = new(Permission.ManageUsers),
        ["/api/v1/admin/users/{name}"] = new(Permission.ManageUsers),
        ["/api/v1/admin/users/{name}/disable"] = new(Permission.ManageUsers),
        ["/api/v1/admin/keys"] = new(Permission.ManageKeys),
        ["/api/v1/admin/keys/{id}/revoke"] = new(Permission.ManageKeys),
        ["/api/v1/admin/audit"] = new(Permission.ReadAudit),
    };

    private static readonly FrozenDictionary<string, AccessRule> Frozen = Table.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Rules of the live hub's methods, by name.</summary>
    public static IReadOnlyDictionary<string, AccessRule> HubMethods { get; } = new Dictionary<string, AccessRule>
    {
        [nameof(LiveHub.Current)] = AccessRule.SignedIn,
    }.ToFrozenDictionary();

    public static IEnumerable<string> Patterns => Frozen.Keys;

    /// <summary>The rule of a route pattern (as the endpoint was mapped), or null when it has none.</summary>
    public static AccessRule? For(string? pattern) =>
        pattern is not null && Frozen.TryGetValue(Normalise(pattern), out var rule) ? rule : null;

    private static string Normalise(string pattern) => pattern.Length > 1 ? "/" + pattern.Trim('/') : "/";
}
