using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Logging;

namespace Sandik.Server.Identity;

/// <summary>
/// Ends a screen's circuit when its user's session ends: every message from the browser is checked first (so a
/// disabled user's next click goes nowhere), and the session is revalidated every second in between (so an open
/// screen stops showing results to them without any click).
/// </summary>
public sealed class CircuitAccess(AuthenticationStateProvider authentication, SessionGuard guard) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var state = await authentication.GetAuthenticationStateAsync();
            if (!await guard.IsCurrentAsync(state.User)) throw new SessionEndedException();
            await next(context);
        };
}

/// <summary>Thrown inside a circuit whose session has ended; it closes the circuit.</summary>
public sealed class SessionEndedException() : InvalidOperationException("The session has ended; sign in again.");

/// <summary>Rechecks a circuit's user every second; when the session has ended the circuit's user becomes anonymous.</summary>
public sealed class SessionRevalidation(ILoggerFactory logs, SessionGuard guard) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => SessionGuard.MaxAge;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        await guard.IsCurrentAsync(state.User, ct);
}
