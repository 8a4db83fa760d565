using Sandik.Server.Hosting;
using Sandik.Storage;

namespace Sandik.Server.Cluster;

/// <summary>What a cluster needs before a node starts: a store the nodes can share, and a node name a notice can carry.</summary>
public static class ClusterSetup
{
    /// <summary>The longest a node may go without reading the log when no notice wakes it.</summary>
    public static readonly TimeSpan MaxFollowInterval = TimeSpan.FromMinutes(10);

    /// <exception cref="ArgumentException">A Redis is configured over an embedded SQLite store, the Redis setting or the node name is
    /// unusable, or the follow interval is out of range.</exception>
    public static void Check(SandikServerOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Redis)) return;
        if (!ElectionStores.IsPostgres(options.Store))
            throw new ArgumentException("Several nodes share one PostgreSQL store ('Host=…'); the embedded SQLite store serves one node. " +
                "Leave out the Redis setting, or serve from PostgreSQL.", nameof(options));
        if (options.NodeId is { } node && (node.Length is 0 or > 100 || node.Any(char.IsControl)))
            throw new ArgumentException("A node's name is 1 to 100 characters without control characters.", nameof(options));
        if (options.FollowInterval <= TimeSpan.Zero || options.FollowInterval > MaxFollowInterval)
            throw new ArgumentException($"The follow interval is more than zero and at most {MaxFollowInterval.TotalMinutes:F0} minutes.", nameof(options));
        ClusterBus.Configuration(options.Redis);
    }
}
