using System.Net;

namespace Sandik.Server.Tests.Security.Support;

/// <summary>One person the matrix acts as: a role and a scope (empty for the whole country), or no one.</summary>
public sealed record Person(string Label, string? Role, string Scope, HttpClient Client, CookieContainer Cookies)
{
    public bool Anonymous => Role is null;

    /// <summary>Whether a place (an area or box code) lies inside this identity's scope.</summary>
    public bool Covers(string? place) => Scope.Length == 0 || (place is not null && (place == Scope || place.StartsWith(Scope + "/", StringComparison.Ordinal)));

    public override string ToString() => Label;
}
