using Sandik.Domain.Geography;
using Sandik.Server.Identity;

namespace Sandik.Server.Anomalies;

/// <summary>Where a ranking may look for a user: the area asked for, kept inside the user's scope.</summary>
public static class AnomalyScope
{
    /// <summary>
    /// The area to rank: the one asked for when the scope covers it; the scope itself when nothing is asked, or when
    /// the area asked for holds the scope (a province coordinator asking for the whole country sees their province).
    /// </summary>
    /// <param name="area">Null for the whole country.</param>
    /// <returns>False when the area lies outside the scope or does not exist: nothing to show.</returns>
    public static bool Narrow(ElectionGeography geography, AreaScope scope, string? requested, out string? area)
    {
        area = null;
        if (requested is null)
        {
            area = scope.IsNational ? null : scope.Code;
            return scope.IsNational || geography.TryGetArea(scope.Code, out _);
        }
        if (!geography.TryGetArea(requested, out var asked)) return false;
        if (scope.Covers(geography, asked.Index))
        {
            area = requested;
            return true;
        }
        if (!geography.TryGetArea(scope.Code, out var own) || !new AreaScope(asked.Code).Covers(geography, own.Index)) return false;
        area = own.Code;
        return true;
    }
}
