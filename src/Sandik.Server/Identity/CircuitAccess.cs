using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Logging;

namespace Sandik.Server.Identity;

/// <summary>
/// Ends a screen's session in the browser when its user's session ends: every message from the browser is checked first
/// (a disabled user's next click goes nowhere: it is dropped), and the session is revalidated every second in between
/// (so an open screen goes to the sign-in page without any click).
/// </summary>
public sealed class CircuitAccess(AuthenticationStateProvider authentication, SessionGuard guard) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var state = await authentication.GetAuthenticationStateAsync();
            if (await guard.IsCurrentAsync(state.User))
            {
                await next(context);
                return;
            }
            // The message is dropped. The circuit stays open, so that the revalidation (at most a second later) can still send
            // the browser to sign in (GuardedRouteView); closing it here could lose that way out.
        };
}

/// <summary>Rechecks a circuit's user every second; when the session has ended the circuit's user becomes anonymous.</summary>
public sealed class SessionRevalidation(ILoggerFactory logs, SessionGuard guard) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => SessionGuard.MaxAge;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        await guard.IsCurrentAsync(state.User, ct);
}
