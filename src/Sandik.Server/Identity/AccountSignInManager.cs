using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandik.Storage.Identity;

namespace Sandik.Server.Identity;

/// <summary>
/// Identity's sign-in rules with Sandik's: a disabled user cannot sign in, and a session is only valid while its user
/// is enabled and its security stamp is current.
/// </summary>
public sealed class AccountSignInManager(UserManager<UserAccount> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<UserAccount> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<UserAccount>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<UserAccount> confirmation)
    : SignInManager<UserAccount>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(UserAccount user) => !user.Disabled && Roles.IsKnown(user.Role) && await base.CanSignInAsync(user);

    public override async Task<UserAccount?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { Disabled: false } ? user : null;
    }
}
