using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Sandik.Storage.Identity;

namespace Sandik.Server.Identity;

/// <summary>
/// Keeps the data-protection key ring (which signs session cookies and form tokens) in the store's database, so that
/// every node and every restart accepts the same cookies. The interface is synchronous; calls are rare (start-up,
/// key rotation every 90 days).
/// </summary>
public sealed class DatabaseKeyRepository(ProtectionKeyStore store, TimeProvider time) : IXmlRepository
{
    // The key ring is first read by a hosted service that may start before the tables are created.
    private readonly Lazy<Task> _table = new(() => store.InitializeAsync());

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _table.Value.GetAwaiter().GetResult();
        return [.. store.ListAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        _table.Value.GetAwaiter().GetResult();
        store.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow()).GetAwaiter().GetResult();
    }
}
