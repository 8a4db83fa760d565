using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Sandik.Cli;
using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Ui;

/// <summary>
/// The operations centre while the night goes on: a district office (trusted above the authority feed) sends tallies
/// through the API, and every open screen follows by push, without a reload. Each test uses boxes of its own.
/// </summary>
public sealed class when_a_source_sends_a_new_tally(OperationsCentre centre) : IClassFixture<OperationsCentre>
{
    private const string DistrictOffice = "district-office";
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public async Task the_overview_counts_it_at_once_without_a_reload()
    {
        var (page, _) = await centre.OpenAsync("/");
        await page.MarkAsync();
        var before = Number(await page.TextAsync("#choice-bars tr[data-choice=ak_parti] .votes"));
        var (box, official) = Submissions.BoxIn("1", 40);

        await Submissions.SendAsync(centre.Server, DistrictOffice, Submissions.Body(box, official, Submissions.Rival(official), Submissions.Ak, 40));

        await page.ShowsAsync("#choice-bars tr[data-choice=ak_parti] .votes", (before + 40).ToString("N0", Turkish));
        (await page.StillMarkedAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task a_disagreement_shows_on_the_box_and_conflicts_screens_as_it_arrives()
    {
        var (box, official) = Submissions.BoxIn("7", 30);
        var (boxPage, _) = await centre.OpenAsync(UiPath.Box(box.Code));
        var (conflicts, _) = await centre.OpenAsync("/conflicts");
        (await boxPage.TextAsync("#box-status")).ShouldBe("Tek kaynak");

        await Submissions.SendAsync(centre.Server, DistrictOffice,
            Submissions.Body(box, official, Submissions.Ak, Submissions.Rival(official), 30, evidence: "https://evidence.example/tutanak/" + box.Number + ".jpg"));

        await boxPage.ShowsAsync("#box-status", "Çelişki");
        await Assertions.Expect(boxPage.Locator("#box-compare th.counted[data-source=district-office]")).ToHaveCountAsync(1);
        await Assertions.Expect(boxPage.Locator("#box-compare tr[data-field=ak_parti] td.diff[data-source=authority-feed]")).ToHaveCountAsync(1);
        await Assertions.Expect(boxPage.Locator("#box-compare tr[data-field=valid] td.diff")).ToHaveCountAsync(0);
        await Assertions.Expect(boxPage.Locator("#box-history tbody tr")).ToHaveCountAsync(2);
        (await boxPage.GetAttributeAsync("#box-compare th.counted a.evidence", "href")).ShouldEndWith(box.Number + ".jpg");
        await OperationsCentre.ShootAsync(boxPage, "box-conflict");

        var row = conflicts.Locator($"#conflicts-table tr[data-code='{box.Code}']");
        await Assertions.Expect(row).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        (await row.Locator(".disagreement").InnerTextAsync()).Trim().ShouldBe("30");
        await OperationsCentre.ShootAsync(conflicts, "conflicts");
    }

    [Fact]
    public async Task the_conflicts_screen_pages_through_a_province_200_boxes_at_a_time()
    {
        // İstanbul's only conflicts in this class: 230 boxes, each with two votes moved (smaller than the other tests' moves).
        const string istanbul = "34";
        var boxes = Submissions.BoxesIn(istanbul, 2, 230);
        await Submissions.SendBatchAsync(centre.Server, DistrictOffice, boxes.Select(b => Submissions.Body(b.Box, b.Official, Submissions.Ak, Submissions.Rival(b.Official), 2)));
        var (page, _) = await centre.OpenAsync("/conflicts");
        var rows = page.Locator("#conflicts-table tbody tr");

        await page.Locator("#filter-province").SelectOptionAsync(istanbul);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/conflicts\\?province=34$"));
        await page.ShowsAsync("#conflicts-count", "230 sandıktan 1–200 arası, en büyük farktan başlayarak.");
        await Assertions.Expect(rows).ToHaveCountAsync(200);
        (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.province)")).ShouldAllBe(p => p == istanbul);
        await Assertions.Expect(page.Locator("#conflicts-previous")).ToHaveCountAsync(0);
        (await page.TextAsync("#conflicts-page")).ShouldBe("Sayfa 1 / 2");

        await page.ClickAsync("#conflicts-next");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/conflicts\\?province=34&page=2$"));
        await page.ShowsAsync("#conflicts-count", "230 sandıktan 201–230 arası, en büyük farktan başlayarak.");
        await Assertions.Expect(rows).ToHaveCountAsync(30);
        var shown = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        shown.ShouldBeSubsetOf(boxes.Select(b => b.Box.Code));
        await Assertions.Expect(page.Locator("#conflicts-next")).ToHaveCountAsync(0);
        (await page.Locator("#filter-province").InputValueAsync()).ShouldBe(istanbul);
        await OperationsCentre.ShootAsync(page, "conflicts-istanbul-page-2");

        await page.ClickAsync("#conflicts-previous");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/conflicts\\?province=34$"));
        await Assertions.Expect(rows).ToHaveCountAsync(200);
        // An address past the last page shows the last; one that is not a number, the first.
        var (beyond, _) = await centre.OpenAsync("/conflicts?province=34&page=99");
        await beyond.ShowsAsync("#conflicts-count", "230 sandıktan 201–230 arası, en büyük farktan başlayarak.");
        var (garbled, _) = await centre.OpenAsync("/conflicts?province=34&page=iki");
        await garbled.ShowsAsync("#conflicts-count", "230 sandıktan 1–200 arası, en büyük farktan başlayarak.");
        // On the first page of the whole country, the larger moves of the other tests come before İstanbul's.
        var (all, _) = await centre.OpenAsync("/conflicts");
        (await all.Locator("#conflicts-table tbody tr").Last.Locator(".disagreement").InnerTextAsync()).Trim().ShouldBe("2");
    }

    [Fact]
    public async Task the_map_and_the_province_screen_follow_the_count()
    {
        const string bayburt = "69";
        var (map, _) = await centre.OpenAsync("/map?sources=district-office");
        await map.Locator("#province-map[data-ready=true]").WaitForAsync();
        await Assertions.Expect(map.Locator($"path.p-{bayburt}")).ToHaveAttributeAsync("fill", "#d9d9d9");
        var (province, _) = await centre.OpenAsync("/areas/" + bayburt);
        var marginBefore = await province.TextAsync("#results-table tr.summary .margin");
        var geography = TestServer.Official.Geography;
        geography.TryGetArea(bayburt, out var area).ShouldBeTrue();

        foreach (var skip in new[] { 0, 1, 2 })
        {
            var (box, official) = Submissions.BoxIn(bayburt, 40, skip);
            await Submissions.SendAsync(centre.Server, DistrictOffice, Submissions.Body(box, official, Submissions.Rival(official), Submissions.Ak, 40));
        }

        await Assertions.Expect(map.Locator($"path.p-{bayburt}")).ToHaveAttributeAsync("fill", "#f39c12");
        await map.ShowsAsync($"#province-table tr[data-code='{bayburt}'] .counted", (3.0 / geography.BoxCountOf(area.Index)).ToString("P1", Turkish));
        await Assertions.Expect(province.Locator("#results-table tr.summary .margin")).Not.ToHaveTextAsync(marginBefore);
        await OperationsCentre.ShootAsync(map, "map-district-office-only");
    }

    [Fact]
    public async Task an_administrator_lowers_a_source_and_the_open_box_screen_counts_another()
    {
        var (box, official) = Submissions.BoxIn("9", 30);
        await Submissions.SendAsync(centre.Server, DistrictOffice, Submissions.Body(box, official, Submissions.Ak, Submissions.Rival(official), 30));
        var (boxPage, _) = await centre.OpenAsync(UiPath.Box(box.Code));
        await Assertions.Expect(boxPage.Locator("#box-compare th.counted[data-source=district-office]")).ToHaveCountAsync(1);
        var (sources, _) = await centre.OpenAsync("/sources");
        try
        {
            await sources.Locator("#ranks-form tr[data-source=district-office] input").FillAsync("10");
            await sources.Locator("#ranks-reason").FillAsync("district offices copy their sheets by hand tonight");
            await sources.ClickAsync("#ranks-submit");

            await Assertions.Expect(sources.Locator("#ranks-message.notice")).ToBeVisibleAsync();
            await sources.ShowsAsync("#sources-table tr[data-source=district-office] .rank", "10");
            await Assertions.Expect(boxPage.Locator("#box-compare th.counted[data-source=authority-feed]")).ToHaveCountAsync(1);
            (await boxPage.TextAsync("#box-status")).ShouldBe("Çelişki");
            await OperationsCentre.ShootAsync(sources, "sources-ranks");
            // A rank below 1 is refused on the screen, in its language, naming the source; nothing changes.
            await sources.Locator("#ranks-form tr[data-source=sms] input").FillAsync("0");
            await sources.Locator("#ranks-reason").FillAsync("a try");
            await sources.ClickAsync("#ranks-submit");
            await Assertions.Expect(sources.Locator("#ranks-message.warning")).ToHaveTextAsync("SMS: sıralar 1'den başlar (0 genel merkez düzeltmesinindir).");
        }
        finally
        {
            // The other tests of this class count the district office first.
            using var restore = await centre.Server.Http.PutAsync("api/v1/admin/sources", new StringContent(
                """{"ranks":{"district-office":1},"reason":"restored after the test"}""", System.Text.Encoding.UTF8, "application/json"),
                TestContext.Current.CancellationToken);
            restore.EnsureSuccessStatusCode();
        }
        await Assertions.Expect(boxPage.Locator("#box-compare th.counted[data-source=district-office]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task an_administrator_adds_a_source_on_the_screen_and_retires_it_again()
    {
        var (overview, _) = await centre.OpenAsync("/");
        await overview.MarkAsync();
        await Assertions.Expect(overview.Locator("#source-view input[value=bar-association]")).ToHaveCountAsync(0);
        var (sources, _) = await centre.OpenAsync("/sources");
        await sources.Locator("#source-id").FillAsync("bar-association");
        await sources.Locator("#source-name-tr").FillAsync("Baro gözlemcileri");
        await sources.Locator("#source-rank").FillAsync("1");
        await sources.ClickAsync("#source-add");
        // No reason: refused in the screen's language, nothing added.
        await Assertions.Expect(sources.Locator("#sources-message.warning")).ToContainTextAsync("gerekçesini yazın");
        await sources.Locator("#sources-reason").FillAsync("the bar association joins tonight");
        await sources.ClickAsync("#source-add");

        await Assertions.Expect(sources.Locator("#sources-message.notice")).ToContainTextAsync("Baro gözlemcileri eklendi");
        await Assertions.Expect(sources.Locator("#sources-table tr[data-source=bar-association] .rank")).ToHaveTextAsync("1");
        // A screen opened before the source was added offers it in its picker without being reloaded.
        await Assertions.Expect(overview.Locator("#source-view input[value=bar-association]")).ToHaveCountAsync(1);
        var (box, official) = Submissions.BoxIn("11", 30);
        await Submissions.SendAsync(centre.Server, "bar-association", Submissions.Body(box, official, Submissions.Ak, Submissions.Rival(official), 0));
        var (boxPage, _) = await centre.OpenAsync(UiPath.Box(box.Code));
        await Assertions.Expect(boxPage.Locator("#box-compare th.counted[data-source=bar-association]")).ToHaveCountAsync(1);

        await sources.Locator("#retire-reason").FillAsync("its sheets could not be checked");
        await sources.ClickAsync("#retire-table tr[data-source=bar-association] button.retire");

        await Assertions.Expect(sources.Locator("#retire-message.notice")).ToContainTextAsync("sayımdan çıkarıldı: 1 sandık");
        await Assertions.Expect(sources.Locator("#sources-table tr.retired[data-source=bar-association] .retired-mark")).ToBeVisibleAsync();
        await Assertions.Expect(sources.Locator("#retire-table tr[data-source=bar-association] button.reinstate")).ToBeVisibleAsync();
        await Assertions.Expect(boxPage.Locator("#box-compare th.counted[data-source=authority-feed]")).ToHaveCountAsync(1);
        await Assertions.Expect(overview.Locator("#source-view label:has(input[value=bar-association]) small")).ToContainTextAsync("sayım dışı");
        (await overview.StillMarkedAsync()).ShouldBeTrue();
        await OperationsCentre.ShootAsync(sources, "sources-retired");
        // Its sheet is still there in a view that names it.
        var (ownView, _) = await centre.OpenAsync(UiPath.Box(box.Code, "bar-association"));
        await Assertions.Expect(ownView.Locator("#box-compare th.counted[data-source=bar-association]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task an_override_typed_wrong_is_refused_in_the_screens_language_and_then_counted()
    {
        var (box, official) = Submissions.BoxIn("10", 30);
        await Submissions.SendAsync(centre.Server, DistrictOffice, Submissions.Body(box, official, Submissions.Ak, Submissions.Rival(official), 30));
        // The box's screen links to the override for a user who may make one.
        var (page, _) = await centre.OpenAsync(UiPath.Box(box.Code));
        await page.ClickAsync("#box-override");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/boxes/override\\?code="));
        // The form starts from the counted tally; one more valid vote than the choices hold is refused.
        var valid = page.Locator("#override-form tr[data-field=valid] input");
        await Assertions.Expect(page.Locator("#override-form thead th.counted small")).ToHaveTextAsync("İlçe başkanlığı");
        await Assertions.Expect(valid).ToHaveValueAsync(official.Valid.ToString(Invariant));
        await valid.FillAsync((official.Valid + 1).ToString(Invariant));
        await page.Locator("#override-reason").FillAsync("re-counted at the district office");
        await page.ClickAsync("#override-submit");

        var sum = official.Votes.ToArray().Sum();
        await Assertions.Expect(page.Locator("#override-message.warning")).ToContainTextAsync(
            $"Oyların toplamı {sum.ToString("N0", Turkish)}, ama geçerli oy {(official.Valid + 1).ToString("N0", Turkish)} girildi.");
        // Both checks the one wrong figure fails mark the totals they compare it with.
        (await page.Locator("#override-form tr.refused").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.field)")).ShouldBe(["voted", "valid"]);
        await Assertions.Expect(page.Locator("#override-form tr[data-field=valid] td.counted.diff")).ToHaveCountAsync(1);
        await page.EvaluateAsync("window.scrollTo(0, 0)"); // the table's sticky head stays where the click scrolled to
        await OperationsCentre.ShootAsync(page, "override-refused");
        (await Json.GetAsync(centre.Server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(box.Code)}"))
            .GetProperty("countedSource").GetString().ShouldBe("district-office");

        await valid.FillAsync(official.Valid.ToString(Invariant));
        await page.ClickAsync("#override-submit");

        await Assertions.Expect(page.Locator("#override-message.notice")).ToContainTextAsync("genel merkez tutanağından sayılıyor");
        await Assertions.Expect(page.Locator("#override-form thead th.counted small")).ToHaveTextAsync("Genel merkez düzeltmesi");
        await Assertions.Expect(page.Locator("#override-form tr.refused, #override-form td.diff")).ToHaveCountAsync(0);
        (await Json.GetAsync(centre.Server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(box.Code)}"))
            .GetProperty("countedSource").GetString().ShouldBe("hq-override");
    }

    [Fact]
    public async Task a_sheet_phoned_in_is_logged_as_the_call_centre_with_the_operator_as_reporter()
    {
        var (box, official) = Submissions.BoxIn("11", 30);
        var (page, _) = await centre.OpenAsync(UiPath.Box(box.Code));
        await page.ClickAsync("#box-phoned");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/calls/enter\\?code="));
        var ak = page.Locator("#phoned-form tr[data-choice=ak_parti] input");
        await Assertions.Expect(ak).ToHaveValueAsync(official.Votes[Submissions.Ak].ToString(Invariant));
        await ak.FillAsync((official.Votes[Submissions.Ak] - 5).ToString(Invariant));
        await page.Locator("#phoned-form tr[data-choice=chp] input").FillAsync((official.Votes[TestServer.Official.Race.IndexOf("chp")] + 5).ToString(Invariant));
        await page.Locator("#phoned-reason").FillAsync("the chair read it out");
        await page.ClickAsync("#phoned-submit");

        await Assertions.Expect(page.Locator("#phoned-message.notice")).ToContainTextAsync("çağrı merkezi tutanağı kaydedildi");
        var explain = await Json.GetAsync(centre.Server.Http, $"api/v1/boxes/explain?code={Uri.EscapeDataString(box.Code)}");
        explain.GetProperty("status").GetString().ShouldBe("Conflict");
        var entry = explain.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("source").GetString() == "call-centre");
        entry.GetProperty("reporter").GetString().ShouldBe(centre.Server.Administrator.User);
        entry.GetProperty("evidence").GetString().ShouldBe("the chair read it out");
        entry.GetProperty("votes").GetProperty("ak_parti").GetInt32().ShouldBe(official.Votes[Submissions.Ak] - 5);
    }

    [Fact]
    public async Task a_two_source_view_agrees_with_the_command_line()
    {
        foreach (var skip in Enumerable.Range(0, 5))
        {
            var (box, official) = Submissions.BoxIn("6", 20, skip);
            await Submissions.SendAsync(centre.Server, DistrictOffice, Submissions.Body(box, official, Submissions.Rival(official), Submissions.Ak, 20));
        }
        const string view = "district-office,authority-feed";

        var (overview, _) = await centre.OpenAsync("/?sources=" + view);
        var (ankara, _) = await centre.OpenAsync("/areas/6?sources=" + view);
        var (officeOnly, _) = await centre.OpenAsync("/?sources=district-office");
        var cli = await ResultsAsync(view);
        var alone = await ResultsAsync(DistrictOffice);

        (await overview.TextAsync("#choice-bars tr[data-choice=ak_parti] .votes")).ShouldBe(N(cli.GetProperty("votes").GetProperty("ak_parti")));
        (await overview.TextAsync("#choice-bars tr[data-choice=chp] .votes")).ShouldBe(N(cli.GetProperty("votes").GetProperty("chp")));
        (await overview.TextAsync("#card-valid .card-value")).ShouldBe(N(cli.GetProperty("valid")));
        (await overview.TextAsync("#card-boxes .card-value")).ShouldBe($"{N(cli.GetProperty("boxes"))} / {N(cli.GetProperty("boxesTotal"))}");
        (await overview.TextAsync("#card-turnout .card-value")).ShouldBe(cli.GetProperty("turnout").GetDouble().ToString("P1", Turkish));

        var province = cli.GetProperty("provinces").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "6");
        var summary = "#results-table tr.summary";
        (await ankara.TextAsync($"{summary} td[data-choice=ak_parti] small")).ShouldBe(N(province.GetProperty("votes").GetProperty("ak_parti")));
        (await ankara.TextAsync($"{summary} .valid")).ShouldBe(N(province.GetProperty("valid")));
        (await ankara.TextAsync($"{summary} .invalid")).ShouldBe(N(province.GetProperty("invalid")));
        (await ankara.TextAsync($"{summary} .turnout")).ShouldBe(province.GetProperty("turnout").GetDouble().ToString("P1", Turkish));
        (await ankara.TextAsync($"{summary} .conflicts")).ShouldBe(N(province.GetProperty("conflicts")));
        // And against the official file itself, without the reconciliation the screen and the command line share: the
        // office outranks the authority feed, so its five sheets count, each with 20 votes moved to AK Parti, and each
        // box is in conflict.
        var file = TestServer.Official;
        var inAnkara = file.Tallies.Where(t => file.Geography.Boxes[t.BoxIndex].Code.StartsWith("6/", StringComparison.Ordinal)).ToList();
        (await ankara.TextAsync($"{summary} td[data-choice=ak_parti] small")).ShouldBe((inAnkara.Sum(t => (long)t.Tally.Votes[Submissions.Ak]) + 5 * 20).ToString("N0", Turkish));
        (await ankara.TextAsync($"{summary} .valid")).ShouldBe(inAnkara.Sum(t => (long)t.Tally.Valid).ToString("N0", Turkish));
        (await ankara.TextAsync($"{summary} .conflicts")).ShouldBe("5");
        await OperationsCentre.ShootAsync(ankara, "area-two-source-view");

        (await officeOnly.TextAsync("#card-boxes .card-value")).ShouldBe($"{N(alone.GetProperty("boxes"))} / 174.992");
        (await officeOnly.TextAsync("#choice-bars tr[data-choice=ak_parti] .votes")).ShouldBe(N(alone.GetProperty("votes").GetProperty("ak_parti")));
    }

    /// <summary><c>sandik results --store … --sources … --format json</c>, run in-process against the server's store.</summary>
    private async Task<JsonElement> ResultsAsync(string sources)
    {
        var output = new StringWriter();
        var context = new CliContext { Out = output, Messages = Consoles.For(new StringWriter()) };
        var code = await SandikCommands.RunAsync(
            ["results", "--store", centre.Server.Store, "--election", TestServer.ElectionId, "--sources", sources, "--format", "json"], context, CancellationToken.None);
        code.ShouldBe(0, output.ToString());
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }

    private static string N(JsonElement number) => number.GetInt64().ToString("N0", Turkish);

    private static long Number(string text) => long.Parse(text, NumberStyles.AllowThousands, Turkish);
}
