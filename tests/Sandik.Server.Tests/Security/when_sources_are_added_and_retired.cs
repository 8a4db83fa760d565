using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sandik.Server.Audit;
using Sandik.Server.Identity;
using Sandik.Server.Live;
using Sandik.Server.Tests.Security.Support;
using Sandik.Server.Tests.Support;
using Sandik.Storage;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Security;

/// <summary>
/// On a running server an administrator adds a source (it is issued a key and its sheets count at once), retires one
/// (its boxes are counted from the next source, what it sent stays in its own view, it may send no more) and takes it
/// back; the stored catalogue and the audit trail follow, every bad request is refused naming its field, and a change
/// written to the store from outside (the command line) is taken in without a restart.
/// </summary>
public sealed class when_sources_are_added_and_retired(SecurityServer shared) : IClassFixture<SecurityServer>
{
    private readonly TestServer _server = shared.Server;

    [Fact]
    public async Task an_added_source_is_issued_a_key_and_its_sheet_counts_at_once()
    {
        var box = Box(2);
        var answer = await _server.Http.PostAsJsonAsync("api/v1/admin/sources",
            new { id = "bar-association", name = new { tr = "Baro gözlemcileri", en = "Bar association observers" }, trustRank = 4, reason = "joined at 20:00" }, Ct);

        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync(Ct));
        (await Body(answer)).GetProperty("ranks").GetProperty("bar-association").GetInt32().ShouldBe(4);
        var listed = (await Json.GetAsync(_server.Http, "api/v1/admin/sources")).EnumerateArray().Single(s => s.GetProperty("id").GetString() == "bar-association");
        listed.GetProperty("nameEn").GetString().ShouldBe("Bar association observers");
        listed.GetProperty("retired").GetBoolean().ShouldBeFalse();
        var stored = (await Store.LoadSourcesAsync(TestServer.ElectionId, Ct)).ShouldNotBeNull();
        stored.Catalog.Find("bar-association").ShouldNotBeNull().TrustRank.ShouldBe(4);

        var issued = await _server.Http.PostAsJsonAsync("api/v1/admin/keys", new { source = "bar-association", label = "bar" }, Ct);
        issued.StatusCode.ShouldBe(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync(Ct));
        var key = (await Body(issued)).GetProperty("presented").GetString()!;
        (await Json.PostAsync(_server.Http, "api/v1/submissions", key, CountSheets.Json(CountSheets.For(box)))).Status.ShouldBe(200);
        var why = await Json.GetAsync(_server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(box)}");
        why.GetProperty("countedSource").GetString().ShouldBe("bar-association");
        (await Json.GetAsync(_server.Http, "api/v1/results?sources=bar-association")).GetProperty("area").GetProperty("boxes").GetInt32().ShouldBe(1);

        var entry = (await Json.GetAsync(_server.Http, "api/v1/admin/audit")).EnumerateArray().First(e => e.GetProperty("action").GetString() == "sources.add");
        entry.GetProperty("reason").GetString().ShouldBe("joined at 20:00");
        entry.GetProperty("before").ValueKind.ShouldBe(JsonValueKind.Null);
        JsonDocument.Parse(entry.GetProperty("after").GetString()!).RootElement.GetProperty("trustRank").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task a_retired_source_leaves_the_count_keeps_its_sheets_and_may_not_send_until_taken_back()
    {
        var shared = Box(3);
        var alone = Box(4);
        var key = await _server.KeyFor("observer-app");
        var other = await _server.KeyFor("sms");
        (await Json.PostAsync(_server.Http, "api/v1/submissions", key, CountSheets.Json(CountSheets.For(shared, moved: 5)))).Status.ShouldBe(200);
        (await Json.PostAsync(_server.Http, "api/v1/submissions", other, CountSheets.Json(CountSheets.For(shared)))).Status.ShouldBe(200);
        (await Json.PostAsync(_server.Http, "api/v1/submissions", key, CountSheets.Json(CountSheets.For(alone)))).Status.ShouldBe(200);
        var counted = await BoxesCounted();
        (await Explain(shared)).GetProperty("countedSource").GetString().ShouldBe("observer-app");

        var retired = await _server.Http.PostAsJsonAsync("api/v1/admin/sources/observer-app/retire", new { reason = "the app's phones were lost" }, Ct);

        retired.StatusCode.ShouldBe(HttpStatusCode.OK, await retired.Content.ReadAsStringAsync(Ct));
        (await Body(retired)).GetProperty("boxesChanged").GetInt32().ShouldBe(2);
        (await Explain(shared)).GetProperty("countedSource").GetString().ShouldBe("sms");
        (await Explain(alone)).GetProperty("status").GetString().ShouldBe("NotReported");
        (await BoxesCounted()).ShouldBe(counted - 1);
        // What it sent stays in its own view.
        (await Explain(alone, "&sources=observer-app")).GetProperty("countedSource").GetString().ShouldBe("observer-app");
        var refused = await Json.PostAsync(_server.Http, "api/v1/submissions", key, CountSheets.Json(CountSheets.For(Box(5))));
        refused.Status.ShouldBe(422);
        refused.Body.GetRawText().ShouldContain("retired_source");
        var keyRefused = await _server.Http.PostAsJsonAsync("api/v1/admin/keys", new { source = "observer-app" }, Ct);
        ((int)keyRefused.StatusCode).ShouldBeInRange(400, 499);
        (await Store.LoadSourcesAsync(TestServer.ElectionId, Ct))!.Catalog.Find("observer-app")!.Retired.ShouldBeTrue();

        var back = await _server.Http.PostAsJsonAsync("api/v1/admin/sources/observer-app/reinstate", new { reason = "phones found" }, Ct);

        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Explain(shared)).GetProperty("countedSource").GetString().ShouldBe("observer-app");
        (await BoxesCounted()).ShouldBe(counted);
        (await Json.PostAsync(_server.Http, "api/v1/submissions", key, CountSheets.Json(CountSheets.For(Box(5))))).Status.ShouldBe(200);
        var actions = (await Json.GetAsync(_server.Http, "api/v1/admin/audit")).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("sources.retire");
        actions.ShouldContain("sources.reinstate");
    }

    [Theory]
    [InlineData("""{"id":"Bad Id","name":{"tr":"X"},"trustRank":3,"reason":"why"}""", "id")]
    [InlineData("""{"id":"sms","name":{"tr":"X"},"trustRank":3,"reason":"why"}""", "id")]
    [InlineData("""{"id":"new-one","name":{"tr":" "},"trustRank":3,"reason":"why"}""", "name.tr")]
    [InlineData("""{"id":"new-one","name":{"tr":"X"},"trustRank":0,"reason":"why"}""", "trustRank")]
    [InlineData("""{"id":"new-one","name":{"tr":"X"},"reason":"why"}""", "trustRank")]
    [InlineData("""{"id":"new-one","name":{"tr":"X"},"trustRank":3}""", "reason")]
    public async Task a_bad_new_source_is_refused_naming_its_field(string json, string field)
    {
        var refused = await _server.Http.PostAsync("api/v1/admin/sources", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Body(refused)).GetRawText().ShouldContain($"\"{field}\"");
        (await Store.LoadSourcesAsync(TestServer.ElectionId, Ct))!.Catalog.Find("new-one").ShouldBeNull();
    }

    [Fact]
    public async Task the_override_an_unknown_source_and_a_second_retirement_are_refused()
    {
        (await Retire("hq-override")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Retire("carrier-pigeon")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Retire("bulk-file")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await Retire("bulk-file");
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Body(again)).GetRawText().ShouldContain("unchanged");
        (await _server.Http.PostAsJsonAsync("api/v1/admin/sources/bulk-file/reinstate", new { reason = "" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await _server.Http.PostAsJsonAsync("api/v1/admin/sources/bulk-file/reinstate", new { reason = "back" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task only_administrators_add_or_retire_sources()
    {
        var analyst = await _server.SignInAsync(Roles.HqAnalyst);

        (await analyst.Client.PostAsJsonAsync("api/v1/admin/sources", new { id = "x-source", name = new { tr = "X" }, trustRank = 3, reason = "x" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await analyst.Client.PostAsJsonAsync("api/v1/admin/sources/sms/retire", new { reason = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Store.LoadSourcesAsync(TestServer.ElectionId, Ct))!.Catalog.Find("x-source").ShouldBeNull();
    }

    [Fact]
    public async Task a_source_added_to_the_store_from_outside_is_taken_in_without_a_restart()
    {
        var host = _server.App.Services.GetRequiredService<ElectionHost>();
        var (_, after, errors) = await SourceEdits.SaveAsync(Store, TestServer.ElectionId, SourceEdits.Add("county-clerks", "İlçe seçim kurulları", null, 6), Ct);
        errors.ShouldBeEmpty();
        after.ShouldNotBeNull();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (host.Election.Sources.Find("county-clerks") is null && DateTime.UtcNow < deadline) await Task.Delay(100, Ct);

        host.Election.Sources.Find("county-clerks").ShouldNotBeNull().Name.En.ShouldBe("İlçe seçim kurulları");
        var key = await _server.KeyFor("county-clerks");
        (await Json.PostAsync(_server.Http, "api/v1/submissions", key, CountSheets.Json(CountSheets.For(Box(6))))).Status.ShouldBe(200);
    }

    /// <summary>Boxes no other test of the class sends.</summary>
    private static string Box(int i) => TestServer.Official.Geography.Boxes[1_000 + 977 * i].Code;

    private IElectionStore Store => _server.App.Services.GetRequiredService<IElectionStore>();

    private Task<HttpResponseMessage> Retire(string id) => _server.Http.PostAsJsonAsync($"api/v1/admin/sources/{id}/retire", new { reason = "test" }, Ct);

    private Task<JsonElement> Explain(string box, string more = "") => Json.GetAsync(_server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(box)}{more}");

    private async Task<int> BoxesCounted() =>
        (await Json.GetAsync(_server.Http, "api/v1/results")).GetProperty("area").GetProperty("boxes").GetInt32();

    private static async Task<JsonElement> Body(HttpResponseMessage answer) =>
        JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
