using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Sandik.Server.Anomalies;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Anomalies;

/// <summary>
/// A server started before any count arrived, as on election night: the ranking is ready, empty, and fills as boxes
/// come in; a box leaves it when the only source that sent it is retired.
/// </summary>
public sealed class when_the_night_starts_empty
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task the_first_boxes_are_ranked_as_they_arrive_and_after_a_refresh()
    {
        await using var server = await TestServer.StartAsync(withOfficialCounts: false, configure: o => o.Anomalies.RefreshInterval = TimeSpan.FromHours(1));
        var anomalies = server.App.Services.GetRequiredService<LiveAnomalies>();
        var empty = await Ranking.WaitAsync(server.Http, s => s.GetProperty("ready").GetBoolean());
        empty.GetProperty("status").GetProperty("scoredBoxes").GetInt32().ShouldBe(0);
        empty.GetProperty("boxes").GetArrayLength().ShouldBe(0);

        var sent = new List<string>();
        foreach (var skip in Enumerable.Range(0, 3))
        {
            var (box, official) = Submissions.BoxIn("6", 40, skip);
            await Submissions.SendAsync(server, "authority-feed", StuffedNight.Stuffed(box, official, 0, 0));
            sent.Add(box.Code);
        }
        var live = await Ranking.WaitAsync(server.Http, s => s.GetProperty("scoredBoxes").GetInt32() == 3, "top=10");
        anomalies.Refresh();
        var refreshed = await Json.GetAsync(server.Http, "api/v1/anomalies?top=10");

        live.GetProperty("boxes").EnumerateArray().Select(b => b.GetProperty("code").GetString()).Order().ShouldBe(sent.Order());
        live.GetProperty("status").GetProperty("pendingSinceRefresh").GetInt32().ShouldBe(3);
        refreshed.GetProperty("boxes").GetArrayLength().ShouldBe(3);
        refreshed.GetProperty("status").GetProperty("pendingSinceRefresh").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task a_box_whose_only_source_is_retired_leaves_the_ranking_and_comes_back_with_it()
    {
        await using var server = await TestServer.StartAsync(withOfficialCounts: false, configure: o => o.Anomalies.RefreshInterval = TimeSpan.FromHours(1));
        await Ranking.WaitAsync(server.Http, s => s.GetProperty("ready").GetBoolean());
        var (kept, keptOfficial) = Submissions.BoxIn("6", 40, 0);
        var (alone, aloneOfficial) = Submissions.BoxIn("6", 40, 1);
        await Submissions.SendAsync(server, "authority-feed", StuffedNight.Stuffed(kept, keptOfficial, 0, 0));
        await Submissions.SendAsync(server, "observer-app", StuffedNight.Stuffed(alone, aloneOfficial, 0, 0));
        await Ranking.WaitAsync(server.Http, s => s.GetProperty("scoredBoxes").GetInt32() == 2, "top=10");

        var retired = await server.Http.PostAsJsonAsync("api/v1/admin/sources/observer-app/retire", new { reason = "the app's phones were lost" }, Ct);
        retired.StatusCode.ShouldBe(HttpStatusCode.OK, await retired.Content.ReadAsStringAsync(Ct));

        // The box is counted from no source now: the ranking is built again without it, not left with its old score.
        var without = await Ranking.WaitAsync(server.Http, s => s.GetProperty("scoredBoxes").GetInt32() == 1, "top=10");
        without.GetProperty("boxes").EnumerateArray().Select(b => b.GetProperty("code").GetString()).ShouldBe([kept.Code]);

        var back = await server.Http.PostAsJsonAsync("api/v1/admin/sources/observer-app/reinstate", new { reason = "phones found" }, Ct);
        back.StatusCode.ShouldBe(HttpStatusCode.OK, await back.Content.ReadAsStringAsync(Ct));
        var again = await Ranking.WaitAsync(server.Http, s => s.GetProperty("scoredBoxes").GetInt32() == 2, "top=10");
        again.GetProperty("boxes").EnumerateArray().Select(b => b.GetProperty("code").GetString()).Order().ShouldBe(new[] { kept.Code, alone.Code }.Order());
    }
}
