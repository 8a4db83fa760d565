using System.Globalization;
using Shouldly;
using Xunit;

namespace Sandik.Cli.Tests.Anomalies;

/// <summary>The anomalies command on two real provinces of November 2015 (about 5,300 boxes), to keep runs short.</summary>
public sealed class when_anomalies_are_listed : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sandik-anomalies-").FullName;
    private readonly string _input;
    private readonly List<(string Il, string Ilce, string Sandik)> _boxes;

    public when_anomalies_are_listed() => (_input, _boxes) = NovemberFile.Subset(_directory, "Adana", "Bingöl");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task the_csv_has_one_row_per_box_best_first_named_exactly_as_in_the_input()
    {
        var run = await CliRun.RunAsync("anomalies", "--input", _input, "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Messages);
        var records = NovemberFile.Records(run.Output);
        string.Join(',', records[0].Take(5)).ShouldBe("il,ilce,sandik,score,reasons");
        var rows = records.Skip(1).ToList();
        rows.Count.ShouldBe(_boxes.Count);
        rows.Select(r => (r[0], r[1], r[2])).Order().ShouldBe(_boxes.Order());
        var scores = rows.Select(r => double.Parse(r[3], CultureInfo.InvariantCulture)).ToList();
        scores.ShouldBeInOrder(SortDirection.Descending);
        rows.Take(20).ShouldAllBe(r => r[4].Length > 0);
    }

    [Fact]
    public async Task json_gives_the_top_boxes_with_reasons_in_turkish_and_english()
    {
        var run = await CliRun.RunAsync("anomalies", "--input", _input, "--top", "5", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Messages);
        var json = run.Json();
        json.GetProperty("scoredBoxes").GetInt32().ShouldBe(_boxes.Count);
        var boxes = json.GetProperty("boxes").EnumerateArray().ToList();
        boxes.Select(b => b.GetProperty("rank").GetInt32()).ShouldBe([1, 2, 3, 4, 5]);
        var reason = boxes[0].GetProperty("reasons")[0];
        reason.GetProperty("code").GetString().ShouldNotBeNullOrEmpty();
        reason.GetProperty("tr").GetString().ShouldNotBe(reason.GetProperty("en").GetString());
    }

    [Fact]
    public async Task a_province_and_a_check_narrow_the_list()
    {
        var run = await CliRun.RunAsync("anomalies", "--input", _input, "--province", "bingol", "--check", "turnout", "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Messages);
        var rows = NovemberFile.Records(run.Output).Skip(1).ToList();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r[0] == "Bingöl" && r[8].Contains("turnout="));
    }

    [Fact]
    public async Task reinforcement_lists_the_selected_boxes_by_district()
    {
        var run = await CliRun.RunAsync("anomalies", "--input", _input, "--top", "40", "--reinforcement", "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Messages);
        var records = NovemberFile.Records(run.Output);
        string.Join(',', records[0]).ShouldBe("il,ilce,boxes,sandiklar");
        records.Skip(1).Sum(r => int.Parse(r[2], CultureInfo.InvariantCulture)).ShouldBe(40);
        records.Skip(1).ShouldAllBe(r => r[3].Split(' ').Length == int.Parse(r[2], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task forensics_give_digit_tests_with_p_values_per_district()
    {
        var run = await CliRun.RunAsync("anomalies", "--input", _input, "--forensics", "district", "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Messages);
        var records = NovemberFile.Records(run.Output);
        var header = records[0];
        var rows = records.Skip(1).ToList();
        rows.Count.ShouldBe(_boxes.Select(b => (b.Il, b.Ilce)).Distinct().Count());
        var p = header.IndexOf("second_digit_p");
        var pValues = rows.Where(r => r[p].Length > 0).Select(r => double.Parse(r[p], CultureInfo.InvariantCulture)).ToList();
        pValues.ShouldNotBeEmpty();
        pValues.ShouldAllBe(v => v >= 0 && v <= 1);
        rows.ShouldContain(r => r[2] == "Adana" && r[3] == "Seyhan");
    }

    [Fact]
    public async Task a_fingerprint_is_drawn_as_svg()
    {
        var svg = Path.Combine(_directory, "adana.svg");

        var run = await CliRun.RunAsync("anomalies", "--input", _input, "--fingerprint", svg, "--area", "1", "--top", "1");

        run.ExitCode.ShouldBe(0, run.Messages);
        var text = await File.ReadAllTextAsync(svg, TestContext.Current.CancellationToken);
        text.ShouldStartWith("<svg");
        text.ShouldContain("Adana");
        text.TrimEnd().ShouldEndWith("</svg>");
    }

    [Fact]
    public async Task a_quick_evaluation_reports_every_kind_and_the_targets()
    {
        var run = await CliRun.RunAsync("anomalies", "--evaluate", "--input", _input, "--rounds", "1", "--seed", "3", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Messages);
        var json = run.Json();
        json.GetProperty("withPrior").GetBoolean().ShouldBeFalse();
        var rows = json.GetProperty("recall").EnumerateArray().ToList();
        rows.Where(r => r.GetProperty("injector").GetString() == "standard").Select(r => r.GetProperty("kind").GetString()).Distinct().Count().ShouldBe(5);
        rows.ShouldContain(r => r.GetProperty("injector").GetString() == "shaped");
        json.GetProperty("targets").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task an_unknown_check_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("anomalies", "--input", _input, "--check", "astrology");

        run.ExitCode.ShouldBe(2);
        run.Messages.ShouldContain("Unknown check 'astrology'");
    }
}
