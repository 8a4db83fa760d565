using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandik.Server.Analysis;
using Sandik.Server.Anomalies;
using Sandik.Server.Audit;
using Sandik.Server.Cluster;
using Sandik.Server.Components;
using Sandik.Server.Identity;
using Sandik.Server.Incidents;
using Sandik.Server.Ingest;
using Sandik.Server.Live;
using Sandik.Server.Problems;
using Sandik.Server.Public;
using Sandik.Server.Projection;
using Sandik.Server.Results;
using Sandik.Server.Ui;
using Sandik.Storage;
using Sandik.Storage.Keys;

namespace Sandik.Server.Hosting;

/// <summary>Builds Sandik's web server: the ingest and results APIs, the live hub, and the operations centre.</summary>
public static class SandikServer
{
    /// <param name="configure">Last word on the builder (tests use it to pick a port or a clock).</param>
    public static WebApplication Build(SandikServerOptions options, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ApplicationName = typeof(SandikServer).Assembly.GetName().Name });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSandik(options);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseSandik();
        return app;
    }

    public static IServiceCollection AddSandik(this IServiceCollection services, SandikServerOptions options)
    {
        ClusterSetup.Check(options);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => ElectionStores.Open(options.Store));
        services.AddSingleton(_ => new ApiKeyStore(options.Store));
        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton<ElectionHost>();
        services.AddHostedService<ElectionLoader>();
        services.AddHostedService<OverrideSourceSetup>();
        services.AddHostedService<KeyLoader>();
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton<KeyRateLimits>();
        services.AddSingleton<IngestQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestQueue>());
        services.AddSingleton<ClusterBus>();
        services.AddSingleton<LogFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<LogFollower>());
        services.AddSingleton<LiveNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveNotifier>());
        services.AddLiveAnomalies();
        services.AddSignalR();
        services.AddProblemDetails();
        services.AddSingleton<ProblemExceptionHandler>();
        services.AddSingleton<IExceptionHandler>(sp => sp.GetRequiredService<ProblemExceptionHandler>());
        services.AddOpenApi();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddOperationsCentre(options.Store);
        services.AddLiveProjection();
        services.AddSandikAccess(options.Store);
        services.AddIncidents(options.Store);
        services.AddOutputCache(cache => cache.AddPolicy(PublicEndpoints.CachePolicy, policy => policy.Expire(PublicEndpoints.Kept).SetVaryByQuery("area", "lang")));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                if (context.HttpContext.Request.Path.StartsWithSegments(PublicRequestEndpoints.Path))
                {
                    await PublicRequestEndpoints.RejectedAsync(context.HttpContext);
                    return;
                }
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await Problems.Problems.Of(429, "Too many requests", "Too many requests of this kind from this address; wait a minute and retry.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    public static WebApplication UseSandik(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseNotFoundScreen();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.MapOpenApi();
        app.MapIngest();
        app.MapResults();
        app.MapAnomalies();
        app.MapCalls();
        app.MapAnalysis();
        app.MapIncidents();
        app.MapPublicResults();
        app.MapPublicRequests();
        app.MapProjection();
        app.MapSandikAccess();
        app.MapHub<LiveHub>(LiveHub.Path);
        app.UseUiAssets();
        app.UseSandikAccess();
        app.UseAntiforgery();
        app.MapUi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private sealed class KeyLoader(ApiKeyStore store, ApiKeyRegistry registry) : Microsoft.Extensions.Hosting.IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            await store.InitializeAsync(ct);
            await registry.ReloadAsync(ct);
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
