namespace Sandik.Server.Identity;

/// <summary>How a request's place in the geography is checked against the user's scope.</summary>
public enum ScopeCheck
{
    /// <summary>The request shows nothing tied to a place (the election's definition, outlines, the live channel).</summary>
    None,

    /// <summary>The request shows the whole country: only users with a national scope.</summary>
    National,

    /// <summary>A query parameter names an area (absent: the whole country); it must lie inside the scope.</summary>
    Area,

    /// <summary>A query parameter names a ballot box; it must lie inside the scope.</summary>
    Box,

    /// <summary>The handler itself keeps to the user's scope (it lists only what lies inside it).</summary>
    Filtered,
}

/// <summary>Who may reach an endpoint, a page or a hub method: a permission, and where.</summary>
public sealed record AccessRule(Permission Permission, ScopeCheck Scope = ScopeCheck.None, string? Parameter = null)
{
    public static AccessRule Anyone { get; } = new(Permission.Anyone);
    public static AccessRule SignedIn { get; } = new(Permission.SignedIn);

    public static AccessRule National(Permission permission) => new(permission, ScopeCheck.National);
    public static AccessRule InArea(Permission permission, string parameter) => new(permission, ScopeCheck.Area, parameter);
    public static AccessRule InBox(Permission permission, string parameter) => new(permission, ScopeCheck.Box, parameter);
    public static AccessRule Filtered(Permission permission) => new(permission, ScopeCheck.Filtered);

    public override string ToString() => Scope switch
    {
        ScopeCheck.None => Permission.ToString(),
        ScopeCheck.Area or ScopeCheck.Box => $"{Permission} in scope ({Scope.ToString().ToLowerInvariant()} '{Parameter}')",
        _ => $"{Permission}, {Scope.ToString().ToLowerInvariant()}",
    };
}
