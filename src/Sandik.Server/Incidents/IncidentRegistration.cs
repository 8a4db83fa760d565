using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sandik.Server.Hosting;
using Sandik.Storage.Incidents;

namespace Sandik.Server.Incidents;

public static class IncidentRegistration
{
    /// <summary>The incident store over the server's store, its tables made at start, and the limit on citizens' requests.</summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services, string store)
    {
        services.AddSingleton(_ => new IncidentStore(store));
        services.AddSingleton<IncidentDesk>();
        services.AddHostedService<IncidentSetup>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SandikServerOptions>>((limiter, options) =>
            limiter.AddPolicy(IncidentEndpoints.RequestLimit, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.Value.CitizenRequestsPerMinute), Window = TimeSpan.FromMinutes(1) })));
        return services;
    }

    private sealed class IncidentSetup(IncidentStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => store.InitializeAsync(ct);

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
