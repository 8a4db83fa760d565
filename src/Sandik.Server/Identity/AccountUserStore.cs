using Microsoft.AspNetCore.Identity;
using Sandik.Storage.Identity;

namespace Sandik.Server.Identity;

/// <summary>
/// ASP.NET Core Identity's view of <see cref="UserAccountStore"/>: passwords, security stamps, lockout and the
/// authenticator key, in the store's own database. Users cannot be deleted, only disabled.
/// </summary>
public sealed class AccountUserStore(UserAccountStore store) :
    IUserPasswordStore<UserAccount>, IUserSecurityStampStore<UserAccount>, IUserLockoutStore<UserAccount>,
    IUserTwoFactorStore<UserAccount>, IUserAuthenticatorKeyStore<UserAccount>
{
    public Task<string> GetUserIdAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.Id);
    public Task<string?> GetUserNameAsync(UserAccount user, CancellationToken ct) => Task.FromResult<string?>(user.UserName);
    public Task SetUserNameAsync(UserAccount user, string? userName, CancellationToken ct) => Set(() => user.UserName = userName ?? "");
    public Task<string?> GetNormalizedUserNameAsync(UserAccount user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedUserName);
    public Task SetNormalizedUserNameAsync(UserAccount user, string? normalizedName, CancellationToken ct) => Set(() => user.NormalizedUserName = normalizedName ?? "");

    public async Task<IdentityResult> CreateAsync(UserAccount user, CancellationToken ct) =>
        await store.CreateAsync(user, ct)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "DuplicateUserName", Description = $"A user named '{user.UserName}' already exists." });

    public async Task<IdentityResult> UpdateAsync(UserAccount user, CancellationToken ct)
    {
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (await store.UpdateAsync(user, expected, ct)) return IdentityResult.Success;
        user.ConcurrencyStamp = expected;
        return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
    }

    public Task<IdentityResult> DeleteAsync(UserAccount user, CancellationToken ct) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "NoDelete", Description = "Users are disabled, never deleted." }));

    public Task<UserAccount?> FindByIdAsync(string userId, CancellationToken ct) => store.FindByIdAsync(userId, ct);
    public Task<UserAccount?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => store.FindByNameAsync(normalizedUserName, ct);

    public Task SetPasswordHashAsync(UserAccount user, string? passwordHash, CancellationToken ct) => Set(() => user.PasswordHash = passwordHash);
    public Task<string?> GetPasswordHashAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(UserAccount user, string stamp, CancellationToken ct) => Set(() => user.SecurityStamp = stamp);
    public Task<string?> GetSecurityStampAsync(UserAccount user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.LockoutEnd);
    public Task SetLockoutEndDateAsync(UserAccount user, DateTimeOffset? lockoutEnd, CancellationToken ct) => Set(() => user.LockoutEnd = lockoutEnd);
    public Task<int> IncrementAccessFailedCountAsync(UserAccount user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(UserAccount user, CancellationToken ct) => Set(() => user.AccessFailedCount = 0);
    public Task<int> GetAccessFailedCountAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);
    public Task SetLockoutEnabledAsync(UserAccount user, bool enabled, CancellationToken ct) => Set(() => user.LockoutEnabled = enabled);

    public Task SetTwoFactorEnabledAsync(UserAccount user, bool enabled, CancellationToken ct) => Set(() => user.TwoFactorEnabled = enabled);
    public Task<bool> GetTwoFactorEnabledAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(UserAccount user, string key, CancellationToken ct) => Set(() => user.AuthenticatorKey = key);
    public Task<string?> GetAuthenticatorKeyAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.AuthenticatorKey);

    public void Dispose() { }

    private static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }
}
