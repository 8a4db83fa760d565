using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using Sandik.Cli.Replay;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Cluster;

/// <summary>
/// Two nodes serve one election from one PostgreSQL store, Redis between them, as a national deployment behind a load
/// balancer would: each takes submissions, and each shows the count of both.
/// </summary>
public sealed class when_two_nodes_share_a_store(ITestOutputHelper output)
{
    /// <summary>
    /// Longer than any wait below: what one node shows of the other's commits within it was woken by the other's Redis
    /// notice, not read at the interval.
    /// </summary>
    private static readonly TimeSpan Polling = TimeSpan.FromMinutes(5);

    private static readonly string[] SourcesOfA = ["authority-feed", "district-office", "school-it", "observer-app"];

    [Fact]
    public async Task a_night_sent_half_to_each_is_counted_whole_on_both()
    {
        await using var nodes = await ClusterNodes.StartAsync(TestRedis.Address(), Polling);
        var ct = TestContext.Current.CancellationToken;
        var keys = new Dictionary<string, string>();
        foreach (var source in SourcesOfA.Concat(["sheet-photo", "call-centre", "partner-ngo", "bulk-file", "sms"]))
            keys[source] = await nodes.A.KeyFor(source);
        var truth = OfficialTruth.OfProvince("10");
        var plan = ReplayCommand.Plan(truth, seed: 21);
        // Split by source, so that each source's own order is kept, as each of its clients would send to one address:
        // the authority feed (the count) goes to A, the observers' and others' copies to B.
        var toA = plan.Where(p => SourcesOfA.Contains(truth.Sources.Sources[p.SourceIndex].Id)).ToList();
        var toB = plan.Except(toA).ToList();
        toA.Count.ShouldBeGreaterThan(1_000);
        toB.Count.ShouldBeGreaterThan(1_000);
        using var httpA = ReplayCommand.Client(nodes.A.Url, 8);
        using var httpB = ReplayCommand.Client(nodes.B.Url, 8);

        var summaries = await Task.WhenAll(
            new ReplayRunner(httpA, truth.Race, truth.Geography, truth.Sources, keys).RunAsync(toA, null, 8, null, ct),
            new ReplayRunner(httpB, truth.Race, truth.Geography, truth.Sources, keys).RunAsync(toB, null, 8, null, ct));

        summaries.Sum(s => s.ServerErrors).ShouldBe(0);
        var caughtUp = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<string> differences;
        while ((differences = [.. await ReplayVerification.CompareAsync(nodes.A.Http, truth, ct), .. await ReplayVerification.CompareAsync(nodes.B.Http, truth, ct)]).Count > 0
            && caughtUp.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(20, ct);
        caughtUp.Stop();
        differences.ShouldBeEmpty();
        // The two nodes agree box by box on which boxes are in conflict, not only on the totals (the observers' wrong
        // copies went to B, the authority feed to A: each conflict is made of both nodes' entries).
        var conflicts = await ConflictCodesAsync(nodes.A);
        conflicts.Count.ShouldBeGreaterThan(0);
        (await ConflictCodesAsync(nodes.B)).ShouldBe(conflicts);

        foreach (var (node, other) in new[] { (nodes.A, nodes.B), (nodes.B, nodes.A) })
        {
            var metrics = await Json.GetAsync(node.Http, "api/v1/metrics/ingest");
            var cluster = metrics.GetProperty("cluster");
            cluster.GetProperty("enabled").GetBoolean().ShouldBeTrue();
            cluster.GetProperty("redisConnected").GetBoolean().ShouldBeTrue();
            // Each node applied exactly what the other committed: none of its own entries a second time.
            var committedByOther = (await Json.GetAsync(other.Http, "api/v1/metrics/ingest")).GetProperty("ingest").GetProperty("visible").GetInt64();
            committedByOther.ShouldBeGreaterThan(1_000);
            cluster.GetProperty("followedEntries").GetInt64().ShouldBe(committedByOther);
            var ingest = metrics.GetProperty("ingest");
            Figures.Record(output, $"Two nodes, node {cluster.GetProperty("node")}: {summaries.Sum(s => s.Accepted):N0} accepted over both; " +
                $"followed {cluster.GetProperty("followedEntries")} entries of the other node in {cluster.GetProperty("reads")} reads, " +
                $"other node's receipt to visible here p50 {ingest.GetProperty("followedP50Ms").GetDouble():F1} ms, p99 {ingest.GetProperty("followedP99Ms").GetDouble():F1} ms; " +
                $"own receipt to visible p99 {ingest.GetProperty("visibleP99Ms").GetDouble():F1} ms; both equal to the file {caughtUp.Elapsed.TotalMilliseconds:F0} ms after the last answer.");
        }
    }

    [Fact]
    public async Task a_count_sent_to_one_node_is_shown_pushed_and_deduplicated_by_the_other()
    {
        await using var nodes = await ClusterNodes.StartAsync(TestRedis.Address(), Polling);
        var (box, tally) = Submissions.BoxIn("34", 40);
        var explain = $"api/v1/boxes/explain?code={Uri.EscapeDataString(box.Code)}";
        await using var viewer = await LiveViewer.ConnectAsync(nodes.B.Url, null, nodes.B.Administrator.Cookies);
        var body = WithClientId(Submissions.Body(box, tally, 0, 0, 0), "feed-34-1");

        var first = await Json.PostAsync(nodes.A.Http, "api/v1/submissions", await nodes.A.KeyFor("authority-feed"), body);
        first.Status.ShouldBe(200, first.Body.ToString());
        var sequence = first.Body.GetProperty("sequence").GetInt64();
        var shown = await ClusterNodes.UntilAsync(nodes.B, explain, e => e.GetProperty("countedSequence").ValueKind == JsonValueKind.Number, TimeSpan.FromSeconds(5));
        (await Json.GetAsync(nodes.B.Http, explain)).GetProperty("countedSequence").GetInt64().ShouldBe(sequence);
        var pushed = DateTime.UtcNow.AddSeconds(5);
        while (viewer.Pushes == 0 && DateTime.UtcNow < pushed) await Task.Delay(20, TestContext.Current.CancellationToken);
        viewer.Pushes.ShouldBeGreaterThan(0, "node B's live hub pushes what node B followed from A");

        // The same submission retried through the other node is the same entry: the store keeps one.
        var retry = await Json.PostAsync(nodes.B.Http, "api/v1/submissions", await nodes.A.KeyFor("authority-feed"), body);
        retry.Status.ShouldBe(200, retry.Body.ToString());
        retry.Body.GetProperty("duplicate").GetBoolean().ShouldBeTrue();
        retry.Body.GetProperty("sequence").GetInt64().ShouldBe(sequence);

        // An observer's different copy sent to B puts the box in conflict on A too.
        var rival = Submissions.Rival(tally);
        var copy = await Json.PostAsync(nodes.B.Http, "api/v1/submissions", await nodes.B.KeyFor("observer-app"), Submissions.Body(box, tally, Submissions.Ak, rival, 30));
        copy.Status.ShouldBe(200, copy.Body.ToString());
        await ClusterNodes.UntilAsync(nodes.A, explain, e => e.GetProperty("status").GetString() == "Conflict", TimeSpan.FromSeconds(5));
        var onA = await Json.GetAsync(nodes.A.Http, explain);
        onA.GetProperty("countedSource").GetString().ShouldBe("authority-feed");
        onA.GetProperty("disagreement").GetInt64().ShouldBe(30);

        // New trust ranks set through B are counted by A at once, woken by B's notice (A's follow interval is minutes).
        var ranks = await nodes.B.Http.PutAsJsonAsync("api/v1/admin/sources",
            new { ranks = new Dictionary<string, int> { ["authority-feed"] = 50 }, reason = "the feed is late and partial tonight" }, TestContext.Current.CancellationToken);
        ranks.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await ranks.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await Json.GetAsync(nodes.B.Http, explain)).GetProperty("countedSource").GetString().ShouldBe("observer-app");
        var reranked = await ClusterNodes.UntilAsync(nodes.A, explain, e => e.GetProperty("countedSource").GetString() == "observer-app", TimeSpan.FromSeconds(5));
        (await Json.GetAsync(nodes.A.Http, "api/v1/election")).GetProperty("sources").EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == "authority-feed").GetProperty("trustRank").GetInt32().ShouldBe(50);
        Figures.Record(output, $"Two nodes: a count sent to A was shown by B {shown.TotalMilliseconds:F0} ms after A's answer; " +
            $"ranks changed through B were counted by A {reranked.TotalMilliseconds:F0} ms after B's answer.");
    }

    [Fact]
    public async Task a_source_added_and_retired_through_one_node_is_taken_in_by_the_other()
    {
        await using var nodes = await ClusterNodes.StartAsync(TestRedis.Address(), Polling);
        var ct = TestContext.Current.CancellationToken;
        var (box, tally) = Submissions.BoxIn("6", 40);
        var explain = $"api/v1/boxes/explain?code={Uri.EscapeDataString(box.Code)}";

        var added = await nodes.B.Http.PostAsJsonAsync("api/v1/admin/sources",
            new { id = "bar-association", name = new { tr = "Baro gözlemcileri" }, trustRank = 1, reason = "joins tonight" }, ct);
        added.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await added.Content.ReadAsStringAsync(ct));
        // A takes the new source in at B's notice, so a key issued on A for it submits through A at once.
        var host = nodes.A.App.Services.GetRequiredService<Sandik.Server.Live.ElectionHost>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (host.Election.Sources.Find("bar-association") is null)
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "A never took in the source added through B");
            await Task.Delay(20, ct);
        }
        var took = clock.Elapsed;
        var sent = await Json.PostAsync(nodes.A.Http, "api/v1/submissions", await nodes.A.KeyFor("bar-association"), Submissions.Body(box, tally, 0, 0, 0));
        sent.Status.ShouldBe(200, sent.Body.ToString());
        await ClusterNodes.UntilAsync(nodes.B, explain, e => e.GetProperty("countedSource").GetString() == "bar-association", TimeSpan.FromSeconds(5));

        // Retired through A, the box leaves the count on B as well, and B refuses the source's next sheet.
        var retired = await nodes.A.Http.PostAsJsonAsync("api/v1/admin/sources/bar-association/retire", new { reason = "unchecked sheets" }, ct);
        retired.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        await ClusterNodes.UntilAsync(nodes.B, explain, e => e.GetProperty("status").GetString() == "NotReported", TimeSpan.FromSeconds(5));
        var (other, otherTally) = Submissions.BoxIn("6", 40, 1);
        (await Json.PostAsync(nodes.B.Http, "api/v1/submissions", await nodes.B.KeyFor("bar-association"), Submissions.Body(other, otherTally, 0, 0, 0))).Status.ShouldBe(422);
        Figures.Record(output, $"Two nodes: a source added through B was served by A {took.TotalMilliseconds:F0} ms after B's answer.");
    }

    [Fact]
    public async Task an_operator_on_one_node_holds_a_box_against_the_other_nodes_operators_and_incidents_are_shared()
    {
        await using var nodes = await ClusterNodes.StartAsync(TestRedis.Address(), Polling);
        var ct = TestContext.Current.CancellationToken;
        var onA = await nodes.A.SignInAsync(Sandik.Server.Identity.Roles.CallCentre, "34");
        var onB = await nodes.B.SignInAsync(Sandik.Server.Identity.Roles.CallCentre, "34");
        var (box, _) = Submissions.BoxIn("34", 40);
        var claim = $"api/v1/calls/claim?code={Uri.EscapeDataString(box.Code)}";

        (await onA.Client.PostAsync(claim, null, ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var refused = await onB.Client.PostAsync(claim, null, ct);
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync(ct)).ShouldContain(onA.User);
        // B's call list shows A's operator on the box within its next read of the claims.
        var list = $"api/v1/calls?area={Uri.EscapeDataString(box.Code[..box.Code.LastIndexOf('/')])}&top=5000";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!(await Json.GetAsync(onB.Client, list)).GetProperty("boxes").EnumerateArray()
                   .Any(b => b.GetProperty("code").GetString() == box.Code && b.GetProperty("claimedBy").GetString() == onA.User))
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "B never showed A's claim");
            await Task.Delay(100, ct);
        }

        // An incident reported on A is read on B at once: both read the store.
        var (status, incident) = await Json.PostAsync(onA.Client, "api/v1/incidents/report", null,
            System.Text.Json.JsonSerializer.Serialize(new { category = "sheet-withheld", box = box.Code, text = "Tutanak verilmedi." }));
        status.ShouldBe(201, incident.ToString());
        (await Json.GetAsync(onB.Client, $"api/v1/incidents/{incident.GetProperty("id").GetInt64()}")).GetProperty("incident").GetProperty("box").GetString().ShouldBe(box.Code);
        Figures.Record(output, $"Two nodes: a box claimed by an operator on A was refused to one on B, and shown as A's on B's list {clock.ElapsedMilliseconds} ms later.");
    }

    private static async Task<IReadOnlyList<string>> ConflictCodesAsync(TestServer node)
    {
        var conflicts = await Json.GetAsync(node.Http, "api/v1/conflicts?limit=5000");
        return [.. conflicts.EnumerateArray().Select(c => c.GetProperty("code").GetString()!).Order(StringComparer.Ordinal)];
    }

    private static string WithClientId(string body, string clientId) => body.Insert(1, $"\"clientSubmissionId\":\"{clientId}\",");
}
