using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Sandik.Server.Live;

namespace Sandik.Server.Identity;

/// <summary>The one authorization requirement of every endpoint: the endpoint's <see cref="AccessRules"/> entry.</summary>
public sealed class AccessRequirement : IAuthorizationRequirement
{
    public static AccessRequirement Instance { get; } = new();
}

/// <summary>
/// Decides <see cref="AccessRequirement"/> for an HTTP request: finds the rule of the endpoint it was routed to and
/// applies it to the signed-in user and the request's area or box. An endpoint
/// without a rule fails; a request that matched none passes on to its 404.
/// </summary>
public sealed class AccessHandler(ElectionHost host, ILogger<AccessHandler> logger) : AuthorizationHandler<AccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http) return Task.CompletedTask;
        if (http.GetEndpoint() is null)
        {
            // Nothing will answer but a 404; refusing would only tell a caller which paths exist.
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var rule = AccessRules.For(pattern);
        if (rule is null && pattern is not null) logger.LogWarning("Endpoint {Pattern} has no access rule; refused", pattern);
        if (AccessDecision.Decide(rule, context.User, host, name => Parameter(http, name)) == Access.Allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private static string? Parameter(HttpContext http, string name) =>
        http.GetRouteValue(name)?.ToString() is { Length: > 0 } routed ? routed : http.Request.Query[name].FirstOrDefault();
}
