using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sandik.Storage.Identity;

namespace Sandik.Server.Identity;

/// <summary>
/// Tells whether a long-lived session (a Blazor circuit, a hub connection) still belongs to an enabled user with the
/// same security stamp. HTTP requests are checked against the store on every request by the cookie handler; circuits
/// and hub connections are checked here on every message, against a copy of the user at most
/// <see cref="MaxAge"/> old. A change made on this node (<see cref="End"/>) takes effect at once; one made on another
/// node within <see cref="MaxAge"/>. Thread-safe.
/// </summary>
public sealed class SessionGuard(UserAccountStore store, IOptions<IdentityOptions> options, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (string Stamp, bool Enabled, DateTimeOffset ReadAt)> _users = new();

    /// <summary>Raised with a user's id when their sessions must end now (disabled, role or credentials changed).</summary>
    public event Action<string>? Ended;

    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.Identity?.IsAuthenticated != true) return false;
        var id = principal.IdOf();
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        if (id is null || stamp is null) return false;
        var now = time.GetUtcNow();
        if (!_users.TryGetValue(id, out var known) || now - known.ReadAt > MaxAge)
        {
            var user = await store.FindByIdAsync(id, ct);
            known = (user?.SecurityStamp ?? "", user is { Disabled: false }, now);
            _users[id] = known;
        }
        return known.Enabled && known.Stamp == stamp;
    }

    /// <summary>Ends a user's circuits and hub connections on this node now; other nodes notice within <see cref="MaxAge"/>.</summary>
    public void End(string userId)
    {
        _users.TryRemove(userId, out _);
        Ended?.Invoke(userId);
    }
}
