using System.Net.Http.Json;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Cluster;

/// <summary>
/// Redis is a hint, the log is the truth: with no Redis answering, two nodes on one store still start, take
/// submissions and show each other's within the follow interval, by reading the log.
/// </summary>
public sealed class when_redis_is_away(ITestOutputHelper output)
{
    [Fact]
    public async Task the_nodes_follow_each_other_by_reading_the_log()
    {
        // Port 1 on loopback: nothing listens there.
        await using var nodes = await ClusterNodes.StartAsync("127.0.0.1:1,connectTimeout=200", followInterval: TimeSpan.FromMilliseconds(300));
        var (box, tally) = Submissions.BoxIn("6", 40);
        var explain = $"api/v1/boxes/explain?code={Uri.EscapeDataString(box.Code)}";

        var sent = await Json.PostAsync(nodes.B.Http, "api/v1/submissions", await nodes.B.KeyFor("district-office"), Submissions.Body(box, tally, 0, 0, 0));

        sent.Status.ShouldBe(200, sent.Body.ToString());
        var shown = await ClusterNodes.UntilAsync(nodes.A, explain, e => e.GetProperty("countedSource").GetString() == "district-office", TimeSpan.FromSeconds(5));
        var cluster = (await Json.GetAsync(nodes.A.Http, "api/v1/metrics/ingest")).GetProperty("cluster");
        cluster.GetProperty("redisConnected").GetBoolean().ShouldBeFalse();
        cluster.GetProperty("followedEntries").GetInt64().ShouldBe(1);
        // B read its own entry back from the log too, and left it: it was counted at its commit.
        await ClusterNodes.UntilAsync(nodes.B, "api/v1/metrics/ingest", m => m.GetProperty("cluster").GetProperty("reads").GetInt64() >= 2);
        (await Json.GetAsync(nodes.B.Http, "api/v1/metrics/ingest")).GetProperty("cluster").GetProperty("followedEntries").GetInt64().ShouldBe(0);

        // New ranks set through A reach B by its look at the stored catalogue, within the follow interval.
        var second = await Json.PostAsync(nodes.A.Http, "api/v1/submissions", await nodes.A.KeyFor("sms"), Submissions.Body(box, tally, Submissions.Ak, Submissions.Rival(tally), 12));
        second.Status.ShouldBe(200, second.Body.ToString());
        var ranks = await nodes.A.Http.PutAsJsonAsync("api/v1/admin/sources",
            new { ranks = new Dictionary<string, int> { ["sms"] = 1, ["district-office"] = 40 }, reason = "the district office is unreachable" },
            TestContext.Current.CancellationToken);
        ranks.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var reranked = await ClusterNodes.UntilAsync(nodes.B, explain, e => e.GetProperty("countedSource").GetString() == "sms", TimeSpan.FromSeconds(5));
        Figures.Record(output, $"Redis away: a count sent to B was shown by A {shown.TotalMilliseconds:F0} ms after B's answer, ranks changed through A " +
            $"counted by B {reranked.TotalMilliseconds:F0} ms after A's answer (follow interval 300 ms).");
    }
}
