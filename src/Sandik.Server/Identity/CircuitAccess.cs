using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Logging;

namespace Sandik.Server.Identity;

/// <summary>
/// Ends a screen's session in the browser when its user's session ends: every message from the browser is checked first
/// (a disabled user's next click goes nowhere: it is dropped, and the browser is sent to sign in again), and the session
/// is revalidated every second in between (so an open screen stops showing results to them without any click).
/// </summary>
public sealed class CircuitAccess(AuthenticationStateProvider authentication, SessionGuard guard, NavigationManager nav) : CircuitHandler
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
            // Dropping the message would leave the screen as it is; closing the circuit could lose the way out.
            nav.NavigateTo(AccountEndpoints.LoginPath, forceLoad: true);
        };
}

/// <summary>Rechecks a circuit's user every second; when the session has ended the circuit's user becomes anonymous.</summary>
public sealed class SessionRevalidation(ILoggerFactory logs, SessionGuard guard) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => SessionGuard.MaxAge;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        await guard.IsCurrentAsync(state.User, ct);
}
