using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sandik.Server.Identity;
using Sandik.Server.Tests.Projection.Support;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Incidents;

/// <summary>
/// Reports from the field and citizens' requests on a server of November 2015: reported inside the reporter's scope,
/// seen inside the reader's, handled on the version seen, citizens' requests from outside limited per address; and the
/// screens, in a real browser.
/// </summary>
[Collection(ProjectedNightCollection.Name)]
public sealed class when_incidents_are_reported_and_handled(ProjectedNight night)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string BoxIn(string prefix) => TestServer.Official.Geography.Boxes.First(b => b.Code.StartsWith(prefix, StringComparison.Ordinal)).Code;

    private static string Body(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task a_report_is_taken_only_inside_the_reporters_scope_and_names_every_bad_field()
    {
        var volunteer = await night.Server.SignInAsync(Roles.DataEntry, "34/Kadıköy");
        var kadikoy = BoxIn("34/Kadıköy/");

        var (status, saved) = await Json.PostAsync(volunteer.Client, "api/v1/incidents/report", null,
            Body(new { category = "observer-refused", box = kadikoy, text = "Müşahidimiz okula alınmadı." }));

        status.ShouldBe(201, saved.ToString());
        saved.GetProperty("kind").GetString().ShouldBe("field");
        saved.GetProperty("box").GetString().ShouldBe(kadikoy);
        saved.GetProperty("area").GetString().ShouldStartWith("34/Kadıköy/");
        saved.GetProperty("status").GetString().ShouldBe("open");
        saved.GetProperty("reporterName").GetString().ShouldBe(volunteer.User);

        var (outside, refusal) = await Json.PostAsync(volunteer.Client, "api/v1/incidents/report", null,
            Body(new { category = "observer-refused", box = BoxIn("6/Çankaya/"), text = "x" }));
        outside.ShouldBe(403, refusal.ToString());
        var (bad, problem) = await Json.PostAsync(volunteer.Client, "api/v1/incidents/report", null, Body(new { category = "no-such", box = "34/Kadıköy/99999" }));
        bad.ShouldBe(400);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["box", "category", "text"]);
        (await Json.PostAsync(volunteer.Client, "api/v1/incidents/report", null, "{ not json")).Status.ShouldBe(400);
        // A field report needs a place; a viewer may not report at all.
        (await Json.PostAsync(volunteer.Client, "api/v1/incidents/report", null, Body(new { category = "other", text = "x" }))).Body
            .GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["box"]);
        var viewer = await night.Server.SignInAsync(Roles.Viewer);
        (await Json.PostAsync(viewer.Client, "api/v1/incidents/report", null, Body(new { category = "other", box = kadikoy, text = "x" }))).Status.ShouldBe(403);
    }

    [Fact]
    public async Task readers_see_the_incidents_of_their_scope_and_contacts_only_when_they_call_people_back()
    {
        var operatorSession = await night.Server.SignInAsync(Roles.CallCentre, "34");
        var text = "Oy vereceği okulu soruyor " + Guid.NewGuid().ToString("N")[..8];
        var (status, saved) = await Json.PostAsync(operatorSession.Client, "api/v1/incidents/report", null,
            Body(new { kind = "citizen", category = "where-to-vote", area = "34/Kadıköy", text, contact = "+90 555 123 45 67" }));
        status.ShouldBe(201, saved.ToString());
        var id = saved.GetProperty("id").GetInt64();
        var geography = TestServer.Official.Geography;
        geography.TryGetArea("34/Kadıköy", out var kadikoy);
        var constituency = geography.AncestorAt(kadikoy.Index, geography.LevelOf("constituency")).Code;

        var hq = await night.Server.SignInAsync(Roles.HqAnalyst);
        var national = (await Json.GetAsync(hq.Client, "api/v1/incidents?kind=citizen")).EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);
        national.GetProperty("contact").GetString().ShouldBe("••••67");
        (await Json.GetAsync(hq.Client, $"api/v1/incidents?area={Uri.EscapeDataString(constituency)}")).EnumerateArray().ShouldContain(i => i.GetProperty("id").GetInt64() == id);
        (await Json.GetAsync(hq.Client, "api/v1/incidents?area=6")).EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetInt64() == id);
        var coordinator = await night.Server.SignInAsync(Roles.ProvinceCoordinator, "34");
        (await Json.GetAsync(coordinator.Client, $"api/v1/incidents/{id}")).GetProperty("incident").GetProperty("contact").GetString().ShouldBe("+90 555 123 45 67");
        var ankara = await night.Server.SignInAsync(Roles.ProvinceCoordinator, "6");
        (await Json.GetAsync(ankara.Client, "api/v1/incidents")).EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetInt64() == id);
        (await ankara.Client.GetAsync($"api/v1/incidents/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ankara.Client.GetAsync("api/v1/incidents?area=34", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await hq.Client.GetAsync("api/v1/incidents?status=closed", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task a_step_made_on_an_older_version_is_refused_with_the_incident_as_it_is_now()
    {
        var box = BoxIn("34/Kadıköy/");
        var reporter = await night.Server.SignInAsync(Roles.DataEntry, "34/Kadıköy");
        var id = (await Json.PostAsync(reporter.Client, "api/v1/incidents/report", null, Body(new { category = "sheet-withheld", box, text = "Tutanak verilmedi." })))
            .Body.GetProperty("id").GetInt64();
        var handler = await night.Server.SignInAsync(Roles.DistrictCoordinator, "34/Kadıköy");
        var handle = $"api/v1/incidents/{id}/handle";

        var (status, taken) = await Json.PostAsync(handler.Client, handle, null, Body(new { version = 1, status = "in-progress", assignee = "Kadıköy avukatı", note = "Yola çıktı." }));
        status.ShouldBe(200, taken.ToString());
        (taken.GetProperty("version").GetInt32(), taken.GetProperty("status").GetString()).ShouldBe((2, "in-progress"));

        var (stale, problem) = await Json.PostAsync(handler.Client, handle, null, Body(new { version = 1, status = "resolved" }));
        stale.ShouldBe(409);
        problem.GetProperty("current").GetProperty("version").GetInt32().ShouldBe(2);
        (await Json.PostAsync(handler.Client, handle, null, Body(new { version = 2 }))).Status.ShouldBe(400);
        (await Json.PostAsync(handler.Client, handle, null, Body(new { version = 2, status = "closed" }))).Status.ShouldBe(400);
        var elsewhere = await night.Server.SignInAsync(Roles.DistrictCoordinator, "6/Çankaya");
        (await Json.PostAsync(elsewhere.Client, handle, null, Body(new { version = 2, note = "x" }))).Status.ShouldBe(404);
        (await Json.PostAsync(reporter.Client, handle, null, Body(new { version = 2, note = "x" }))).Status.ShouldBe(403);

        var detail = await Json.GetAsync(handler.Client, $"api/v1/incidents/{id}");
        detail.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ShouldBe(["Yola çıktı."]);
    }

    [Fact]
    public async Task a_citizen_may_send_a_request_without_signing_in_but_not_without_limit()
    {
        using var citizen = night.Server.Anonymous();
        var text = "Okulun önünde toplanan bir grup var " + Guid.NewGuid().ToString("N")[..8];

        var (status, saved) = await Json.PostAsync(citizen, "api/v1/requests", null, Body(new { category = "irregularity", area = "34", text, contact = "ali@example.org" }));

        status.ShouldBe(201, saved.ToString());
        saved.GetProperty("contact").ValueKind.ShouldBe(JsonValueKind.Null);
        var id = saved.GetProperty("id").GetInt64();
        var hq = await night.Server.SignInAsync(Roles.Administrator);
        var listed = (await Json.GetAsync(hq.Client, "api/v1/incidents?kind=citizen")).EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);
        (listed.GetProperty("text").GetString(), listed.GetProperty("contact").GetString(), listed.GetProperty("area").GetString()).ShouldBe((text, "ali@example.org", "34"));
        listed.GetProperty("reporterId").ValueKind.ShouldBe(JsonValueKind.Null);
        // Reading is for signed-in users only; a flood from one address is cut off after 10 a minute.
        (await citizen.GetAsync("api/v1/incidents", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Json.PostAsync(citizen, "api/v1/requests", null, Body(new { category = "where-to-vote" }))).Status.ShouldBe(400);
        var statuses = new List<int>();
        for (var i = 0; i < 10; i++) statuses.Add((await Json.PostAsync(citizen, "api/v1/requests", null, Body(new { category = "other", text = "x" }))).Status);
        statuses.ShouldContain(429);
        statuses.TakeWhile(s => s != 429).ShouldAllBe(s => s == 201);
    }

    [Fact]
    public async Task a_flagged_box_screen_says_why_and_asks_its_district_for_an_observer()
    {
        var ranking = await Sandik.Server.Tests.Anomalies.Ranking.WaitAsync(night.Server.Http, s => s.GetProperty("ready").GetBoolean() && s.GetProperty("scoredBoxes").GetInt32() > 0);
        var top = ranking.GetProperty("boxes")[0];
        var code = top.GetProperty("code").GetString()!;
        var (page, _) = await night.OpenAsync(UiPath.Box(code));

        await Assertions.Expect(page.Locator("#box-anomaly")).ToHaveAttributeAsync("data-flagged", "true");
        var reason = top.GetProperty("reasons")[0];
        await Assertions.Expect(page.Locator("#box-anomaly li").First).ToHaveAttributeAsync("data-code", reason.GetProperty("code").GetString()!);
        await Assertions.Expect(page.Locator("#box-anomaly li").First).ToHaveTextAsync(reason.GetProperty("tr").GetString()!);
        await page.ClickAsync("#ask-observer");
        await Assertions.Expect(page.Locator("#observer-asked")).ToContainTextAsync("İstek kaydedildi: olay #");
        await OperationsCentre.ShootAsync(page, "box-ask-observer");

        // The box's district coordinator finds the request among their incidents, with the reasons in it.
        var district = code[..code.LastIndexOf('/')];
        var coordinator = await night.Server.SignInAsync(Roles.DistrictCoordinator, district);
        var asked = (await Json.GetAsync(coordinator.Client, $"api/v1/incidents?box={Uri.EscapeDataString(code)}&category=observer-needed")).EnumerateArray().ToList();
        asked.Count.ShouldBe(1);
        asked[0].GetProperty("text").GetString()!.ShouldContain(reason.GetProperty("tr").GetString()!);
        asked[0].GetProperty("status").GetString().ShouldBe("open");
    }

    [Fact]
    public async Task the_screens_take_a_report_list_it_and_record_its_handling()
    {
        var box = BoxIn("69/");
        var (page, _) = await night.OpenAsync($"/incidents?box={Uri.EscapeDataString(box)}");
        var text = "Sandık kurulu tutanağı vermiyor " + Guid.NewGuid().ToString("N")[..8];

        await page.SelectOptionAsync("#report-category", "sheet-withheld");
        await Assertions.Expect(page.Locator("#report-box")).ToHaveValueAsync(box);
        await page.FillAsync("#report-text", text);
        await page.ClickAsync("#report-submit");

        await Assertions.Expect(page.Locator("#report-saved")).ToContainTextAsync("Kaydedildi: olay #");
        var row = page.Locator("#incidents-table tbody tr", new() { HasTextString = text });
        await Assertions.Expect(row.Locator("td.status")).ToHaveTextAsync("Açık");
        await OperationsCentre.ShootAsync(page, "incidents");

        // A report made elsewhere (another node, the API) at the same box appears without a reload; the list holds that box's only.
        var other = "Seçmene baskı yapılıyor " + Guid.NewGuid().ToString("N")[..8];
        var hq = await night.Server.SignInAsync(Roles.HqAnalyst);
        (await Json.PostAsync(hq.Client, "api/v1/incidents/report", null, Body(new { category = "pressure", box, text = other }))).Status.ShouldBe(201);
        (await Json.PostAsync(hq.Client, "api/v1/incidents/report", null, Body(new { category = "pressure", area = "69", text = other + " il" }))).Status.ShouldBe(201);
        await Assertions.Expect(page.Locator("#incidents-table tbody tr", new() { HasTextString = other })).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        await Assertions.Expect(page.Locator("#incidents-table tbody tr", new() { HasTextString = other + " il" })).ToHaveCountAsync(0);
        await row.Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#incident-text")).ToHaveTextAsync(text);
        await page.SelectOptionAsync("#step-status", "resolved");
        await page.FillAsync("#step-note", "Tutanak alındı.");
        await page.ClickAsync("#step-submit");
        await Assertions.Expect(page.Locator("#step-message")).ToHaveTextAsync("İşlem kaydedildi.");
        await Assertions.Expect(page.Locator("#incident-status")).ToHaveTextAsync("Çözüldü");
        await Assertions.Expect(page.Locator("#incident-notes li")).ToContainTextAsync("Tutanak alındı.");
        await Assertions.Expect(page.Locator("#incident-detail")).ToHaveAttributeAsync("data-version", "2");
        await OperationsCentre.ShootAsync(page, "incident-detail");

        // Refused in the screen's language, naming what is wrong.
        var (form, _) = await night.OpenAsync("/incidents");
        await form.FillAsync("#report-box", "69/Merkez/99999");
        await form.ClickAsync("#report-submit");
        await Assertions.Expect(form.Locator("#report-errors li[data-field='box']")).ToHaveTextAsync("Böyle bir sandık yok.");
        await Assertions.Expect(form.Locator("#report-errors li[data-field='text']")).ToHaveTextAsync("Ne olduğunu yazın.");
        await Assertions.Expect(form).ToHaveURLAsync(new Regex("/incidents$"));
    }
}
