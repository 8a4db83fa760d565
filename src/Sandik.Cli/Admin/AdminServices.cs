using Microsoft.Extensions.DependencyInjection;
using Sandik.Server.Identity;
using Sandik.Storage.Audit;
using Sandik.Storage.Identity;
using Sandik.Storage.Keys;

namespace Sandik.Cli.Admin;

/// <summary>The user administration of the server, over a store, without a server.</summary>
public static class AdminServices
{
    public static async Task<ServiceProvider> OpenAsync(string store, CancellationToken ct)
    {
        var services = new ServiceCollection().AddLogging().AddSandikAccounts(store).BuildServiceProvider();
        await services.GetRequiredService<UserAccountStore>().InitializeAsync(ct);
        await services.GetRequiredService<KeyIssuerStore>().InitializeAsync(ct);
        await services.GetRequiredService<AuditTrail>().InitializeAsync(ct);
        await services.GetRequiredService<ApiKeyStore>().InitializeAsync(ct);
        return services;
    }
}
