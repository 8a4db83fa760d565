using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sandik.Server.Audit;
using Sandik.Server.Ingest;
using Sandik.Server.Live;
using Sandik.Storage.Audit;
using Sandik.Storage.Identity;
using Sandik.Storage.Keys;

namespace Sandik.Server.Identity;

/// <summary>Registers users, sign-in, authorization and the audit trail.</summary>
public static class AccessRegistration
{
    public const string SignInLimit = "sign-in";

    /// <summary>Users, their administration and the audit trail over a store: what the command line needs too.</summary>
    public static IServiceCollection AddSandikAccounts(this IServiceCollection services, string store)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new ApiKeyStore(store));
        services.TryAddSingleton<ApiKeyRegistry>();
        services.AddSingleton(_ => new UserAccountStore(store));
        services.AddSingleton(_ => new KeyIssuerStore(store));
        services.AddSingleton(_ => new ProtectionKeyStore(store));
        services.AddSingleton(_ => new AuditTrail(store));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<SessionGuard>();
        services.AddScoped<UserAdministration>();
        services.AddIdentityCore<UserAccount>(SessionSetup.ConfigureIdentity)
            .AddUserStore<AccountUserStore>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddTokenProvider<AuthenticatorTokenProvider<UserAccount>>(TokenOptions.DefaultAuthenticatorProvider);
        return services;
    }

    /// <summary>Everything the web server needs on top of <see cref="AddSandikAccounts"/>.</summary>
    public static IServiceCollection AddSandikAccess(this IServiceCollection services, string store)
    {
        services.AddSandikAccounts(store);
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section);
        services.AddHostedService<AccessSetup>();
        services.AddScoped<SignInManager<UserAccount>, AccountSignInManager>();
        services.AddScoped<ISecurityStampValidator, SecurityStampValidator<UserAccount>>();
        services.AddScoped<ITwoFactorSecurityStampValidator, TwoFactorSecurityStampValidator<UserAccount>>();
        services.AddScoped<KeyAdministration>();
        services.AddScoped<BoxOverride>();
        services.AddScoped<PhonedTally>();
        services.AddScoped<SourceAdministration>();
        services.AddHttpContextAccessor();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AccessOptions>>(SessionSetup.ConfigureSession);
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = "sandik.second-factor";
            cookie.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<SecurityStampValidatorOptions>(SessionSetup.ConfigureStamps);

        services.AddSingleton<IAuthorizationHandler, AccessHandler>();
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(AccessRequirement.Instance).Build());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddScoped<CircuitHandler, CircuitAccess>();
        services.AddSingleton<LiveAccessFilter>();
        // The live hub only: Blazor's own hub carries the circuits, which CircuitAccess guards.
        services.AddSignalR().AddHubOptions<LiveHub>(hub => hub.AddFilter<LiveAccessFilter>());

        services.AddDataProtection().SetApplicationName("Sandik");
        services.AddOptions<KeyManagementOptions>().Configure<ProtectionKeyStore, TimeProvider>((keys, table, time) =>
            keys.XmlRepository = new DatabaseKeyRepository(table, time));
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IOptions<AccessOptions>>((limiter, access) =>
            limiter.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, access.Value.SignInAttemptsPerMinute), Window = TimeSpan.FromMinutes(1) })));
        return services;
    }

    /// <summary>Authentication and authorization, placed after the static files (which anyone may fetch) and before the endpoints.</summary>
    public static IApplicationBuilder UseSandikAccess(this IApplicationBuilder app) => app.UseAuthentication().UseAuthorization();

    public static IEndpointRouteBuilder MapSandikAccess(this IEndpointRouteBuilder app)
    {
        app.MapAccount();
        app.MapAdministration();
        app.MapOverrides();
        app.MapAudit();
        return app;
    }
}
