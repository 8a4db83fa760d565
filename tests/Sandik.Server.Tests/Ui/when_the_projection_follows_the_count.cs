using System.Globalization;
using Microsoft.Playwright;
using Sandik.Server.Tests.Projection.Support;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Ui;

/// <summary>
/// The overview's projection panel early in the night of November 2015 (June 2015 as the prior): projected shares with
/// their intervals beside the raw count, seats against the majority, the convergence chart, all following new tallies
/// without a reload.
/// </summary>
[Collection(ProjectedNightCollection.Name)]
public sealed class when_the_projection_follows_the_count(ProjectedNight night)
{
    /// <summary>
    /// The projection takes at most a sixteenth of a core, so on a loaded 2-core machine (other servers' tests beside
    /// it) its next snapshot can be tens of seconds away.
    /// </summary>
    private const int ProjectionWaitMs = 60_000;

    [Fact]
    public async Task the_overview_shows_the_projection_and_follows_new_tallies()
    {
        var (page, _) = await night.OpenAsync("/");
        var panel = page.Locator("#projection-panel");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-boxes", night.Sent.Count.ToString(CultureInfo.InvariantCulture), new() { Timeout = ProjectionWaitMs });
        await page.MarkAsync();

        await Assertions.Expect(page.Locator("#projection-prior")).ToHaveAttributeAsync("data-prior", TestServer.PriorElectionId);
        (await page.TextAsync("#projection-prior")).ShouldContain("7 Haziran 2015");
        var ak = page.Locator("#projection-table tr[data-choice=ak_parti]");
        var (low, value, high) = (await Number(ak, "data-low"), await Number(ak, "data-value"), await Number(ak, "data-high"));
        low.ShouldBeLessThan(value);
        value.ShouldBeLessThan(high);
        (await ak.Locator(".projected").InnerTextAsync()).ShouldStartWith("%");
        int.Parse(await page.GetAttributeAsync("#projection-golden", "data-reported") ?? "0", CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        (await ak.Locator(".golden").InnerTextAsync()).ShouldContain("±");
        await Assertions.Expect(page.Locator("#seat-chart line.majority")).ToHaveCountAsync(1);
        (await page.TextAsync("#projection-table th.majority")).ShouldBe("P(sandalye çoğunluğu: 276+)");
        (await page.TextAsync("#projection-table th.above-half")).ShouldBe("P(oy oranı > %50)");
        await Assertions.Expect(page.Locator("#seat-chart rect.seat-bar[data-choice=ak_parti]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#convergence-chart polygon.band[data-choice=ak_parti]")).ToHaveCountAsync(1);
        var pointsBefore = int.Parse(await page.GetAttributeAsync("#convergence-chart", "data-points") ?? "0", CultureInfo.InvariantCulture);
        pointsBefore.ShouldBeGreaterThanOrEqualTo(1);

        await night.SendAsync(night.Unsent(300, skip: 20_000));

        await Assertions.Expect(panel).ToHaveAttributeAsync("data-boxes", night.Sent.Count.ToString(CultureInfo.InvariantCulture), new() { Timeout = ProjectionWaitMs });
        await Assertions.Expect(page.Locator("#convergence-chart")).Not.ToHaveAttributeAsync("data-points", pointsBefore.ToString(CultureInfo.InvariantCulture),
            new() { Timeout = ProjectionWaitMs });
        (await page.StillMarkedAsync()).ShouldBeTrue();
        await OperationsCentre.ShootAsync(page, "overview-projection");
    }

    [Fact]
    public async Task in_english_the_panel_and_its_notes_speak_english()
    {
        var (page, _) = await night.OpenAsync("/", language: "en");
        await page.Locator("#projection-table").WaitForAsync(new() { Timeout = ProjectionWaitMs });

        (await page.TextAsync("#projection-panel h2")).ShouldBe("Projection");
        (await page.TextAsync("#projection-prior")).ShouldContain("7 June 2015");
        (await page.TextAsync("#projection-table thead")).ShouldContain("90% interval");
        // The three chances say what they are the chance of: two of the vote share, one of the seats.
        (await page.TextAsync("#projection-table th.threshold")).ShouldBe("P(vote share > 10%)");
        (await page.TextAsync("#projection-table th.majority")).ShouldBe("P(majority of seats: 276+)");
        (await page.GetAttributeAsync("#projection-table th.majority", "title")).ShouldBe("Probability of winning at least 276 of the 550 seats");
        (await page.TextAsync("#projection-table th.above-half")).ShouldBe("P(vote share > 50%)");
        (await page.GetAttributeAsync("#projection-table th.above-half", "title"))!.ShouldStartWith("Probability that the national vote share is above 50%");
        await OperationsCentre.ShootAsync(page, "overview-projection-en");
    }

    private static async Task<double> Number(ILocator row, string attribute) =>
        double.Parse(await row.GetAttributeAsync(attribute) ?? "NaN", CultureInfo.InvariantCulture);
}
