using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sandik.Server.Identity;

/// <summary>Password, lockout, cookie and session-validation settings.</summary>
public static class SessionSetup
{
    public static void ConfigureStamps(SecurityStampValidatorOptions stamps)
    {
        // Every request checks the session against the store: a disabled user's next request fails.
        stamps.ValidationInterval = TimeSpan.Zero;
        stamps.OnRefreshingPrincipal = refresh =>
        {
            // Keep the record that the session was opened with a second factor.
            if (refresh.CurrentPrincipal?.FindFirst(AccessClaims.AuthenticationMethod) is { } method && refresh.NewPrincipal?.Identity is ClaimsIdentity identity)
                identity.AddClaim(new Claim(method.Type, method.Value));
            return Task.CompletedTask;
        };
    }

    public static void ConfigureIdentity(IdentityOptions identity)
    {
        // Length over composition rules: a long passphrase is both stronger and easier to remember.
        identity.Password.RequiredLength = 12;
        identity.Password.RequireDigit = false;
        identity.Password.RequireLowercase = false;
        identity.Password.RequireUppercase = false;
        identity.Password.RequireNonAlphanumeric = false;
        identity.Password.RequiredUniqueChars = 4;
        identity.Lockout.AllowedForNewUsers = true;
        identity.Lockout.MaxFailedAccessAttempts = 5;
        identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        identity.User.RequireUniqueEmail = false;
        identity.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+çğıöşüÇĞİÖŞÜ";
    }

    public static void ConfigureSession(CookieAuthenticationOptions cookie, IOptions<AccessOptions> access)
    {
        cookie.Cookie.Name = "sandik.session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = access.Value.SessionIdle;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = AccountEndpoints.LoginPath;
        cookie.LogoutPath = AccountEndpoints.LogoutPath;
        cookie.Events.OnRedirectToLogin = context =>
        {
            if (IsForPrograms(context.Request)) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            else context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    /// <summary>APIs and live channels answer 401 rather than redirect to a form no program can fill in.</summary>
    private static bool IsForPrograms(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/_blazor")
        || request.Path.StartsWithSegments("/openapi");
}
