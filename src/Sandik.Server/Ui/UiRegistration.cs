using Microsoft.Extensions.DependencyInjection;
using Sandik.Storage.Calls;

namespace Sandik.Server.Ui;

/// <summary>The services behind the operations centre's screens (the Blazor components are registered beside it).</summary>
public static class UiRegistration
{
    public static IServiceCollection AddOperationsCentre(this IServiceCollection services, string store)
    {
        services.AddSingleton<SourceFlow>();
        services.AddSingleton(_ => new CallClaimStore(store));
        services.AddSingleton<CallClaims>();
        services.AddHostedService<CallClaims.Follower>();
        services.AddSingleton<CallList>();
        services.AddHostedService(sp => sp.GetRequiredService<SourceFlow>());
        services.AddSingleton<ProvinceMapFile>();
        return services;
    }
}
