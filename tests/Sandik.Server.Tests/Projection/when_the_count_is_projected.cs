using System.Text.Json;
using Sandik.Server.Tests.Projection.Support;
using Sandik.Server.Tests.Support;
using Sandik.Server.Ui;
using Sandik.Storage.Projection;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Projection;

/// <summary>
/// The projection API early in the night of November 2015 (about 2% of the boxes counted, June 2015 as the prior):
/// what it counts, the prior it names, intervals around every projected figure, and how it follows new tallies.
/// </summary>
[Collection(ProjectedNightCollection.Name)]
public sealed class when_the_count_is_projected(ProjectedNight night)
{
    [Fact]
    public async Task it_counts_the_boxes_sent_and_names_the_prior_it_moved()
    {
        var sent = night.Sent.Count;
        var projection = await night.ProjectionAsync(sent);

        projection.GetProperty("boxesCounted").GetInt32().ShouldBe(sent);
        var total = TestServer.Official.Geography.Boxes.Count;
        projection.GetProperty("boxesTotal").GetInt32().ShouldBe(total);
        projection.GetProperty("countedFraction").GetDouble().ShouldBe((double)sent / total, 1e-6);
        var prior = projection.GetProperty("prior");
        prior.GetProperty("election").GetString().ShouldBe(TestServer.PriorElectionId);
        prior.GetProperty("countedOnly").GetBoolean().ShouldBeFalse();
        prior.GetProperty("boxesByMatch").GetProperty("box").GetInt32().ShouldBeGreaterThan(total / 2);
        Notes(projection).ShouldNotContain(n => n.Contains("No prior election"));

        var counted = night.CountedShares();
        foreach (var choice in projection.GetProperty("choices").EnumerateArray())
        {
            var id = choice.GetProperty("id").GetString()!;
            choice.GetProperty("counted").GetDouble().ShouldBe(counted[id], 1e-6, id);
            ShouldHold(choice.GetProperty("share"), id);
            ShouldHold(choice.GetProperty("seats"), id);
            choice.GetProperty("aboveHalf").GetDouble().ShouldBeInRange(0, 1);
        }
        ShouldHold(projection.GetProperty("turnout"), "turnout");
        projection.GetProperty("turnout").GetProperty("value").GetDouble().ShouldBeInRange(0.6, 1.0);
    }

    [Fact]
    public async Task seats_and_probabilities_follow_the_2015_threshold()
    {
        var projection = await night.ProjectionAsync(night.Sent.Count);

        var seats = projection.GetProperty("seats");
        seats.GetProperty("total").GetInt32().ShouldBe(550);
        seats.GetProperty("majority").GetInt32().ShouldBe(276);
        seats.GetProperty("threshold").GetDouble().ShouldBe(0.10);
        var ak = Choice(projection, "ak_parti");
        ak.GetProperty("passesThreshold").GetDouble().ShouldBeGreaterThan(0.99);
        ak.GetProperty("seats").GetProperty("value").GetDouble().ShouldBeGreaterThan(200);
        var saadet = Choice(projection, "saadet_partisi");
        saadet.GetProperty("passesThreshold").GetDouble().ShouldBeLessThan(0.01);
        saadet.GetProperty("seats").GetProperty("high").GetDouble().ShouldBe(0);
        saadet.GetProperty("winsMajority").GetDouble().ShouldBe(0);
    }

    [Fact]
    public async Task new_tallies_move_the_projection_and_join_its_history()
    {
        var before = await night.ProjectionAsync(night.Sent.Count);
        await night.SendAsync(night.Unsent(400, skip: 1_000));
        var after = await night.ProjectionAsync(night.Sent.Count);

        after.GetProperty("boxesCounted").GetInt32().ShouldBe(before.GetProperty("boxesCounted").GetInt32() + 400);
        after.GetProperty("version").GetInt64().ShouldBeGreaterThan(before.GetProperty("version").GetInt64());
        var points = await HistoryReachingAsync(after.GetProperty("boxesCounted").GetInt32());
        points.Count.ShouldBeGreaterThanOrEqualTo(2);
        points.Select(p => p.GetProperty("boxesCounted").GetInt32()).ShouldBeInOrder(SortDirection.Ascending);
        points.Select(p => p.GetProperty("boxesCounted").GetInt32()).Distinct().Count().ShouldBe(points.Count);
        var last = points[^1];
        foreach (var choice in last.GetProperty("choices").EnumerateArray())
        {
            var id = choice.GetProperty("choiceId").GetString()!;
            ShouldHold(choice.GetProperty("share"), id);
            choice.GetProperty("counted").GetDouble().ShouldBe(Choice(after, id).GetProperty("counted").GetDouble(), 1e-6);
        }
    }

    [Fact]
    public async Task provinces_and_electoral_districts_come_when_asked()
    {
        var plain = await night.ProjectionAsync(night.Sent.Count);
        plain.GetProperty("provinces").ValueKind.ShouldBe(JsonValueKind.Null);

        var projection = await night.ProjectionAsync(night.Sent.Count, "?areas=true");
        var provinces = projection.GetProperty("provinces").EnumerateArray().ToList();
        provinces.Count.ShouldBe(81);
        projection.GetProperty("constituencies").GetArrayLength().ShouldBe(85);
        provinces.Sum(p => p.GetProperty("boxesCounted").GetInt32()).ShouldBe(projection.GetProperty("boxesCounted").GetInt32());
        foreach (var province in provinces)
        {
            foreach (var choice in province.GetProperty("choices").EnumerateArray()) ShouldHold(choice.GetProperty("share"), province.GetProperty("code").GetString()!);
        }
    }

    [Fact]
    public async Task a_source_view_projects_from_its_own_sources_only()
    {
        var projection = await Json.GetAsync(night.Server.Http, "api/v1/projection?sources=sms");

        projection.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldBe(["sms"]);
        projection.GetProperty("boxesCounted").GetInt32().ShouldBe(0);
        Notes(projection).ShouldContain(n => n.StartsWith("Nothing is counted yet", StringComparison.Ordinal));
        using var unknown = await night.Server.Http.GetAsync("api/v1/projection?sources=carrier-pigeon", TestContext.Current.CancellationToken);
        ((int)unknown.StatusCode).ShouldBe(400);
    }

    [Fact]
    public async Task every_note_it_states_is_shown_in_turkish()
    {
        var notes = Notes(await night.ProjectionAsync(night.Sent.Count)).Concat(Notes(await Json.GetAsync(night.Server.Http, "api/v1/projection?sources=sms"))).ToList();

        notes.ShouldNotBeEmpty();
        foreach (var note in notes)
        {
            var turkish = UiText.Turkish.Note(note, id => UiText.Turkish.LevelName(id, TestServer.Official.Geography));
            turkish.ShouldNotBe(note);
            turkish.ShouldNotContain(" by ");
            turkish.ShouldNotContain("box");
            UiText.English.Note(note, id => id).ShouldBe(note);
        }
    }

    [Fact]
    public async Task the_golden_boxes_give_a_quick_count_from_those_reported()
    {
        var golden = (await night.ProjectionAsync(night.Sent.Count)).GetProperty("golden");

        golden.GetProperty("boxesInSample").GetInt32().ShouldBe(1_500);
        golden.GetProperty("boxesReported").GetInt32().ShouldBeInRange(1, night.Sent.Count);
        golden.GetProperty("confidence").GetDouble().ShouldBe(0.95);
        var ak = golden.GetProperty("choices").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "ak_parti");
        ak.GetProperty("regression").GetDouble().ShouldBeInRange(0.35, 0.65);
        ak.GetProperty("ratio").GetDouble().ShouldBeInRange(0.35, 0.65);

        var sms = (await Json.GetAsync(night.Server.Http, "api/v1/projection?sources=sms")).GetProperty("golden");
        sms.GetProperty("boxesReported").GetInt32().ShouldBe(0);

        // The sample is stored with the election, so that a restart or another node uses the same boxes.
        var stored = (await new GoldenSampleStore(night.Server.Store).LoadAsync(TestServer.ElectionId, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        stored.Design.Boxes.Count.ShouldBe(1_500);
        stored.Design.PriorElectionId.ShouldBe(TestServer.PriorElectionId);
    }

    [Fact]
    public async Task the_openapi_document_describes_both_endpoints()
    {
        var paths = (await Json.GetAsync(night.Server.Http, "openapi/v1.json")).GetProperty("paths");

        paths.GetProperty("/api/v1/projection").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ShouldBe(["race", "sources", "areas"], ignoreOrder: true);
        paths.TryGetProperty("/api/v1/projection/history", out _).ShouldBeTrue();
    }

    private async Task<IReadOnlyList<JsonElement>> HistoryReachingAsync(int boxes)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var history = await Json.GetAsync(night.Server.Http, "api/v1/projection/history");
            history.GetProperty("prior").GetString().ShouldBe(TestServer.PriorElectionId);
            var points = history.GetProperty("points").EnumerateArray().ToList();
            if (points.Count > 0 && points[^1].GetProperty("boxesCounted").GetInt32() >= boxes) return points;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The history does not reach {boxes} boxes.");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static JsonElement Choice(JsonElement projection, string id) =>
        projection.GetProperty("choices").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    private static IReadOnlyList<string> Notes(JsonElement projection) => [.. projection.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!)];

    private static void ShouldHold(JsonElement range, string what)
    {
        var (low, value, high) = (range.GetProperty("low").GetDouble(), range.GetProperty("value").GetDouble(), range.GetProperty("high").GetDouble());
        low.ShouldBeLessThanOrEqualTo(value, what);
        value.ShouldBeLessThanOrEqualTo(high, what);
    }
}
