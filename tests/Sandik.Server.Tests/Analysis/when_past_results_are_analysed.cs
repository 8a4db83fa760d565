using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sandik.Import;
using Sandik.Server.Tests.Projection.Support;
using Sandik.Server.Tests.Support;
using Sandik.Server.Tests.Ui.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Analysis;

/// <summary>
/// Early in the night of November 2015 with June 2015 served as the prior election: the prior's seats, threshold and
/// closest last seats as the official record has them, and the swing of every area against it, on the API and on the
/// screen.
/// </summary>
[Collection(ProjectedNightCollection.Name)]
public sealed partial class when_past_results_are_analysed(ProjectedNight night)
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    [Fact]
    public async Task the_prior_elections_seats_and_votes_are_the_official_ones()
    {
        var seats = await Json.GetAsync(night.Server.Http, "api/v1/analysis/seats?election=prior");

        seats.GetProperty("election").GetString().ShouldBe("tr-2015-06-general");
        seats.GetProperty("totalSeats").GetInt32().ShouldBe(550);
        seats.GetProperty("allocatedSeats").GetInt32().ShouldBe(550);
        var parties = seats.GetProperty("parties").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        var choices = TestServer.Prior.Race.Choices.Where(c => c.FullName is not null).ToDictionary(c => c.FullName!, c => c.Id);
        var compared = 0;
        foreach (var (name, votes, won) in OfficialNational("genel_secim_haziran_2015_turkiye.csv"))
        {
            if (!choices.TryGetValue(name, out var id) || !parties.TryGetValue(id, out var party)) continue;
            party.GetProperty("votes").GetInt64().ShouldBe(votes, name);
            party.GetProperty("seats").GetInt32().ShouldBe(won, name);
            compared++;
        }
        compared.ShouldBeGreaterThanOrEqualTo(10);
        // HDP passed at 13.12%: spare = (votes − 10% of the national valid votes) / 0.9, its own votes in the denominator too.
        var hdp = parties["hdp"];
        hdp.GetProperty("passed").GetBoolean().ShouldBeTrue();
        Math.Round(hdp.GetProperty("share").GetDouble() * 100, 2).ShouldBe(13.12);
        var national = 6_058_489 / hdp.GetProperty("share").GetDouble();
        hdp.GetProperty("spare").GetDouble().ShouldBe((6_058_489 - 0.1 * national) / 0.9, 1);
        parties["saadet_partisi"].GetProperty("passed").GetBoolean().ShouldBeFalse();
        parties["saadet_partisi"].GetProperty("spare").GetDouble().ShouldBeLessThan(0);

        var last = seats.GetProperty("lastSeats").EnumerateArray().ToList();
        last.Count.ShouldBe(85);
        last.Select(s => s.GetProperty("votesToMove").GetInt64()).ShouldBeInOrder(SortDirection.Ascending);
        var samsun = last.MinBy(s => s.GetProperty("quotientGap").GetDouble());
        samsun.GetProperty("name").GetString().ShouldBe("Samsun");
        samsun.GetProperty("holder").GetString().ShouldBe("mhp");
        samsun.GetProperty("challenger").GetString().ShouldBe("ak_parti");
        Math.Round(samsun.GetProperty("quotientGap").GetDouble()).ShouldBe(164);
    }

    [Fact]
    public async Task the_swing_of_each_area_is_its_count_now_against_the_prior_count()
    {
        const string istanbul = "34";
        var swing = await Json.GetAsync(night.Server.Http, $"api/v1/analysis/swing?area={istanbul}");

        swing.GetProperty("prior").GetString().ShouldBe("tr-2015-06-general");
        var children = swing.GetProperty("children").EnumerateArray().ToList();
        children.Select(c => c.GetProperty("code").GetString()).ShouldBe(["34-1", "34-2", "34-3"]);
        var sent = night.Sent.ToHashSet();
        foreach (var row in children.Append(swing.GetProperty("area")))
        {
            var code = row.GetProperty("code").GetString()!;
            var now = Sum(TestServer.Official, code, t => sent.Contains(t.BoxIndex));
            var then = Sum(TestServer.Prior, code, _ => true);
            row.GetProperty("boxesCounted").GetInt64().ShouldBe(now.Boxes, code);
            foreach (var choice in row.GetProperty("choices").EnumerateArray())
            {
                var id = choice.GetProperty("id").GetString()!;
                var share = now.Share(TestServer.Official.Race.IndexOf(id));
                choice.GetProperty("share").GetDouble().ShouldBe(share, 1e-12, $"{code} {id}");
                var priorIndex = TestServer.Prior.Race.IndexOf(id);
                if (priorIndex < 0)
                {
                    choice.GetProperty("priorShare").ValueKind.ShouldBe(JsonValueKind.Null, $"{code} {id}");
                    continue;
                }
                choice.GetProperty("priorShare").GetDouble().ShouldBe(then.Share(priorIndex), 1e-12, $"{code} {id}");
                choice.GetProperty("swing").GetDouble().ShouldBe(share - then.Share(priorIndex), 1e-12, $"{code} {id}");
            }
        }
    }

    [Fact]
    public async Task bad_questions_are_answered_with_what_is_wrong()
    {
        var http = night.Server.Http;
        var ct = TestContext.Current.CancellationToken;

        var election = await http.GetAsync("api/v1/analysis/seats?election=tr-1999", ct);
        election.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await election.Content.ReadAsStringAsync(ct)).ShouldContain("tr-2015-06-general");
        (await http.GetAsync("api/v1/analysis/swing?area=no-such-area", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync("api/v1/analysis/seats?sources=no-such-source", ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // A province coordinator sees the swing of their province and not of another; the national seats are not theirs.
        var coordinator = await night.Server.SignInAsync(Sandik.Server.Identity.Roles.ProvinceCoordinator, "34");
        (await coordinator.Client.GetAsync("api/v1/analysis/swing?area=34", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.Client.GetAsync("api/v1/analysis/swing?area=6", ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.Client.GetAsync("api/v1/analysis/seats", ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_screen_shows_the_closest_seats_and_sorts_areas_by_a_partys_swing()
    {
        var (page, _) = await night.OpenAsync("/analysis?election=prior");

        await Assertions.Expect(page.Locator("#seats-prior")).ToHaveClassAsync(new Regex("active"));
        var seats = await Json.GetAsync(night.Server.Http, "api/v1/analysis/seats?election=prior");
        var closest = seats.GetProperty("lastSeats")[0];
        var first = page.Locator("#last-seats-table tbody tr").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-code", closest.GetProperty("code").GetString()!);
        (await first.Locator("td.move").InnerTextAsync()).ShouldBe(closest.GetProperty("votesToMove").GetInt64().ToString("N0", Turkish));
        await Assertions.Expect(page.Locator("#last-seats-table tbody tr")).ToHaveCountAsync(25);
        await page.Locator("#all-last-seats").ClickAsync();
        await Assertions.Expect(page.Locator("#last-seats-table tbody tr")).ToHaveCountAsync(85);
        var samsun = page.Locator("#last-seats-table tr[data-code='55-1']");
        await Assertions.Expect(samsun.Locator("td.holder")).ToHaveAttributeAsync("data-id", "mhp");
        await Assertions.Expect(samsun.Locator("td.gap")).ToHaveTextAsync("164");
        await Assertions.Expect(page.Locator("#threshold-table tr[data-id='hdp'] td.seats")).ToHaveTextAsync("80");
        await Assertions.Expect(page.Locator("#threshold-table tr[data-id='saadet_partisi'] td.failed")).ToHaveCountAsync(1);

        // The provinces sorted by CHP's swing, largest first; the total row stays on top.
        await page.Locator("#swing-table thead a", new() { HasTextString = "CHP" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("by=chp"));
        await Assertions.Expect(page.Locator("#swing-table tbody tr").First).ToHaveAttributeAsync("data-code", "TR");
        var swings = await page.Locator("#swing-table tbody tr:not(.total) td.swing[data-id='chp']").AllInnerTextsAsync();
        swings.Count.ShouldBe(81);
        var values = swings.Where(s => s != "—").Select(s => double.Parse(s.Replace('−', '-'), NumberStyles.Float, Turkish)).ToList();
        values.Count.ShouldBeGreaterThan(60);
        values.ShouldBeInOrder(SortDirection.Descending);
        await OperationsCentre.ShootAsync(page, "analysis-prior");

        // Into a province: its electoral districts, then back by the crumbs.
        await page.Locator("#swing-table tr[data-code='34'] th a").ClickAsync();
        await Assertions.Expect(page.Locator("#swing-table tbody tr:not(.total)")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#swing-table tbody tr.total")).ToHaveAttributeAsync("data-code", "34");
    }

    private sealed record Counted(long Boxes, long Valid, long[] Votes)
    {
        public double Share(int choice) => (double)Votes[choice] / Valid;
    }

    // The boxes of an area (by code, in the file's own geography) summed from the file.
    private static Counted Sum(BoxResults results, string code, Func<BoxTally, bool> include)
    {
        results.Geography.TryGetArea(code, out var area).ShouldBeTrue(code);
        var votes = new long[results.Race.Choices.Count];
        long boxes = 0, valid = 0;
        foreach (var t in results.Tallies.Where(t => results.Geography.ChainOf(t.BoxIndex)[area.Level] == area.Index && include(t)))
        {
            boxes++;
            valid += t.Tally.Valid;
            for (var c = 0; c < votes.Length; c++) votes[c] += t.Tally.Votes[c];
        }
        return new Counted(boxes, valid, votes);
    }

    // The official national table: party, votes, seats.
    private static IEnumerable<(string Party, long Votes, int Seats)> OfficialNational(string file)
    {
        foreach (var line in File.ReadLines(Path.Combine(Repository.Root, "data", "official", file)).Skip(1))
        {
            var fields = QuotedField().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();
            yield return (fields[0], long.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[4], CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex("\"([^\"]*)\"|([^,]+)")]
    private static partial Regex QuotedField();
}
