using Microsoft.Extensions.DependencyInjection;
using Sandik.Server.Anomalies;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Anomalies;

/// <summary>A server started before any count arrived, as on election night: the ranking is ready, empty, and fills as boxes come in.</summary>
public sealed class when_the_night_starts_empty
{
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
}
