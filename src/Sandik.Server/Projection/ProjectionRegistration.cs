using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sandik.Server.Hosting;
using Sandik.Storage.Projection;

namespace Sandik.Server.Projection;

/// <summary>The live projection's service, shared by the API and the screens.</summary>
public static class ProjectionRegistration
{
    public static IServiceCollection AddLiveProjection(this IServiceCollection services)
    {
        services.AddSingleton<ProjectionWorker>();
        services.AddSingleton(sp => new GoldenSampleStore(sp.GetRequiredService<IOptions<SandikServerOptions>>().Value.Store));
        services.AddSingleton<ProjectionService>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionService>());
        return services;
    }
}
