using Microsoft.Extensions.DependencyInjection;

namespace Sandik.Server.Ui;

/// <summary>The services behind the operations centre's screens (the Blazor components are registered beside it).</summary>
public static class UiRegistration
{
    public static IServiceCollection AddOperationsCentre(this IServiceCollection services)
    {
        services.AddSingleton<SourceFlow>();
        services.AddSingleton<CallClaims>();
        services.AddSingleton<CallList>();
        services.AddHostedService(sp => sp.GetRequiredService<SourceFlow>());
        services.AddSingleton<ProvinceMapFile>();
        return services;
    }
}
