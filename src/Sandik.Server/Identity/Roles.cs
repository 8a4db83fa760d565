namespace Sandik.Server.Identity;

/// <summary>The roles a user can hold; each user holds exactly one. What each may do is in <see cref="Permissions"/>.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string HqAnalyst = "hq-analyst";
    public const string ProvinceCoordinator = "province-coordinator";
    public const string DistrictCoordinator = "district-coordinator";
    public const string CallCentre = "call-centre";
    public const string DataEntry = "data-entry";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Administrator, HqAnalyst, ProvinceCoordinator, DistrictCoordinator, CallCentre, DataEntry, Viewer];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    /// <summary>Roles that can change counts or people: they never get a session without a second factor.</summary>
    public static bool RequiresSecondFactor(string? role) => role is Administrator or ProvinceCoordinator or DistrictCoordinator;

    /// <summary>Roles that must see the whole country (an administrator manages everyone, so cannot be scoped).</summary>
    public static bool MustBeNational(string? role) => role is Administrator;
}
