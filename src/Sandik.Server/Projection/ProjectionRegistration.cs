using Microsoft.Extensions.DependencyInjection;

namespace Sandik.Server.Projection;

/// <summary>The live projection's service, shared by the API and the screens.</summary>
public static class ProjectionRegistration
{
    public static IServiceCollection AddLiveProjection(this IServiceCollection services)
    {
        services.AddSingleton<ProjectionWorker>();
        services.AddSingleton<ProjectionService>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionService>());
        return services;
    }
}
