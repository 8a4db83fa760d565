using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sandik.Server.Live;
using Sandik.Server.Projection;
using Sandik.Server.Tests.Projection.Support;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Ui;

/// <summary>
/// Early in the night (about 2% of the boxes in), the call list of a province: exactly the boxes no source has sent,
/// the golden boxes first and then the most registered voters, the gaps per district adding up, and a box that
/// arrives leaving the list without a reload.
/// </summary>
[Collection(ProjectedNightCollection.Name)]
public sealed class when_the_call_centre_works_the_gaps(ProjectedNight night)
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    [Fact]
    public async Task the_call_list_holds_the_boxes_no_source_sent_golden_and_largest_first()
    {
        const string bayburt = "69";
        var geography = TestServer.Official.Geography;
        geography.TryGetArea(bayburt, out var province).ShouldBeTrue();
        var projections = night.Server.App.Services.GetRequiredService<ProjectionService>();
        var live = night.Server.App.Services.GetRequiredService<ElectionHost>().DefaultRace;
        var golden = await GoldenAsync(projections, live);
        var (page, _) = await night.OpenAsync($"/calls?area={bayburt}");
        var counted = (await Json.GetAsync(night.Server.Http, $"api/v1/results?area={bayburt}")).GetProperty("area").GetProperty("boxes").GetInt32();
        var outstanding = geography.BoxCountOf(province.Index) - counted;
        outstanding.ShouldBeGreaterThan(1);

        await Assertions.Expect(page.Locator("#calls-count")).ToContainTextAsync($"Hiçbir kaynaktan gelmeyen {outstanding.ToString("N0", Turkish)} sandık");
        var rows = await page.Locator("#calls-table tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.code, r.classList.contains('golden') ? 'g' : ''])");
        rows.Length.ShouldBe(Math.Min(outstanding, 200));
        var expectedGolden = geography.Boxes.Count(b => geography.ChainOf(b.Index)[province.Level] == province.Index && golden.Contains(b.Code)
            && !night.Sent.Contains(b.Index));
        rows.TakeWhile(r => r[1] == "g").Count().ShouldBe(expectedGolden);
        rows.Skip(expectedGolden).ShouldAllBe(r => r[1] == "");
        foreach (var (code, isGolden) in rows.Select(r => (r[0], r[1] == "g")))
        {
            geography.TryGetBox(code, out var listed).ShouldBeTrue(code);
            geography.ChainOf(listed.Index)[province.Level].ShouldBe(province.Index, code);
            night.Sent.ShouldNotContain(listed.Index, code);
            golden.Contains(code).ShouldBe(isGolden, code);
        }
        var registered = (await page.Locator("#calls-table tbody tr:not(.golden) td.registered").AllInnerTextsAsync())
            .Select(t => int.Parse(t, NumberStyles.AllowThousands, Turkish)).ToList();
        registered.ShouldBeInOrder(SortDirection.Descending);
        // Bayburt is one electoral district: its gaps are counted by district.
        var gapAreas = await page.Locator("#call-gaps tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        gapAreas.Length.ShouldBeGreaterThan(1);
        foreach (var code in gapAreas)
        {
            geography.TryGetArea(code, out var gap).ShouldBeTrue(code);
            geography.Levels[gap.Level].Id.ShouldBe("district", code);
        }
        (await page.Locator("#call-gaps td.boxes").AllInnerTextsAsync()).Sum(t => int.Parse(t, NumberStyles.AllowThousands, Turkish)).ShouldBe(outstanding);
        // Claimed by this operator, a box stays first and offers its sheet.
        var top = page.Locator($"#calls-table tr[data-code='{rows[0][0]}']");
        await top.Locator("button.claim").ClickAsync();
        await Assertions.Expect(top.Locator(".claimed.mine")).ToHaveTextAsync("Siz arıyorsunuz");
        await Assertions.Expect(top.Locator("a.enter")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("calls/enter\\?code="));
        await OperationsCentre.ShootAsync(page, "calls-bayburt");

        geography.TryGetBox(rows[0][0], out var first);
        await night.SendAsync(TestServer.Official.Tallies.Where(t => t.BoxIndex == first.Index));

        await Assertions.Expect(page.Locator($"#calls-table tr[data-code='{rows[0][0]}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#calls-count")).ToContainTextAsync($"Hiçbir kaynaktan gelmeyen {(outstanding - 1).ToString("N0", Turkish)} sandık");
    }

    [Fact]
    public async Task the_api_gives_the_same_list_within_the_callers_scope()
    {
        var geography = TestServer.Official.Geography;
        var operatorSession = await night.Server.SignInAsync(Sandik.Server.Identity.Roles.CallCentre, "34");

        var own = await Json.GetAsync(operatorSession.Client, "api/v1/calls?top=50");

        own.GetProperty("area").GetString().ShouldBe("34");
        geography.TryGetArea("34", out var istanbul);
        var counted = (await Json.GetAsync(night.Server.Http, "api/v1/results?area=34")).GetProperty("area").GetProperty("boxes").GetInt32();
        own.GetProperty("outstanding").GetInt32().ShouldBe(geography.BoxCountOf(istanbul.Index) - counted);
        var boxes = own.GetProperty("boxes").EnumerateArray().ToList();
        boxes.Count.ShouldBe(50);
        boxes.ShouldAllBe(b => b.GetProperty("code").GetString()!.StartsWith("34/", StringComparison.Ordinal));
        own.GetProperty("byArea").EnumerateArray().Sum(g => g.GetProperty("boxes").GetInt32()).ShouldBe(own.GetProperty("outstanding").GetInt32());
        // Another province is outside the operator's scope; an unknown area is named.
        (await operatorSession.Client.GetAsync("api/v1/calls?area=69", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await night.Server.Http.GetAsync("api/v1/calls?area=no-such-area", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_box_one_operator_claims_is_not_offered_to_another()
    {
        const string kadikoy = "34/Kadıköy";
        var first = await night.Server.SignInAsync(Sandik.Server.Identity.Roles.CallCentre, "34");
        var second = await night.Server.SignInAsync(Sandik.Server.Identity.Roles.CallCentre, "34");
        var list = $"api/v1/calls?area={Uri.EscapeDataString(kadikoy)}&top=5000";
        var box = (await Json.GetAsync(first.Client, list)).GetProperty("boxes")[0].GetProperty("code").GetString()!;
        var claim = $"api/v1/calls/claim?code={Uri.EscapeDataString(box)}";

        (await first.Client.PostAsync(claim, null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await second.Client.PostAsync(claim, null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);

        var mine = (await Json.GetAsync(first.Client, list)).GetProperty("boxes");
        mine[0].GetProperty("code").GetString().ShouldBe(box);
        mine[0].GetProperty("claimedBy").GetString().ShouldBe(first.User);
        var theirs = (await Json.GetAsync(second.Client, list)).GetProperty("boxes").EnumerateArray().ToList();
        theirs[^1].GetProperty("code").GetString().ShouldBe(box);
        theirs[^1].GetProperty("claimedBy").GetString().ShouldBe(first.User);
        theirs.SkipLast(1).ShouldAllBe(b => b.GetProperty("claimedBy").ValueKind == System.Text.Json.JsonValueKind.Null);
        // The operator holding it may claim it again (the hold starts anew); a box that does not exist is refused.
        (await first.Client.PostAsync(claim, null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await first.Client.PostAsync("api/v1/calls/claim?code=34%2FKad%C4%B1k%C3%B6y%2F99999", null, TestContext.Current.CancellationToken))
            .StatusCode.ShouldBeOneOf(System.Net.HttpStatusCode.NotFound, System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task an_area_that_does_not_exist_is_refused()
    {
        var (page, _) = await night.OpenAsync("/calls?area=no-such-area");

        await Assertions.Expect(page.Locator("#calls-refused")).ToBeVisibleAsync();
    }

    private static async Task<IReadOnlySet<string>> GoldenAsync(ProjectionService projections, Sandik.Domain.Tallies.LiveRace live)
    {
        for (var i = 0; i < 600; i++)
        {
            if (projections.GoldenBoxes(live) is { } golden) return golden;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("The golden sample was not designed within a minute.");
    }
}
