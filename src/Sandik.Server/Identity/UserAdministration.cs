using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Sandik.Domain.Geography;
using Sandik.Server.Audit;
using Sandik.Server.Ingest;
using Sandik.Storage.Identity;

namespace Sandik.Server.Identity;

/// <summary>
/// Creates, changes and disables users; every change is audited. A change of role, scope or status renews the
/// user's security stamp, which ends their sessions: at the next request (cookies are checked against the store on
/// every request), at the next message of an open screen or hub connection, and at once on this node. Disabling a
/// user also revokes every API key they issued.
/// </summary>
public sealed class UserAdministration(UserManager<UserAccount> users, UserAccountStore store, KeyIssuerStore issuers, ApiKeyRegistry keys,
    SessionGuard guard, AuditLog audit, TimeProvider time)
{
    public sealed record Outcome(UserAccount? User, IReadOnlyList<string> Errors, string? Password = null)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    /// <summary>The state of a user as the audit trail records it (never a secret).</summary>
    public sealed record Summary(string Name, string Role, string Scope, bool TwoFactor, bool Disabled)
    {
        public static Summary Of(UserAccount u) => new(u.UserName, u.Role, u.Scope, u.TwoFactorEnabled, u.Disabled);
    }

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct = default) => store.ListAsync(ct);

    /// <param name="password">The first password; null to generate a random one (returned once in the outcome).</param>
    /// <param name="geography">Checks that the scope names an area; null where no election is at hand (the command line).</param>
    public async Task<Outcome> CreateAsync(Actor actor, string name, string role, string? scope, string? password, ElectionGeography? geography,
        CancellationToken ct = default)
    {
        var area = AreaScope.Parse(scope);
        if (Problem(role, area, geography) is { } problem) return new Outcome(null, [problem]);
        var user = new UserAccount { UserName = name.Trim(), Role = role, Scope = area.Code, CreatedAt = time.GetUtcNow() };
        var generated = password is null ? NewPassword() : null;
        var result = await users.CreateAsync(user, password ?? generated!);
        if (!result.Succeeded) return new Outcome(null, [.. result.Errors.Select(e => e.Description)]);
        await audit.RecordAsync(actor, AuditActions.UserCreate, user.UserName, null, Summary.Of(user), null, ct);
        return new Outcome(user, [], generated);
    }

    public async Task<Outcome> ChangeAsync(Actor actor, string name, string role, string? scope, ElectionGeography? geography, CancellationToken ct = default)
    {
        var user = await users.FindByNameAsync(name);
        if (user is null) return new Outcome(null, [$"There is no user '{name}'."]);
        var area = AreaScope.Parse(scope);
        if (Problem(role, area, geography) is { } problem) return new Outcome(null, [problem]);
        if (user.Role == Roles.Administrator && role != Roles.Administrator && await IsLastAdministratorAsync(user, ct))
            return new Outcome(null, ["This is the last enabled administrator; make another one first."]);
        var before = Summary.Of(user);
        user.Role = role;
        user.Scope = area.Code;
        // A new role may need a second factor its holder never enrolled; it is asked for at the next sign-in.
        return await SaveAsync(actor, AuditActions.UserChange, user, before, null, ct);
    }

    public async Task<Outcome> DisableAsync(Actor actor, string name, string? reason, CancellationToken ct = default)
    {
        var user = await users.FindByNameAsync(name);
        if (user is null) return new Outcome(null, [$"There is no user '{name}'."]);
        if (user.Disabled) return new Outcome(user, []);
        if (user.Role == Roles.Administrator && await IsLastAdministratorAsync(user, ct))
            return new Outcome(null, ["This is the last enabled administrator; make another one first."]);
        var before = Summary.Of(user);
        user.DisabledAt = time.GetUtcNow();
        var outcome = await SaveAsync(actor, AuditActions.UserDisable, user, before, reason, ct);
        if (!outcome.Succeeded) return outcome;
        foreach (var keyId in await issuers.KeysIssuedByAsync(user.Id, ct))
        {
            if (await keys.RevokeAsync(keyId, ct))
                await audit.RecordAsync(actor, AuditActions.KeyRevoke, keyId, null, new { issuedBy = user.UserName }, $"issuer {user.UserName} disabled", ct);
        }
        return outcome;
    }

    /// <summary>For someone who lost their authenticator: the next sign-in enrols a new one (their sessions end now).</summary>
    public async Task<Outcome> ResetSecondFactorAsync(Actor actor, string name, string? reason, CancellationToken ct = default)
    {
        var user = await users.FindByNameAsync(name);
        if (user is null) return new Outcome(null, [$"There is no user '{name}'."]);
        var before = Summary.Of(user);
        user.TwoFactorEnabled = false;
        user.AuthenticatorKey = null;
        return await SaveAsync(actor, AuditActions.UserResetSecondFactor, user, before, reason, ct);
    }

    private async Task<Outcome> SaveAsync(Actor actor, string action, UserAccount user, Summary before, string? reason, CancellationToken ct)
    {
        await users.UpdateSecurityStampAsync(user);
        var saved = await users.FindByIdAsync(user.Id);
        guard.End(user.Id);
        if (saved is null) return new Outcome(null, ["The user vanished while being saved."]);
        await audit.RecordAsync(actor, action, user.UserName, before, Summary.Of(saved), reason, ct);
        return new Outcome(saved, []);
    }

    private async Task<bool> IsLastAdministratorAsync(UserAccount user, CancellationToken ct) =>
        !(await store.ListAsync(ct)).Any(u => u.Id != user.Id && u.Role == Roles.Administrator && !u.Disabled);

    private static string? Problem(string role, AreaScope scope, ElectionGeography? geography)
    {
        if (!Roles.IsKnown(role)) return $"Unknown role '{role}'; roles: {string.Join(", ", Roles.All)}.";
        if (Roles.MustBeNational(role) && !scope.IsNational) return $"A {role} sees the whole country; leave the scope empty.";
        if (!scope.IsNational && geography is not null && !geography.TryGetArea(scope.Code, out _)) return $"There is no area '{scope.Code}'.";
        return null;
    }

    /// <summary>A random first password (about 120 bits), for a user an administrator creates.</summary>
    public static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
}
