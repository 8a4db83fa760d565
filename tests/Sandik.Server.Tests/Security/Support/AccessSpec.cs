using Sandik.Server.Identity;

namespace Sandik.Server.Tests.Security.Support;

/// <summary>Where a request reaches into the geography, as the test sees it.</summary>
public enum Where { Anywhere, NationalOnly, AreaParameter, BoxParameter, OwnScope }

/// <summary>
/// Who may call an endpoint, stated in roles, written out here independently of the server's rule table: the matrix
/// passes only when the two agree, so a change to either needs a deliberate change to the other.
/// </summary>
public sealed record AccessSpec(IReadOnlySet<string>? Roles, Where Where = Where.Anywhere, string? Parameter = null)
{
    private static readonly string[] All = [.. Sandik.Server.Identity.Roles.All];
    private static readonly string[] Readers = [Sandik.Server.Identity.Roles.Administrator, Sandik.Server.Identity.Roles.HqAnalyst,
        Sandik.Server.Identity.Roles.ProvinceCoordinator, Sandik.Server.Identity.Roles.DistrictCoordinator, Sandik.Server.Identity.Roles.CallCentre,
        Sandik.Server.Identity.Roles.Viewer];
    private static readonly string[] BoxReaders = [.. Readers, Sandik.Server.Identity.Roles.DataEntry];
    private static readonly string[] Operations = [Sandik.Server.Identity.Roles.Administrator, Sandik.Server.Identity.Roles.HqAnalyst];
    private static readonly string[] Overriders = [Sandik.Server.Identity.Roles.Administrator, Sandik.Server.Identity.Roles.ProvinceCoordinator,
        Sandik.Server.Identity.Roles.DistrictCoordinator];
    private static readonly string[] Administrators = [Sandik.Server.Identity.Roles.Administrator];
    private static readonly string[] Callers = [Sandik.Server.Identity.Roles.Administrator, Sandik.Server.Identity.Roles.CallCentre];
    private static readonly string[] Reporters = [Sandik.Server.Identity.Roles.Administrator, Sandik.Server.Identity.Roles.HqAnalyst,
        Sandik.Server.Identity.Roles.ProvinceCoordinator, Sandik.Server.Identity.Roles.DistrictCoordinator, Sandik.Server.Identity.Roles.CallCentre,
        Sandik.Server.Identity.Roles.DataEntry];
    private static readonly string[] Handlers = [Sandik.Server.Identity.Roles.Administrator, Sandik.Server.Identity.Roles.HqAnalyst,
        Sandik.Server.Identity.Roles.ProvinceCoordinator, Sandik.Server.Identity.Roles.DistrictCoordinator];

    public static AccessSpec Anyone { get; } = new((IReadOnlySet<string>?)null);
    public static AccessSpec SignedIn { get; } = Of(All);

    /// <summary>The whole server as the test expects it, by route pattern.</summary>
    public static IReadOnlyDictionary<string, AccessSpec> ByPattern { get; } = new Dictionary<string, AccessSpec>
    {
        ["/api/v1/submissions"] = Anyone,
        ["/api/v1/submissions/batch"] = Anyone,
        ["/api/v1/requests"] = Anyone,
        ["/public"] = Anyone,
        ["/api/v1/public/results"] = Anyone,
        ["/public/request"] = Anyone,
        ["/account/login"] = Anyone,
        ["/account/two-factor"] = Anyone,
        ["/account/enrol"] = Anyone,
        ["/account/logout"] = Anyone,
        ["/api/v1/election"] = SignedIn,
        ["/api/v1/results"] = Of(Readers, Where.AreaParameter, "area"),
        ["/api/v1/boxes/explain"] = Of(BoxReaders, Where.BoxParameter, "code"),
        ["/api/v1/conflicts"] = Of(BoxReaders, Where.OwnScope),
        ["/api/v1/map/provinces"] = Of(Readers),
        ["/api/v1/export/areas.csv"] = Of(Readers, Where.AreaParameter, "area"),
        ["/api/v1/projection"] = Of(Readers, Where.NationalOnly),
        ["/api/v1/projection/history"] = Of(Readers, Where.NationalOnly),
        ["/api/v1/metrics/ingest"] = Of(Operations, Where.NationalOnly),
        ["/api/v1/anomalies"] = Of(BoxReaders, Where.OwnScope),
        ["/api/v1/anomalies.csv"] = Of(BoxReaders, Where.OwnScope),
        ["/api/v1/anomalies/reinforcement"] = Of(BoxReaders, Where.OwnScope),
        ["/api/v1/anomalies/map"] = Of(BoxReaders, Where.OwnScope),
        ["/api/v1/calls"] = Of(BoxReaders, Where.OwnScope),
        ["/api/v1/incidents"] = Of(BoxReaders, Where.OwnScope),
        ["/api/v1/incidents/{id}"] = Of(BoxReaders, Where.OwnScope),
        ["/api/v1/incidents/report"] = Of(Reporters, Where.OwnScope),
        ["/api/v1/incidents/{id}/handle"] = Of(Handlers, Where.OwnScope),
        ["/api/v1/analysis/seats"] = Of(Readers, Where.NationalOnly),
        ["/api/v1/analysis/swing"] = Of(Readers, Where.AreaParameter, "area"),
        ["/openapi/{documentName}.json"] = Of(Operations),
        ["/hubs/live"] = SignedIn,
        ["/hubs/live/negotiate"] = SignedIn,
        ["/_blazor"] = SignedIn,
        ["/_blazor/negotiate"] = SignedIn,
        ["/_blazor/disconnect"] = SignedIn,
        ["/_blazor/initializers"] = SignedIn,
        ["/_framework/opaque-redirect"] = SignedIn,
        ["/"] = Of(Readers, Where.NationalOnly),
        ["/map"] = Of(Readers, Where.NationalOnly),
        ["/sources"] = Of(Readers, Where.NationalOnly),
        ["/conflicts"] = Of(BoxReaders, Where.NationalOnly),
        ["/anomalies"] = Of(BoxReaders, Where.OwnScope),
        ["/calls"] = Of(BoxReaders, Where.OwnScope),
        ["/analysis"] = Of(Readers, Where.NationalOnly),
        ["/incidents"] = Of(BoxReaders, Where.OwnScope),
        ["/incidents/{Id}"] = Of(BoxReaders, Where.OwnScope),
        ["/areas"] = Of(Readers, Where.NationalOnly),
        ["/areas/{*Code}"] = Of(Readers, Where.AreaParameter, "{*Code}"),
        ["/boxes"] = Of(BoxReaders, Where.BoxParameter, "code"),
        ["/not-found"] = SignedIn,
        ["/boxes/override"] = Of(Overriders, Where.BoxParameter, "code"),
        ["/calls/enter"] = Of(Callers, Where.BoxParameter, "code"),
        ["/admin/users"] = Of(Administrators),
        ["/admin/audit"] = Of(Administrators),
        ["/api/v1/boxes/override"] = Of(Overriders, Where.BoxParameter, "code"),
        ["/api/v1/calls/tally"] = Of(Callers, Where.BoxParameter, "code"),
        ["/api/v1/calls/claim"] = Of(Callers, Where.BoxParameter, "code"),
        ["/api/v1/admin/sources"] = Of(Administrators),
        ["/api/v1/admin/sources/{id}/retire"] = Of(Administrators),
        ["/api/v1/admin/sources/{id}/reinstate"] = Of(Administrators),
        ["/api/v1/admin/users"] = Of(Administrators),
        ["/api/v1/admin/users/{name}"] = Of(Administrators),
        ["/api/v1/admin/users/{name}/disable"] = Of(Administrators),
        ["/api/v1/admin/keys"] = Of(Administrators),
        ["/api/v1/admin/keys/{id}/revoke"] = Of(Administrators),
        ["/api/v1/admin/audit"] = Of(Administrators),
    };

    /// <summary>The live hub's methods.</summary>
    public static IReadOnlyDictionary<string, AccessSpec> HubMethods { get; } = new Dictionary<string, AccessSpec>
    {
        ["Current"] = SignedIn,
    };

    /// <summary>Whether the identity may make the request, which names <paramref name="place"/> (null: none).</summary>
    public bool Allows(Person who, string? place)
    {
        if (Roles is null) return true;
        if (who.Anonymous || !Roles.Contains(who.Role!)) return false;
        return Where switch
        {
            Where.NationalOnly => who.Scope.Length == 0,
            Where.AreaParameter or Where.BoxParameter => who.Covers(place),
            _ => true,
        };
    }

    private static AccessSpec Of(string[] roles, Where where = Where.Anywhere, string? parameter = null) => new(roles.ToHashSet(), where, parameter);
}
