using System.Security.Claims;
using Sandik.Server.Live;

namespace Sandik.Server.Identity;

/// <summary>What a rule says about one user and one request, from the most to the least open.</summary>
public enum Access
{
    Allowed,

    /// <summary>No one is signed in: sign in first.</summary>
    SignIn,

    /// <summary>Signed in, but the role or the scope does not allow it.</summary>
    Forbidden,
}

/// <summary>Applies an <see cref="AccessRule"/>: the same decision for HTTP requests, screens inside a circuit and hub calls.</summary>
public static class AccessDecision
{
    /// <param name="parameter">Reads a named value of the request (route value or query); null when absent.</param>
    public static Access Decide(AccessRule? rule, ClaimsPrincipal user, ElectionHost host, Func<string, string?> parameter)
    {
        if (rule is null) return user.Identity?.IsAuthenticated == true ? Access.Forbidden : Access.SignIn;
        if (rule.Permission == Permission.Anyone) return Access.Allowed;
        if (user.Identity?.IsAuthenticated != true) return Access.SignIn;
        if (!user.Has(rule.Permission)) return Access.Forbidden;
        var scope = user.ScopeOf();
        if (scope.IsNational) return Access.Allowed;
        return rule.Scope switch
        {
            ScopeCheck.None or ScopeCheck.Filtered => Access.Allowed,
            ScopeCheck.National => Access.Forbidden,
            ScopeCheck.Area => AreaInScope(host, scope, parameter(rule.Parameter!)),
            ScopeCheck.Box => BoxInScope(host, scope, parameter(rule.Parameter!)),
            _ => Access.Forbidden,
        };
    }

    private static Access AreaInScope(ElectionHost host, AreaScope scope, string? captured)
    {
        var geography = host.Election.Geography;
        // Read the code the way the screens do: a route may hand it over still escaped.
        var code = string.IsNullOrEmpty(captured) ? null : Uri.UnescapeDataString(captured).Trim('/');
        // No area named means the whole country; an unknown one is refused rather than answered with a 404 that
        // tells a scoped user which codes exist elsewhere.
        if (string.IsNullOrEmpty(code) || !geography.TryGetArea(code, out var area)) return Access.Forbidden;
        return scope.Covers(geography, area.Index) ? Access.Allowed : Access.Forbidden;
    }

    private static Access BoxInScope(ElectionHost host, AreaScope scope, string? code)
    {
        var geography = host.Election.Geography;
        if (string.IsNullOrEmpty(code) || !geography.TryGetBox(code, out var box)) return Access.Forbidden;
        return scope.CoversBox(geography, box.Index) ? Access.Allowed : Access.Forbidden;
    }
}
