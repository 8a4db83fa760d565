using System.Text.Json;
using Sandik.Server.Hosting;
using Sandik.Server.Tests.Support;
using Xunit;

namespace Sandik.Server.Tests.Cluster;

/// <summary>Two Sandik nodes on one fresh PostgreSQL database, with a Redis between them (or an address where none answers).</summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    private readonly PostgresDatabase _database;

    private ClusterNodes(PostgresDatabase database, TestServer a, TestServer b)
    {
        _database = database;
        A = a;
        B = b;
    }

    public TestServer A { get; }
    public TestServer B { get; }

    public static async Task<ClusterNodes> StartAsync(string redis, TimeSpan? followInterval = null)
    {
        var database = await PostgresDatabase.CreateAsync();
        Action<SandikServerOptions> Node(string name) => o =>
        {
            o.Redis = redis;
            o.NodeId = name;
            if (followInterval is { } interval) o.FollowInterval = interval;
        };
        var a = await TestServer.StartAsync(withOfficialCounts: false, store: database.ConnectionString, configure: Node("a"));
        var b = await TestServer.StartAsync(withOfficialCounts: false, store: database.ConnectionString, configure: Node("b"), prepareStore: false);
        return new ClusterNodes(database, a, b);
    }

    /// <summary>Waits until a condition on a node's answer holds; returns how long it took.</summary>
    public static async Task<TimeSpan> UntilAsync(TestServer node, string path, Func<JsonElement, bool> holds, TimeSpan? within = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var deadline = within ?? TimeSpan.FromSeconds(15);
        while (true)
        {
            var answer = await Json.GetAsync(node.Http, path);
            if (holds(answer)) return clock.Elapsed;
            if (clock.Elapsed > deadline) throw new TimeoutException($"{path} on {node.Url} did not become as expected within {deadline.TotalSeconds} s: {answer}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await _database.DisposeAsync();
    }
}
