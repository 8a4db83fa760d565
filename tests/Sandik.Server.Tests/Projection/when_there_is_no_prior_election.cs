using Sandik.Server.Tests.Projection.Support;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Projection;

/// <summary>A server with no prior election configured still projects, from the counted boxes alone, and says so.</summary>
public sealed class when_there_is_no_prior_election
{
    [Fact]
    public async Task the_projection_runs_from_counted_boxes_and_says_so()
    {
        await using var server = await TestServer.StartAsync(withOfficialCounts: false);
        var official = TestServer.Official;
        var sent = official.Tallies.Where((_, i) => i % 100 == 0).ToList();
        var key = await server.KeyFor("authority-feed");
        foreach (var batch in sent.Chunk(1_000))
        {
            var body = "[" + string.Join(',', batch.Select(t => Submissions.Body(official.Geography.Boxes[t.BoxIndex], t.Tally, 0, 0, 0))) + "]";
            (await Json.PostAsync(server.Http, "api/v1/submissions/batch", key, body)).Status.ShouldBe(200);
        }

        var projection = await ProjectionApi.WaitAsync(server.Http, sent.Count);

        projection.GetProperty("boxesCounted").GetInt32().ShouldBe(sent.Count);
        var prior = projection.GetProperty("prior");
        prior.GetProperty("election").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        prior.GetProperty("countedOnly").GetBoolean().ShouldBeTrue();
        projection.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain(n => n!.StartsWith("No prior election", StringComparison.Ordinal));
        foreach (var choice in projection.GetProperty("choices").EnumerateArray())
        {
            var share = choice.GetProperty("share");
            share.GetProperty("low").GetDouble().ShouldBeLessThanOrEqualTo(share.GetProperty("value").GetDouble());
            share.GetProperty("value").GetDouble().ShouldBeLessThanOrEqualTo(share.GetProperty("high").GetDouble());
        }
        var ak = projection.GetProperty("choices").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "ak_parti");
        ak.GetProperty("share").GetProperty("value").GetDouble().ShouldBeInRange(0.40, 0.60);
    }
}
