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
        // Names of their own: every test's nodes publish on the same Redis channel.
        var run = Guid.NewGuid().ToString("N")[..8];
        TestServer? a = null;
        try
        {
            a = await TestServer.StartAsync(withOfficialCounts: false, store: database.ConnectionString, configure: Node($"a-{run}"));
            var b = await TestServer.StartAsync(withOfficialCounts: false, store: database.ConnectionString, configure: Node($"b-{run}"), prepareStore: false);
            return new ClusterNodes(database, a, b);
        }
        catch
        {
            if (a is not null) await a.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
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
        try
        {
            await B.DisposeAsync();
        }
        finally
        {
            try
            {
                await A.DisposeAsync();
            }
            finally
            {
                await _database.DisposeAsync();
            }
        }
    }
}
