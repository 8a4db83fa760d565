using Microsoft.Playwright;
using Sandik.Server.Tests.Anomalies;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Ui;

/// <summary>
/// The anomalies screen over the whole November 2015 count: a stuffed box sent through the API rises to the top of
/// the open screen without a reload, with its reason in the screen's language, and the filters narrow the list.
/// </summary>
public sealed class when_anomalies_are_watched(OperationsCentre centre) : IClassFixture<OperationsCentre>
{
    [Fact]
    public async Task a_stuffed_box_tops_the_list_with_its_reason_and_a_province_filter_narrows_it()
    {
        var (page, _) = await centre.OpenAsync("/anomalies");
        await page.Locator("#anomaly-status[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await page.MarkAsync();
        var (box, official) = Submissions.BoxIn("42", 40);
        var registered = official.Registered!.Value;
        var voted = official.Voted!.Value + StuffedNight.ExtraPerRegistered * registered;

        await Submissions.SendAsync(centre.Server, "district-office",
            StuffedNight.Stuffed(box, official, (StuffedNight.ExtraPerRegistered - 1) * registered, registered));

        var first = page.Locator("#anomalies-table tbody tr").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-code", box.Code, new LocatorAssertionsToHaveAttributeOptions { Timeout = 15_000 });
        (await first.Locator(".rank").InnerTextAsync()).Trim().ShouldBe("1");
        (await first.Locator("li[data-code='register.over']").InnerTextAsync()).ShouldStartWith($"{registered} kayıtlı seçmene karşın {voted} kişi");
        (await first.Locator("a").First.GetAttributeAsync("href")).ShouldBe(UiPath.Box(box.Code));
        (await page.StillMarkedAsync()).ShouldBeTrue();
        await OperationsCentre.ShootAsync(page, "anomalies");

        await page.Locator("#filter-province").SelectOptionAsync("6");

        await Assertions.Expect(page.Locator($"#anomalies-table tr[data-code='{box.Code}']")).ToHaveCountAsync(0);
        var rows = page.Locator("#anomalies-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(200);
        (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.province)")).ShouldAllBe(p => p == "6");
        (await page.GetAttributeAsync("#anomalies-csv", "href"))!.ShouldContain("area=6");
        await Assertions.Expect(page.Locator("#reinforcement-table tbody tr").First).ToContainTextAsync("Ankara");

        await page.Locator("#filter-check").SelectOptionAsync("register");

        await Assertions.Expect(rows).Not.ToHaveCountAsync(200);
        var narrowed = await rows.CountAsync();
        narrowed.ShouldBeGreaterThan(0);
        (await page.Locator("#anomalies-table tbody tr:has(li[data-code^='register.'])").CountAsync()).ShouldBe(narrowed);
        new Uri(page.Url).Query.ShouldContain("check=register");
    }

    [Fact]
    public async Task reasons_are_in_english_on_the_english_screen()
    {
        var (page, _) = await centre.OpenAsync("/anomalies?province=34", language: "en");
        await page.Locator("#anomaly-status[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        var reason = page.Locator("#anomalies-table li[data-code='register.over']").First;
        (await reason.InnerTextAsync()).ShouldContain("voters for 72 registered");
        await page.ShowsAsync("h1", "Boxes to look at");
        await Assertions.Expect(page.Locator("#flagged-areas tbody tr").First).ToBeVisibleAsync();
    }
}
