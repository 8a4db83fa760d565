using Microsoft.Extensions.DependencyInjection;

namespace Sandik.Server.Anomalies;

/// <summary>The live anomaly ranking: one detector kept current in the background.</summary>
public static class AnomalyRegistration
{
    /// <summary>Registers <see cref="LiveAnomalies"/>; call after the election loader, whose start it waits for.</summary>
    public static IServiceCollection AddLiveAnomalies(this IServiceCollection services)
    {
        services.AddSingleton<LiveAnomalies>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveAnomalies>());
        return services;
    }
}
