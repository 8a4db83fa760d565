using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Sandik.Server.Tests.Projection.Support;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Public;

/// <summary>
/// A server that publishes its count: anyone, without signing in, reads the totals of any area and its children —
/// the same numbers as the operations centre's, and nothing about boxes or sources — on a page and through the API.
/// </summary>
[Collection(ProjectedNightCollection.Name)]
public sealed class when_the_count_is_published(ProjectedNight night)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task anyone_reads_the_same_totals_as_the_operations_centre_and_nothing_of_boxes_or_sources()
    {
        const string bayburt = "69";
        await night.SendAsync(night.Unsent(40).Where(t => TestServer.Official.Geography.Boxes[t.BoxIndex].Code.StartsWith(bayburt + "/", StringComparison.Ordinal)));
        using var anyone = night.Server.Anonymous();

        var published = JsonDocument.Parse(await anyone.GetStringAsync($"api/v1/public/results?area={bayburt}", Ct)).RootElement;
        var inside = (await Json.GetAsync(night.Server.Http, $"api/v1/results?area={bayburt}")).GetProperty("area");

        var totals = published.GetProperty("totals");
        totals.GetProperty("boxesCounted").GetInt64().ShouldBe(inside.GetProperty("boxes").GetInt64());
        totals.GetProperty("valid").GetInt64().ShouldBe(inside.GetProperty("valid").GetInt64());
        foreach (var choice in totals.GetProperty("choices").EnumerateArray())
            choice.GetProperty("votes").GetInt64().ShouldBe(inside.GetProperty("votes").GetProperty(choice.GetProperty("id").GetString()!).GetInt64());
        published.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("boxesCounted").GetInt64()).ShouldBe(totals.GetProperty("boxesCounted").GetInt64());
        published.GetProperty("path").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ShouldBe(["TR"]);
        var text = published.GetRawText();
        foreach (var word in new[] { "authority-feed", "source", "reporter", "conflict", "box\"" }) text.ShouldNotContain(word);
        (await anyone.GetAsync("api/v1/public/results?area=no-such-area", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // What the operations centre reads stays behind the sign-in.
        (await anyone.GetAsync($"api/v1/results?area={bayburt}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_crowd_reloading_the_page_is_answered_from_a_copy_kept_for_two_seconds()
    {
        using var anyone = night.Server.Anonymous();
        using var first = await anyone.GetAsync("api/v1/public/results?area=34", Ct);
        using var second = await anyone.GetAsync("api/v1/public/results?area=34", Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.Age.ShouldNotBeNull("the second answer came from the kept copy");
        (await second.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        using var other = await anyone.GetAsync("api/v1/public/results?area=6", Ct);
        other.Headers.Age.ShouldBeNull("another area is another copy");
    }

    [Fact]
    public async Task the_page_shows_the_count_without_signing_in_in_both_languages()
    {
        var context = await night.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(night.Server.Url + "/public?area=69");

        response!.Status.ShouldBe(200);
        await Assertions.Expect(page.Locator("#public-title")).ToHaveTextAsync("1 Kasım 2015 Milletvekili Genel Seçimi · Bayburt");
        await Assertions.Expect(page.Locator("#public-counted")).ToContainTextAsync("sandık açıldı");
        await Assertions.Expect(page.Locator("#public-choices tr[data-choice='ak_parti'] td.votes")).ToHaveCountAsync(1);
        // Bayburt is one electoral district; the page leads down into it and its districts.
        await Assertions.Expect(page.Locator("#public-children tbody tr")).ToHaveAttributeAsync("data-code", "69-1");
        await page.ClickAsync("#public-children tr[data-code='69-1'] a");
        (await page.Locator("#public-children tbody tr").CountAsync()).ShouldBeGreaterThan(1);
        await Assertions.Expect(page.Locator("nav.crumbs a")).ToHaveTextAsync(["Türkiye", "Bayburt"]);
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await OperationsCentre.ShootAsync(page, "public-phone");
        await page.ClickAsync("a:text-is('EN')");
        await Assertions.Expect(page.Locator("#public-counted")).ToContainTextAsync("boxes counted");
        var unknown = await page.GotoAsync(night.Server.Url + "/public?area=no-such-area");
        unknown!.Status.ShouldBe(404);
        await Assertions.Expect(page.Locator("#public-unknown")).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task a_server_that_does_not_publish_answers_not_found()
    {
        await using var server = await TestServer.StartAsync(withOfficialCounts: false);
        using var anyone = server.Anonymous();

        var api = await anyone.GetAsync("api/v1/public/results", Ct);
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.Content.ReadAsStringAsync(Ct)).ShouldContain("--public-results");
        (await anyone.GetAsync("public", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
