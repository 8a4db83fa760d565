using System.Globalization;
using Microsoft.Playwright;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Ui;

/// <summary>
/// The operations centre over the whole November 2015 election, every box counted from the authority feed: each screen
/// shows the real numbers, in Turkish by default, in English on request, through any source view.
/// </summary>
public sealed class when_the_night_is_watched(OperationsCentre centre) : IClassFixture<OperationsCentre>
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    [Fact]
    public async Task the_overview_shows_the_national_count_in_Turkish()
    {
        var (page, _) = await centre.OpenAsync("/");

        (await page.TextAsync("#choice-bars tr[data-choice=ak_parti] .votes")).ShouldBe("22.959.394");
        (await page.TextAsync("#choice-bars tr[data-choice=ak_parti] .share")).ShouldBe("%49,3");
        (await page.TextAsync("#choice-bars tr[data-choice=chp] .votes")).ShouldBe("11.900.875");
        (await page.TextAsync("#card-boxes .card-value")).ShouldBe("174.992 / 174.992");
        (await page.TextAsync("#card-valid .card-value")).ShouldBe("46.555.267");
        (await page.TextAsync("h1")).ShouldBe("1 Kasım 2015 Milletvekili Genel Seçimi");
        (await page.Locator("#choice-bars tbody tr").First.GetAttributeAsync("data-choice")).ShouldBe("ak_parti");
        await OperationsCentre.ShootAsync(page, "overview");
    }

    [Fact]
    public async Task switching_the_source_view_changes_every_number_and_the_link()
    {
        var (page, _) = await centre.OpenAsync("/");
        await page.MarkAsync();

        await page.ClickAsync("#source-view summary");
        await page.Locator("input[name=source][value=authority-feed]").UncheckAsync();

        await page.ShowsAsync("#choice-bars tr[data-choice=ak_parti] .votes", "0");
        (await page.TextAsync("#card-boxes .card-value")).ShouldBe("0 / 174.992");
        page.Url.ShouldContain("sources=hq-override%2Cdistrict-office%2Cschool-it%2Cobserver-app");
        page.Url.ShouldNotContain("authority-feed");
        await OperationsCentre.ShootAsync(page, "overview-without-authority-feed");

        await page.ClickAsync("#source-view-all");
        await page.ShowsAsync("#choice-bars tr[data-choice=ak_parti] .votes", "22.959.394");
        page.Url.ShouldNotContain("sources=");
        (await page.StillMarkedAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task a_link_with_a_source_view_opens_every_screen_in_that_view()
    {
        var (page, _) = await centre.OpenAsync("/areas/6?sources=authority-feed");
        (await page.TextAsync("#results-table tr.summary td[data-choice=ak_parti] small")).ShouldBe("1.618.972");
        (await page.TextAsync("#source-view-summary")).ShouldBe("1 kaynak: YSK verisi");

        await page.ClickAsync(".menu a[href^='map']");
        await page.WaitForURLAsync("**/map?sources=authority-feed");
        (await page.TextAsync("#province-table tr[data-code='6'] .counted")).ShouldBe("%100,0");

        var (sms, _) = await centre.OpenAsync("/map?sources=sms");
        (await sms.TextAsync("#province-table tr[data-code='6'] .counted")).ShouldBe("%0,0");
        await Assertions.Expect(sms.Locator("path.p-6")).ToHaveAttributeAsync("fill", "#d9d9d9");
    }

    [Fact]
    public async Task the_language_switch_turns_words_and_numbers_English_and_is_remembered()
    {
        var (page, _) = await centre.OpenAsync("/");

        await page.ClickAsync("#lang-en");

        await page.ShowsAsync(".menu a.active", "Overview");
        (await page.TextAsync("#choice-bars tr[data-choice=ak_parti] .votes")).ShouldBe("22,959,394");
        (await page.TextAsync("#choice-bars tr[data-choice=ak_parti] .share")).ShouldBe("49.3%");
        (await page.TextAsync("#card-boxes .card-value")).ShouldBe("174,992 of 174,992");
        (await page.TextAsync("h1")).ShouldBe("General election of 1 November 2015");
        await OperationsCentre.ShootAsync(page, "overview-english");

        await page.ReloadAsync();
        await OperationsCentre.WaitInteractiveAsync(page);
        (await page.TextAsync(".menu a.active")).ShouldBe("Overview");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("en");
    }

    [Fact]
    public async Task the_independents_column_is_named_in_the_screens_language()
    {
        var province = ProvinceWhereIndependentsLead();
        var (english, _) = await centre.OpenAsync("/areas/" + province, language: "en");
        var (turkish, _) = await centre.OpenAsync("/areas/" + province);

        await english.ShowsAsync("#results-table button[data-sort='choice:bagimsiz']", "Independents");
        (await english.TextAsync("#choice-bars tr[data-choice=bagimsiz] th")).ShouldBe("Independents");
        (await english.GetAttributeAsync("#choice-bars tr[data-choice=bagimsiz] th span[title]", "title")).ShouldBe("Independent candidates (total)");
        (await turkish.TextAsync("#results-table button[data-sort='choice:bagimsiz']")).ShouldBe("Bağımsız");
        (await turkish.TextAsync("#choice-bars tr[data-choice=bagimsiz] th")).ShouldBe("Bağımsız");
        // A party's name is a name in any language.
        (await english.TextAsync("#choice-bars tr[data-choice=ak_parti] th")).ShouldBe("AK Parti");
    }

    /// <summary>A province where the independents are among the four choices the drill-down table has columns for.</summary>
    private static string ProvinceWhereIndependentsLead()
    {
        var official = TestServer.Official;
        var independents = official.Race.IndexOf("bagimsiz");
        return official.Tallies
            .GroupBy(t => official.Geography.Boxes[t.BoxIndex].Code.Split('/')[0])
            .Select(p => (Code: p.Key, Votes: Enumerable.Range(0, official.Race.Choices.Count).Select(c => p.Sum(t => (long)t.Tally.Votes[c])).ToArray()))
            .Where(p => p.Votes.Count(v => v > p.Votes[independents]) < 4)
            .OrderByDescending(p => p.Votes[independents])
            .First().Code;
    }

    [Fact]
    public async Task the_map_colours_every_province_by_its_leader_and_opens_one_on_click()
    {
        var (page, _) = await centre.OpenAsync("/map");
        await page.Locator("#province-map[data-ready=true]").WaitForAsync();

        (await page.Locator("path.province").CountAsync()).ShouldBe(81);
        await Assertions.Expect(page.Locator("path.p-34")).ToHaveAttributeAsync("fill", "#f39c12");
        await Assertions.Expect(page.Locator("path.p-21")).ToHaveAttributeAsync("fill", "#8e44ad");
        await Assertions.Expect(page.Locator("path.p-35")).ToHaveAttributeAsync("fill", "#d7191c");
        (await page.TextAsync("#province-table tr[data-code='21'] .leader")).ShouldBe("HDP");
        await OperationsCentre.ShootAsync(page, "map-leader");

        await page.Locator("path.p-6").HoverAsync();
        await Assertions.Expect(page.Locator(".leaflet-tooltip")).ToContainTextAsync("Ankara");

        await page.Locator("input[name=metric][value=turnout]").CheckAsync();
        await Assertions.Expect(page.Locator("path.p-34")).Not.ToHaveAttributeAsync("fill", "#f39c12");
        // The metric goes into the address too; a click landing while that navigation is under way would be undone by it.
        await page.WaitForURLAsync("**/map?metric=turnout");
        await OperationsCentre.ShootAsync(page, "map-turnout");

        // Leaflet listens on the province's own path; a click at the centre of its bounding box may land on a neighbour.
        await page.Locator("path.p-6").DispatchEventAsync("click");
        await page.WaitForURLAsync("**/areas/6");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ankara");
    }

    [Fact]
    public async Task the_drill_down_goes_from_province_to_box_with_the_same_columns()
    {
        var (page, _) = await centre.OpenAsync("/areas/34");
        (await page.TextAsync("#results-table tr.summary td[data-choice=ak_parti] small")).ShouldBe("4.381.816");
        (await page.Locator("#results-table tbody tr:not(.summary)").CountAsync()).ShouldBe(3);
        await OperationsCentre.ShootAsync(page, "area-province");

        await page.ClickAsync("#results-table a:text-is('İstanbul 1. Bölge')");
        await page.WaitForURLAsync("**/areas/34-1");
        await page.FillAsync("#table-filter", "kadıkoy");
        await Assertions.Expect(page.Locator("#results-table tbody tr:not(.summary)")).ToHaveCountAsync(1);
        (await page.Locator("#results-table tbody tr:not(.summary)").GetAttributeAsync("data-code")).ShouldBe("34/Kadıköy");

        await page.ClickAsync("#results-table a:text-is('Kadıköy')");
        await page.WaitForURLAsync("**/areas/34/Kad*");
        (await page.TextAsync(".crumbs")).ShouldContain("İstanbul 1. Bölge");
        await page.Locator("#results-table tbody tr:not(.summary) a").First.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#results-table .badge').length > 0");
        (await page.TextAsync("section.panel > h2")).ShouldBe("Sandıklar");
        await OperationsCentre.ShootAsync(page, "area-neighbourhood-boxes");

        await page.Locator("#results-table tbody tr:not(.summary) a").First.ClickAsync();
        await page.WaitForURLAsync("**/boxes?code=34*");
        (await page.TextAsync("#box-status")).ShouldBe("Tek kaynak");
        await Assertions.Expect(page.Locator("#box-compare th.counted[data-source=authority-feed]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task the_tables_sort_by_any_column_and_export_what_they_show()
    {
        var (page, _) = await centre.OpenAsync("/areas");
        (await page.Locator("#results-table tbody tr:not(.summary)").CountAsync()).ShouldBe(81);

        await page.ClickAsync("#results-table button[data-sort=turnout]");
        await Assertions.Expect(page.Locator("#results-table")).ToHaveAttributeAsync("data-sort", "turnout");
        var turnouts = await page.Locator("#results-table tbody tr:not(.summary) .turnout").AllInnerTextsAsync();
        var values = turnouts.Select(t => double.Parse(t.Trim().TrimStart('%'), Turkish)).ToList();
        values.ShouldBe(values.OrderByDescending(v => v).ToList());

        await page.FillAsync("#table-filter", "ist");
        await Assertions.Expect(page.Locator("#results-table tbody tr:not(.summary)")).ToHaveCountAsync(1);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#table-csv"));
        var bytes = File.ReadAllBytes(await download.PathAsync());
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "a byte-order mark, so that spreadsheets read the Turkish letters");
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd('\n').Split('\n');
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("level,code,name,boxes,boxes_total");
        lines[1].ShouldStartWith("nation,TR,Türkiye,174992,174992,");
        lines[2].ShouldStartWith("province,34,İstanbul,28053,28053,");
        lines[2].ShouldContain(",ak_parti,4381816,");
    }

    [Fact]
    public async Task the_box_page_shows_the_source_its_count_and_its_history()
    {
        var box = TestServer.Official.Geography.Boxes[0];
        var (page, _) = await centre.OpenAsync(UiPath.Box(box.Code));

        (await page.TextAsync("#box-status")).ShouldBe("Tek kaynak");
        await Assertions.Expect(page.Locator("#box-history tbody tr")).ToHaveCountAsync(1);
        (await page.TextAsync("#box-history tbody tr")).ShouldContain("YSK verisi");
        var official = TestServer.Official.Tallies.First(t => t.BoxIndex == box.Index).Tally;
        (await page.TextAsync("#box-compare tr[data-field=valid] td")).ShouldBe(official.Valid.ToString("N0", Turkish));
        await OperationsCentre.ShootAsync(page, "box-single-source");
    }

    [Fact]
    public async Task the_sources_page_counts_what_each_source_sent()
    {
        var (page, _) = await centre.OpenAsync("/sources");

        (await page.TextAsync("#sources-table tr[data-source=authority-feed] .received")).ShouldBe("174.992");
        (await page.TextAsync("#sources-table tr[data-source=authority-feed] .only")).ShouldBe("174.992");
        (await page.TextAsync("#sources-table tr[data-source=sms] .received")).ShouldBe("0");
        (await page.Locator("#flow-chart polyline").CountAsync()).ShouldBe(10); // the nine sources and the HQ override
        await OperationsCentre.ShootAsync(page, "sources");
    }

    [Fact]
    public async Task the_analysis_screen_gives_the_official_seats_and_the_closest_last_seat_in_English()
    {
        var (page, _) = await centre.OpenAsync("/analysis", language: "en");

        (await page.TextAsync("#seats-counted")).ShouldBe("General election of 1 November 2015: 174,992 of 174,992 boxes counted.");
        foreach (var (party, seats) in new[] { ("ak_parti", "317"), ("chp", "134"), ("mhp", "40"), ("hdp", "59") })
            (await page.TextAsync($"#threshold-table tr[data-id='{party}'] td.seats")).ShouldBe(seats, party);
        (await page.TextAsync("#threshold-table tr[data-id='hdp'] td.share")).ShouldBe("10.76%");
        var mersin = page.Locator("#last-seats-table tr[data-code='33-1']");
        (await mersin.Locator("td.holder").GetAttributeAsync("data-id")).ShouldBe("chp");
        (await mersin.Locator("td.challenger").GetAttributeAsync("data-id")).ShouldBe("hdp");
        (await mersin.Locator("td.gap").InnerTextAsync()).ShouldBe("25");
        // Served without a prior election, the swing says what it needs.
        await Assertions.Expect(page.Locator("#no-prior")).ToHaveTextAsync("No prior election is loaded: start the server with --prior-election.");
        // The menu keeps to one row at 1366 px, however long the user's name.
        var tops = await page.Locator(".menu a").EvaluateAllAsync<double[]>("links => links.map(a => a.getBoundingClientRect().top)");
        tops.Distinct().Count().ShouldBe(1);
        await OperationsCentre.ShootAsync(page, "analysis-current-en");
    }

    [Fact]
    public async Task an_unknown_address_shows_the_not_found_screen_with_status_404_and_the_api_keeps_its_problem()
    {
        var (page, _) = await centre.OpenAsync("/areas");
        var response = await page.GotoAsync(centre.Server.Url + "/no-such-page?x=1");

        response!.Status.ShouldBe(404);
        (await response.HeaderValueAsync("content-type"))!.ShouldStartWith("text/html");
        await OperationsCentre.WaitInteractiveAsync(page);
        await page.ShowsAsync("h1", "Sayfa bulunamadı.");
        await Assertions.Expect(page.Locator(".menu")).ToBeVisibleAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/no-such-page");
        await OperationsCentre.ShootAsync(page, "not-found");

        foreach (var path in new[] { "api/v1/no-such", "no-such-page" })
        {
            // A program, whatever the path, and a browser on an API path get ProblemDetails.
            using var program = await centre.Server.Http.GetAsync(path, TestContext.Current.CancellationToken);
            program.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound, path);
            program.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", path);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/no-such");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        using var api = await centre.Server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        api.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task the_conflicts_page_says_no_sources_disagree()
    {
        var (page, _) = await centre.OpenAsync("/conflicts");

        await Assertions.Expect(page.Locator("#no-conflicts")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Prints how long each screen takes (docs/benchmarks.md, "Web UI"); the times are not asserted. What is: every
    /// screen answers, renders and becomes interactive, first render before interactive, without a script error.
    /// </summary>
    [Fact]
    public async Task every_screen_reports_how_fast_it_renders()
    {
        var box = TestServer.Official.Geography.Boxes[^1];
        string[] paths = ["/", "/sources", "/map", "/areas", "/areas/34", "/areas/34/Kadıköy", "/areas/34/Kadıköy/Caferağa", UiPath.Box(box.Code),
            "/conflicts", "/analysis", "/?sources=district-office,authority-feed", "/areas/34?sources=school-it,authority-feed"];
        var (first, median) = await GetAsync("_content/Sandik.Server/sandik.css");
        var lines = new List<string>
        {
            $"{"screen",-44} server render (HTTP GET): first / median of 5   browser: first render / interactive",
            $"{"baseline: a static file (sandik.css)",-44} {first,21:F0} ms / {median,4:F0} ms",
        };
        foreach (var path in paths)
        {
            (first, median) = await GetAsync(path);
            var errors = centre.ScriptErrors.Count;
            var (page, time) = await centre.OpenAsync(path);
            await page.Context.CloseAsync();
            time.Shown.ShouldBeGreaterThan(TimeSpan.Zero, path);
            time.Interactive.ShouldBeGreaterThanOrEqualTo(time.Shown, path);
            centre.ScriptErrors.Skip(errors).ShouldBeEmpty(path);
            lines.Add($"{Uri.UnescapeDataString(path),-44} {first,21:F0} ms / {median,4:F0} ms {time.Shown.TotalMilliseconds,18:F0} ms / {time.Interactive.TotalMilliseconds,4:F0} ms");
        }
        var file = Path.Combine(AppContext.BaseDirectory, "TestResults", "ui-render-times.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllLinesAsync(file, lines, TestContext.Current.CancellationToken);
        foreach (var line in lines)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
            Console.WriteLine(line);
        }
        Console.WriteLine($"render times: {file}");
    }

    /// <summary>The first of five GETs and their median, in milliseconds.</summary>
    private async Task<(double First, double Median)> GetAsync(string path)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await centre.Server.Http.GetAsync(path.TrimStart('/'), TestContext.Current.CancellationToken);
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            times.Add(clock.Elapsed.TotalMilliseconds);
            response.IsSuccessStatusCode.ShouldBeTrue(path);
        }
        return (times[0], times.Order().ElementAt(2));
    }

    [Fact]
    public async Task the_trust_rank_form_and_the_anomaly_list_are_readable_on_a_phone()
    {
        const int phone = 390;
        var (sources, _) = await centre.OpenAsync("/sources", phone, 844);
        // However long the user's name, signing out stays on its line (the name is cut, whole in its tooltip).
        var name = (await sources.Locator("#session .who").BoundingBoxAsync())!;
        var signOut = (await sources.Locator("#sign-out").BoundingBoxAsync())!;
        Math.Abs((name.Y + name.Height / 2) - (signOut.Y + signOut.Height / 2)).ShouldBeLessThan(4);
        ((double)signOut.X + signOut.Width).ShouldBeLessThanOrEqualTo(phone);
        await sources.Locator("#ranks-form").ScrollIntoViewIfNeededAsync();
        (await sources.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        var form = await Box(sources, "#ranks-form");
        form.Right.ShouldBeLessThanOrEqualTo(phone);
        // Fields a thumb can hit, their text large enough that the phone does not zoom in when one is focused.
        foreach (var field in await sources.Locator("#ranks-form input[type=number], #ranks-reason, #ranks-submit").AllAsync())
        {
            var box = (await field.BoundingBoxAsync())!;
            ((double)box.Height).ShouldBeGreaterThanOrEqualTo(40);
            ((double)box.X + box.Width).ShouldBeLessThanOrEqualTo(form.Right);
            (await field.EvaluateAsync<double>("f => parseFloat(getComputedStyle(f).fontSize)")).ShouldBeGreaterThanOrEqualTo(16);
        }
        (await Box(sources, "#ranks-reason")).Width.ShouldBeGreaterThan(phone * 0.75);
        await sources.Locator("#ranks-form").ScreenshotAsync(new() { Path = Path.Combine(OperationsCentre.Screenshots, "phone-ranks-form.png") });

        var (anomalies, _) = await centre.OpenAsync("/anomalies", phone, 844);
        await anomalies.Locator("#anomaly-status[data-ready=true]").WaitForAsync(new() { Timeout = 60_000 });
        (await anomalies.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        foreach (var filter in new[] { "#filter-province", "#filter-check", "#filter-min", "#anomalies-csv" })
            (await Box(anomalies, filter)).Right.ShouldBeLessThanOrEqualTo(phone, filter);
        // Each flagged box reads on the phone's width, without scrolling sideways: its rank, code, score, place and reasons.
        var first = "#anomalies-table tbody tr:first-child";
        foreach (var cell in new[] { ".rank", "th a", ".score", ".where", "ul.reasons" })
            (await Box(anomalies, $"{first} {cell}")).Right.ShouldBeLessThanOrEqualTo(phone, cell);
        await anomalies.ScreenshotAsync(new() { Path = Path.Combine(OperationsCentre.Screenshots, "phone-anomalies.png") });
    }

    private static async Task<(double Width, double Right)> Box(IPage page, string selector)
    {
        var box = await page.Locator(selector).First.BoundingBoxAsync() ?? throw new InvalidOperationException(selector + " is not shown");
        return (box.Width, box.X + box.Width);
    }

    [Fact]
    public async Task the_screens_fit_a_tablet()
    {
        var (overview, _) = await centre.OpenAsync("/", 820, 1180);
        (await overview.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await OperationsCentre.ShootAsync(overview, "tablet-overview");

        var (map, _) = await centre.OpenAsync("/map", 820, 1180);
        await map.Locator("#province-map[data-ready=true]").WaitForAsync();
        (await map.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await OperationsCentre.ShootAsync(map, "tablet-map");
    }
}
