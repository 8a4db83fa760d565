using System.Security.Claims;

namespace Sandik.Server.Identity;

/// <summary>The claims a Sandik session carries besides the user's id and name: the role and the area scope.</summary>
public static class AccessClaims
{
    public const string Scope = "sandik:scope";

    /// <summary>How the session was authenticated; Identity writes <c>mfa</c> after a second factor.</summary>
    public const string AuthenticationMethod = "amr";
    public const string SecondFactor = "mfa";

    public static string? RoleOf(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    public static AreaScope ScopeOf(this ClaimsPrincipal user) => AreaScope.Parse(user.FindFirstValue(Scope));

    public static string? IdOf(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool UsedSecondFactor(this ClaimsPrincipal user) => user.HasClaim(AuthenticationMethod, SecondFactor);

    public static string NameOf(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}
