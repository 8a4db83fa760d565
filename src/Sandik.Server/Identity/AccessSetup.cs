using Microsoft.Extensions.Hosting;
using Sandik.Storage.Audit;
using Sandik.Storage.Identity;

namespace Sandik.Server.Identity;

/// <summary>Creates the access-control tables (users, key issuers, cookie keys, audit trail) before the server takes requests.</summary>
public sealed class AccessSetup(UserAccountStore users, KeyIssuerStore issuers, ProtectionKeyStore protection, AuditTrail audit) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await users.InitializeAsync(ct);
        await issuers.InitializeAsync(ct);
        await protection.InitializeAsync(ct);
        await audit.InitializeAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
