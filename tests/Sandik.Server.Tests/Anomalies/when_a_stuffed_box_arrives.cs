using System.Globalization;
using System.Net;
using System.Text.Json;
using Sandik.Server.Identity;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Anomalies;

/// <summary>The live anomaly ranking over the whole November 2015 count, after one box of Sivas was stuffed (<see cref="StuffedNight"/>).</summary>
public sealed class when_a_stuffed_box_arrives(StuffedNight night, ITestOutputHelper output) : IClassFixture<StuffedNight>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task it_tops_the_ranking_with_the_register_reason_without_a_refresh()
    {
        var listing = await night.WaitAsync(status => status.GetProperty("pendingSinceRefresh").GetInt32() >= 1, "top=3&lang=en");

        var boxes = listing.GetProperty("boxes").EnumerateArray().ToList();
        output.WriteLine(string.Join("\n", boxes.Select(b => $"{b.GetProperty("rank")} {b.GetProperty("code")} {b.GetProperty("score")} {b.GetProperty("checks")}")));
        var top = boxes[0];
        top.GetProperty("code").GetString().ShouldBe(night.Box.Code);
        top.GetProperty("rank").GetInt32().ShouldBe(1);
        var register = top.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "register.over");
        register.GetProperty("check").GetString().ShouldBe("register");
        var registered = night.Official.Registered!.Value;
        var voted = night.Official.Voted!.Value + StuffedNight.ExtraPerRegistered * registered;
        register.GetProperty("votes").GetInt32().ShouldBe(voted - registered);
        register.GetProperty("text").GetString().ShouldBe(register.GetProperty("en").GetString());
        register.GetProperty("en").GetString()!.ShouldStartWith($"{voted} voters for {registered} registered");
        register.GetProperty("tr").GetString()!.ShouldStartWith($"{registered} kayıtlı seçmene karşın {voted} kişi");
        var status = listing.GetProperty("status");
        status.GetProperty("ready").GetBoolean().ShouldBeTrue();
        status.GetProperty("scoredBoxes").GetInt32().ShouldBe(TestServer.Official.Tallies.Count);
    }

    [Fact]
    public async Task the_csv_has_the_command_lines_header_and_names_the_box_as_imported()
    {
        await night.WaitAsync(status => status.GetProperty("pendingSinceRefresh").GetInt32() >= 1);

        var csv = await night.Server.Http.GetStringAsync($"api/v1/anomalies.csv?area={StuffedNight.Province}&top=5", Ct);

        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("il,ilce,sandik,score,reasons,rank,box_code,mahalle,checks");
        lines.Length.ShouldBe(6);
        var geography = TestServer.Official.Geography;
        var district = geography.Areas[geography.ChainOf(night.Box.Index)[geography.LevelOf("district")]];
        var province = geography.Areas[geography.ChainOf(night.Box.Index)[geography.LevelOf("province")]];
        lines[1].ShouldStartWith($"{province.Name},{district.Name},{night.Box.Number},");
        lines[1].ShouldContain("register.over: ");
        lines[1].ShouldContain($",1,{night.Box.Code},{geography.Areas[night.Box.Area].Name},");
        lines.Skip(1).ShouldAllBe(l => l.StartsWith(province.Name + ",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task coordinators_see_only_their_area()
    {
        await night.WaitAsync(status => status.GetProperty("pendingSinceRefresh").GetInt32() >= 1);
        var coordinator = await night.Server.SignInAsync(Roles.ProvinceCoordinator, "34");
        using var http = coordinator.Client;

        var own = await Json.GetAsync(http, "api/v1/anomalies?top=50");
        var asked = await Json.GetAsync(http, $"api/v1/anomalies?area={StuffedNight.Province}");
        var csv = await http.GetStringAsync("api/v1/anomalies.csv?top=20", Ct);
        var map = await Json.GetAsync(http, "api/v1/anomalies/map");
        var screen = await http.GetStringAsync("anomalies", Ct);

        own.GetProperty("area").GetString().ShouldBe("34");
        var codes = own.GetProperty("boxes").EnumerateArray().Select(b => b.GetProperty("code").GetString()!).ToList();
        codes.Count.ShouldBe(50);
        codes.ShouldAllBe(c => c.StartsWith("34/", StringComparison.Ordinal));
        asked.GetProperty("boxes").GetArrayLength().ShouldBe(0);
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ShouldAllBe(l => l.StartsWith("İstanbul,", StringComparison.Ordinal));
        map.GetProperty("areas").EnumerateArray().ShouldAllBe(a => a.GetProperty("code").GetString()!.StartsWith("34/", StringComparison.Ordinal));
        screen.ShouldContain("data-province=\"34\"");
        screen.ShouldNotContain("data-province=\"58\"");
        System.Text.RegularExpressions.Regex.Matches(screen, "<option value=\"[0-9]+\"").Count.ShouldBe(1);

        var district = await night.Server.SignInAsync(Roles.DistrictCoordinator, "34/Kadıköy");
        using var districtHttp = district.Client;
        var narrowed = await Json.GetAsync(districtHttp, "api/v1/anomalies?area=34&top=10");
        narrowed.GetProperty("area").GetString().ShouldBe("34/Kadıköy");
        narrowed.GetProperty("boxes").EnumerateArray().ShouldAllBe(b => b.GetProperty("district").GetString() == "Kadıköy");

        var national = await Json.GetAsync(night.Server.Http, $"api/v1/anomalies?area={StuffedNight.Province}&top=1");
        national.GetProperty("boxes")[0].GetProperty("code").GetString().ShouldBe(night.Box.Code);
    }

    [Fact]
    public async Task the_stuffed_box_needs_an_observer_and_its_province_is_on_the_map()
    {
        await night.WaitAsync(status => status.GetProperty("pendingSinceRefresh").GetInt32() >= 1);

        var reinforcement = await Json.GetAsync(night.Server.Http, $"api/v1/anomalies/reinforcement?area={StuffedNight.Province}");
        var map = await Json.GetAsync(night.Server.Http, "api/v1/anomalies/map");

        var districts = reinforcement.EnumerateArray().ToList();
        districts.ShouldNotBeEmpty();
        districts.ShouldAllBe(d => d.GetProperty("provinceCode").GetString() == StuffedNight.Province);
        districts.Select(d => d.GetProperty("boxes").GetArrayLength()).ShouldBeInOrder(SortDirection.Descending);
        districts.SelectMany(d => d.GetProperty("boxes").EnumerateArray()).Select(b => b.GetProperty("code").GetString()).ShouldContain(night.Box.Code);
        var provinces = map.GetProperty("areas").EnumerateArray().ToList();
        var flagged = map.GetProperty("status").GetProperty("flaggedBoxes").GetInt32();
        flagged.ShouldBe((int)Math.Ceiling(0.01 * TestServer.Official.Tallies.Count));
        provinces.Sum(p => p.GetProperty("boxes").GetInt32()).ShouldBe(flagged);
        provinces.Single(p => p.GetProperty("code").GetString() == StuffedNight.Province).GetProperty("boxes").GetInt32()
            .ShouldBe(districts.Sum(d => d.GetProperty("boxes").GetArrayLength()));
    }

    [Fact]
    public async Task a_check_narrows_the_list_and_an_unknown_check_is_refused()
    {
        var turnout = await Json.GetAsync(night.Server.Http, "api/v1/anomalies?check=invalid-share&top=20&min-score=3");
        using var unknown = await night.Server.Http.GetAsync("api/v1/anomalies?check=astrology", Ct);

        var boxes = turnout.GetProperty("boxes").EnumerateArray().ToList();
        boxes.Count.ShouldBe(20);
        boxes.Count(b => b.GetProperty("checks").TryGetProperty("invalid-share", out var _) && b.GetProperty("score").GetDouble() >= 3).ShouldBe(20);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("invalid-share");
    }

    [Fact]
    public async Task the_api_is_described_in_openapi()
    {
        var description = await night.Server.Http.GetStringAsync("openapi/v1.json", Ct);

        foreach (var path in new[] { "/api/v1/anomalies", "/api/v1/anomalies.csv", "/api/v1/anomalies/reinforcement", "/api/v1/anomalies/map" })
            description.ShouldContain($"\"{path}\"");
        description.ShouldContain("min-score");
    }
}
