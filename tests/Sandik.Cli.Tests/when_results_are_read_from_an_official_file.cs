using System.Text.Json;
using Shouldly;
using Xunit;

namespace Sandik.Cli.Tests;

public sealed class when_results_are_read_from_an_official_file
{
    private static readonly string November = CliRun.DataFile("results", "tr-2015-11-general.csv.gz");
    private static readonly string June = CliRun.DataFile("results", "tr-2015-06-general.csv.gz");

    [Fact]
    public async Task november_2015_national_totals_match_the_official_box_sums()
    {
        var run = await CliRun.RunAsync("results", "--input", November, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Messages);
        var json = run.Json();
        json.GetProperty("boxes").GetInt64().ShouldBe(174_992);
        json.GetProperty("registered").GetInt64().ShouldBe(54_049_940);
        json.GetProperty("voted").GetInt64().ShouldBe(47_239_370);
        json.GetProperty("valid").GetInt64().ShouldBe(46_555_267);
        json.GetProperty("invalid").GetInt64().ShouldBe(47_239_370 - 46_555_267);
        var votes = json.GetProperty("votes");
        votes.GetProperty("ak_parti").GetInt64().ShouldBe(22_959_394);
        votes.GetProperty("chp").GetInt64().ShouldBe(11_900_875);
        votes.GetProperty("mhp").GetInt64().ShouldBe(5_602_469);
        votes.GetProperty("hdp").GetInt64().ShouldBe(4_914_203);
    }

    [Fact]
    public async Task june_2015_national_totals_match_the_official_box_sums()
    {
        var json = (await CliRun.RunAsync("results", "--input", June, "--format", "json")).Json();

        json.GetProperty("boxes").GetInt64().ShouldBe(174_220);
        json.GetProperty("registered").GetInt64().ShouldBe(53_741_838);
        json.GetProperty("voted").GetInt64().ShouldBe(46_451_389);
        json.GetProperty("valid").GetInt64().ShouldBe(45_121_773);
        var votes = json.GetProperty("votes");
        votes.GetProperty("ak_parti").GetInt64().ShouldBe(18_347_747);
        votes.GetProperty("chp").GetInt64().ShouldBe(11_338_681);
        votes.GetProperty("mhp").GetInt64().ShouldBe(7_423_555);
        votes.GetProperty("hdp").GetInt64().ShouldBe(5_847_134);
    }

    [Theory]
    [InlineData("tr-2015-11-general.csv.gz")]
    [InlineData("tr-2015-06-general.csv.gz")]
    public async Task every_province_equals_the_official_province_total_row(string file)
    {
        var path = CliRun.DataFile("results", file);
        var official = OfficialFile.ProvinceTotals(path);
        var provinces = (await CliRun.RunAsync("results", "--input", path, "--format", "json")).Json().GetProperty("provinces");

        provinces.GetArrayLength().ShouldBe(81);
        official.Count.ShouldBe(81);
        foreach (var province in provinces.EnumerateArray())
        {
            var expected = official[province.GetProperty("name").GetString()!];
            province.GetProperty("registered").GetInt64().ShouldBe(expected["kayitli_secmen"]);
            province.GetProperty("voted").GetInt64().ShouldBe(expected["oy_kullanan"]);
            province.GetProperty("valid").GetInt64().ShouldBe(expected["gecerli_oy"]);
            foreach (var vote in province.GetProperty("votes").EnumerateObject())
                vote.Value.GetInt64().ShouldBe(expected[vote.Name], $"{province.GetProperty("name")} {vote.Name}");
        }
    }

    [Fact]
    public async Task csv_output_has_the_nation_then_one_row_per_province()
    {
        var run = await CliRun.RunAsync("results", "--input", November, "--format", "csv");

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1 + 1 + 81);
        lines[0].ShouldStartWith("level,code,name,boxes,boxes_total,registered,voted,valid,invalid,ak_parti,chp");
        lines[1].ShouldStartWith("nation,TR,Türkiye,174992,174992,54049940,47239370,46555267,684103,22959394,");
    }

    [Fact]
    public async Task a_source_view_without_the_file_source_counts_nothing()
    {
        var json = (await CliRun.RunAsync("results", "--input", November, "--sources", "sms", "--format", "json")).Json();

        json.GetProperty("boxes").GetInt64().ShouldBe(0);
        json.GetProperty("boxesTotal").GetInt64().ShouldBe(174_992);
    }

    [Fact]
    public async Task the_table_shows_the_nation_and_the_leading_parties()
    {
        var run = await CliRun.RunAsync("results", "--input", November);

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain("22,959,394");
        run.Output.ShouldContain("İstanbul");
    }
}
