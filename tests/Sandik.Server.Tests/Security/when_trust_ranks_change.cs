using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sandik.Server.Identity;
using Sandik.Server.Ingest;
using Sandik.Server.Live;
using Sandik.Server.Tests.Security.Support;
using Sandik.Server.Tests.Support;
using Sandik.Storage;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Security;

/// <summary>
/// An administrator changes sources' trust ranks: the stored catalogue takes the new ranks, the trail records the
/// ranks before and after with the reason, the live count follows at once, every bad request is refused naming its
/// field, and two changes sent at once all stand.
/// </summary>
public sealed class when_trust_ranks_change(SecurityServer shared) : IClassFixture<SecurityServer>
{
    private readonly TestServer _server = shared.Server;

    [Fact]
    public async Task the_change_is_stored_and_audited_with_its_reason()
    {
        var answer = await Put(_server.Http, new { ranks = new Dictionary<string, int> { ["sms"] = 2 }, reason = "the SMS gateway is checked twice tonight" });

        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync(Ct));
        var body = await Body(answer);
        body.GetProperty("ranks").GetProperty("sms").GetInt32().ShouldBe(2);
        body.GetProperty("ranks").GetProperty("district-office").GetInt32().ShouldBe(1);
        body.GetProperty("boxesChanged").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
        body.GetProperty("appliesAfterRestart").GetBoolean().ShouldBeFalse();

        var entry = (await Json.GetAsync(_server.Http, "api/v1/admin/audit")).EnumerateArray()
            .First(e => e.GetProperty("action").GetString() == "sources.ranks" && e.GetProperty("reason").GetString() == "the SMS gateway is checked twice tonight");
        entry.GetProperty("target").GetString().ShouldNotBeNullOrEmpty();
        JsonDocument.Parse(entry.GetProperty("before").GetString()!).RootElement.GetProperty("sms").GetInt32().ShouldBe(9);
        JsonDocument.Parse(entry.GetProperty("after").GetString()!).RootElement.GetProperty("sms").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task the_live_count_follows_the_new_ranks_at_once()
    {
        var box = MatrixServer.Boxes[1];
        var explain = $"api/v1/boxes/explain?code={Uri.EscapeDataString(box)}";
        (await Put(_server.Http, new { ranks = new Dictionary<string, int> { ["partner-ngo"] = 30, ["call-centre"] = 31 }, reason = "set up" })).EnsureSuccessStatusCode();
        (await Json.PostAsync(_server.Http, "api/v1/submissions", await _server.KeyFor("partner-ngo"), CountSheets.Json(CountSheets.For(box)))).Status.ShouldBe(200);
        (await Json.PostAsync(_server.Http, "api/v1/submissions", await _server.KeyFor("call-centre"), CountSheets.Json(CountSheets.For(box, moved: 9)))).Status.ShouldBe(200);
        (await Json.GetAsync(_server.Http, explain)).GetProperty("countedSource").GetString().ShouldBe("partner-ngo");
        var nation = await FirstChoiceNationally();

        var answer = await Put(_server.Http, new { ranks = new Dictionary<string, int> { ["call-centre"] = 29 }, reason = "the NGO's sheets are copied by hand" });

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Body(answer)).GetProperty("boxesChanged").GetInt32().ShouldBe(1);
        var now = await Json.GetAsync(_server.Http, explain);
        now.GetProperty("countedSource").GetString().ShouldBe("call-centre");
        now.GetProperty("status").GetString().ShouldBe("Conflict");
        (await FirstChoiceNationally()).ShouldBe(nation - 9);
        // A view of the two sources chosen by id counts by the new order as well; changing back restores the count.
        var both = await Json.GetAsync(_server.Http, explain + "&sources=partner-ngo,call-centre");
        both.GetProperty("countedSource").GetString().ShouldBe("call-centre");
        (await Put(_server.Http, new { ranks = new Dictionary<string, int> { ["call-centre"] = 32 }, reason = "back" })).EnsureSuccessStatusCode();
        (await Json.GetAsync(_server.Http, explain)).GetProperty("countedSource").GetString().ShouldBe("partner-ngo");
        (await FirstChoiceNationally()).ShouldBe(nation);
    }

    [Fact]
    public async Task a_change_queued_after_a_newer_one_is_not_applied()
    {
        // Two nodes' changes read in one order and queued in the other: the later revision stands.
        var queue = _server.App.Services.GetRequiredService<IngestQueue>();
        var host = _server.App.Services.GetRequiredService<ElectionHost>();
        var stored = (await _server.App.Services.GetRequiredService<IElectionStore>().LoadSourcesAsync(TestServer.ElectionId, Ct)).ShouldNotBeNull();
        stored.Revision.ShouldBeGreaterThan(0);
        var newer = stored.Catalog.WithRanks(new Dictionary<string, int> { ["call-centre"] = 40 });

        (await queue.ChangeSourcesAsync(new StoredSources(newer, stored.Revision), Ct)).ShouldNotBeNull();
        (await queue.ChangeSourcesAsync(new StoredSources(stored.Catalog, stored.Revision - 1), Ct)).ShouldBeNull();

        host.Election.Sources.SameAs(newer).ShouldBeTrue();
        // The stored revision itself is taken in again (what the follower does when it reads it).
        (await queue.ChangeSourcesAsync(stored, Ct)).ShouldNotBeNull();
        host.Election.Sources.SameAs(stored.Catalog).ShouldBeTrue();
    }

    private async Task<long> FirstChoiceNationally()
    {
        var results = await Json.GetAsync(_server.Http, "api/v1/results");
        return results.GetProperty("area").GetProperty("votes").GetProperty(TestServer.Official.Race.Choices[0].Id).GetInt64();
    }

    [Theory]
    [InlineData("""{"ranks":{"sms":3},"reason":"  "}""", "reason")]
    [InlineData("""{"ranks":{},"reason":"why"}""", "ranks")]
    [InlineData("""{"ranks":{"carrier-pigeon":3},"reason":"why"}""", "ranks.carrier-pigeon")]
    [InlineData("""{"ranks":{"hq-override":5},"reason":"why"}""", "ranks.hq-override")]
    [InlineData("""{"ranks":{"sms":0},"reason":"why"}""", "ranks.sms")]
    public async Task a_bad_change_is_refused_naming_its_field(string json, string field)
    {
        var refused = await _server.Http.PutAsync("api/v1/admin/sources", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Body(refused);
        problem.GetRawText().ShouldContain($"\"{field}\"");
    }

    [Fact]
    public async Task changes_sent_at_once_all_stand()
    {
        var changes = Enumerable.Range(0, 6).Select(i => Put(_server.Http, new
        {
            ranks = new Dictionary<string, int> { [new[] { "partner-ngo", "bulk-file", "call-centre", "sheet-photo", "observer-app", "school-it" }[i]] = 20 + i },
            reason = $"change {i}",
        }));
        foreach (var answer in await Task.WhenAll(changes)) answer.StatusCode.ShouldBe(HttpStatusCode.OK);

        // A change of nothing new answers with the catalogue as stored.
        var stored = (await Body(await Put(_server.Http, new { ranks = new Dictionary<string, int> { ["district-office"] = 1 }, reason = "read back" }))).GetProperty("ranks");
        stored.GetProperty("partner-ngo").GetInt32().ShouldBe(20);
        stored.GetProperty("bulk-file").GetInt32().ShouldBe(21);
        stored.GetProperty("call-centre").GetInt32().ShouldBe(22);
        stored.GetProperty("sheet-photo").GetInt32().ShouldBe(23);
        stored.GetProperty("observer-app").GetInt32().ShouldBe(24);
        stored.GetProperty("school-it").GetInt32().ShouldBe(25);
    }

    [Fact]
    public async Task only_administrators_change_ranks()
    {
        var coordinator = await _server.SignInAsync(Roles.ProvinceCoordinator, "34");

        (await Put(coordinator.Client, new { ranks = new Dictionary<string, int> { ["sms"] = 1 }, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, object body) => client.PutAsJsonAsync("api/v1/admin/sources", body, Ct);

    private static async Task<JsonElement> Body(HttpResponseMessage answer) =>
        JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
