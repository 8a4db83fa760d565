using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Sandik.Server.Live;

namespace Sandik.Server.Identity;

/// <summary>
/// Guards the live hub after the handshake: every method call must have a rule in <see cref="AccessRules.HubMethods"/>
/// and come from a session that is still current; a user whose sessions end is disconnected at once. Thread-safe.
/// </summary>
public sealed class LiveAccessFilter : IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();
    private readonly SessionGuard _guard;
    private readonly ElectionHost _host;

    public LiveAccessFilter(SessionGuard guard, ElectionHost host)
    {
        _guard = guard;
        _host = host;
        guard.Ended += userId =>
        {
            foreach (var connection in _connections.Values.Where(c => c.User?.IdOf() == userId)) connection.Abort();
        };
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (!await _guard.IsCurrentAsync(context.Context.User!)) throw new HubException("The session has ended; sign in again.");
        _connections[context.Context.ConnectionId] = context.Context;
        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _connections.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var user = invocation.Context.User!;
        if (!await _guard.IsCurrentAsync(user))
        {
            invocation.Context.Abort();
            throw new HubException("The session has ended; sign in again.");
        }
        var rule = AccessRules.HubMethods.GetValueOrDefault(invocation.HubMethodName);
        if (AccessDecision.Decide(rule, user, _host, _ => null) != Access.Allowed)
            throw new HubException($"Not allowed: {invocation.HubMethodName}.");
        return await next(invocation);
    }
}
