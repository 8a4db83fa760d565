using System.Collections.Frozen;
using System.Security.Claims;

namespace Sandik.Server.Identity;

/// <summary>What each role may do. Where it may do it is the user's scope (see <see cref="AreaScope"/>).</summary>
public static class Permissions
{
    private static readonly Permission[] Reader = [Permission.SignedIn, Permission.ReadResults, Permission.ReadBoxes];

    private static readonly FrozenDictionary<string, FrozenSet<Permission>> Grants = new Dictionary<string, Permission[]>
    {
        [Roles.Administrator] = Enum.GetValues<Permission>(),
        [Roles.HqAnalyst] = [.. Reader, Permission.ReadOperations, Permission.ReportIncident, Permission.HandleIncidents],
        [Roles.ProvinceCoordinator] = [.. Reader, Permission.SeeReporter, Permission.OverrideTally, Permission.ReportIncident, Permission.HandleIncidents],
        [Roles.DistrictCoordinator] = [.. Reader, Permission.SeeReporter, Permission.OverrideTally, Permission.ReportIncident, Permission.HandleIncidents],
        [Roles.CallCentre] = [.. Reader, Permission.SeeReporter, Permission.EnterPhonedTally, Permission.ReportIncident],
        [Roles.DataEntry] = [Permission.SignedIn, Permission.ReadBoxes, Permission.ReportIncident],
        [Roles.Viewer] = Reader,
    }.ToFrozenDictionary(p => p.Key, p => p.Value.Append(Permission.Anyone).ToFrozenSet());

    public static bool Allows(string? role, Permission permission) =>
        permission == Permission.Anyone || (role is not null && Grants.TryGetValue(role, out var granted) && granted.Contains(permission));

    /// <summary>
    /// Whether a signed-in user's role grants a permission (anyone is granted <see cref="Permission.Anyone"/>). A session
    /// of a role that needs a second factor grants nothing unless it was opened with one.
    /// </summary>
    public static bool Has(this ClaimsPrincipal user, Permission permission)
    {
        if (permission == Permission.Anyone) return true;
        if (user.Identity?.IsAuthenticated != true) return false;
        var role = user.RoleOf();
        if (Roles.RequiresSecondFactor(role) && !user.UsedSecondFactor()) return false;
        return Allows(role, permission);
    }
}
