using System.Net.Http.Json;
using System.Text.Json;
using Sandik.Cli.Replay;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Ingest;

/// <summary>
/// An administrator moves the authority feed down and back up, again and again, while a province's night pours in:
/// each change counts the boxes again between two commits, nothing is lost or counted twice, and once the feed is back
/// at its rank the count equals the official file.
/// </summary>
public sealed class when_ranks_change_during_a_replay(ITestOutputHelper output)
{
    private const int OwnRank = 3;

    [Fact]
    public async Task the_count_ends_equal_to_the_official_file()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(withOfficialCounts: false);
        var truth = OfficialTruth.OfProvince("10");
        var keys = new Dictionary<string, string>();
        foreach (var source in truth.Sources.Sources) keys[source.Id] = await server.KeyFor(source.Id);
        var plan = ReplayCommand.Plan(truth, seed: 21);
        using var http = ReplayCommand.Client(server.Url, 8);
        var acknowledged = 0;
        var replay = new ReplayRunner(http, truth.Race, truth.Geography, truth.Sources, keys)
            .RunAsync(plan, null, 8, null, ct, _ => Interlocked.Increment(ref acknowledged));

        var changes = 0;
        var movedWhenLowered = 0;
        while (!replay.IsCompleted)
        {
            var next = Volatile.Read(ref acknowledged) + 800;
            while (Volatile.Read(ref acknowledged) < next && !replay.IsCompleted) await Task.Delay(5, ct);
            var lowered = changes % 2 == 0;
            var moved = await SetFeedRankAsync(server, lowered ? 50 : OwnRank, $"change {changes}", ct);
            if (lowered) movedWhenLowered += moved;
            changes++;
        }
        var summary = await replay;
        await SetFeedRankAsync(server, OwnRank, "back to its rank", ct);

        Figures.Record(output, $"Ranks changed {changes} times during a replay of {summary.Planned:N0} submissions; " +
            $"{movedWhenLowered:N0} box counts moved by the lowerings.");
        summary.ServerErrors.ShouldBe(0);
        changes.ShouldBeGreaterThanOrEqualTo(4);
        movedWhenLowered.ShouldBeGreaterThan(0, "lowering the feed makes the boxes where a lower source disagrees count that source");
        (await ReplayVerification.CompareAsync(server.Http, truth, ct)).ShouldBeEmpty();
    }

    private static async Task<int> SetFeedRankAsync(TestServer server, int rank, string reason, CancellationToken ct)
    {
        using var answer = await server.Http.PutAsJsonAsync("api/v1/admin/sources",
            new { ranks = new Dictionary<string, int> { ["authority-feed"] = rank }, reason }, ct);
        answer.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(ct));
        return body.RootElement.GetProperty("boxesChanged").GetInt32();
    }
}
