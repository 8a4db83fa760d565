using System.Text.Json;
using Shouldly;
using Xunit;

namespace Sandik.Cli.Tests.Projection;

public sealed class when_an_election_night_is_backtested
{
    private static readonly string[] Major = ["ak_parti", "chp", "mhp", "hdp"];

    [Fact]
    public async Task the_json_report_follows_the_projection_to_the_final_result()
    {
        var chart = Path.Combine(Path.GetTempPath(), $"sandik-backtest-{Guid.NewGuid():N}.svg");
        try
        {
            var run = await CliRun.RunAsync("backtest", "--input", CliRun.DataFile("results", "tr-2015-11-general.csv.gz"),
                "--prior", CliRun.DataFile("results", "tr-2015-06-general.csv.gz"), "--seeds", "1", "--checkpoints", "0.05,0.5",
                "--golden-size", "800", "--draws", "100", "--format", "json", "--chart", chart);

            run.ExitCode.ShouldBe(0, run.Messages);
            run.Messages.ShouldContain("seed 1 done");
            var json = run.Json();
            json.GetProperty("election").GetString().ShouldBe("tr-2015-11-general");
            json.GetProperty("prior").GetString().ShouldBe("tr-2015-06-general");
            var checkpoints = json.GetProperty("checkpoints").EnumerateArray().ToList();
            checkpoints.Select(c => Math.Round(c.GetProperty("counted_fraction").GetDouble(), 3)).ShouldBe([0.05, 0.5]);
            foreach (var choice in checkpoints[1].GetProperty("choices").EnumerateArray())
            {
                var (projected, final) = (choice.GetProperty("projected_share").GetDouble(), choice.GetProperty("final_share").GetDouble());
                choice.GetProperty("interval_low").GetDouble().ShouldBeLessThanOrEqualTo(projected);
                choice.GetProperty("interval_high").GetDouble().ShouldBeGreaterThanOrEqualTo(projected);
                Math.Abs(projected - final).ShouldBeLessThan(0.003, choice.GetProperty("choice").GetString());
                choice.GetProperty("projected_seats").ValueKind.ShouldBe(JsonValueKind.Number);
            }
            var seats = checkpoints[1].GetProperty("choices").EnumerateArray().Sum(c => c.GetProperty("projected_seats").GetDouble());
            seats.ShouldBe(550);
            json.GetProperty("final").GetProperty("seats").GetProperty("ak_parti").GetInt32().ShouldBe(317);
            json.GetProperty("summary").GetArrayLength().ShouldBe(2);
            File.ReadAllText(chart).ShouldStartWith("<svg");
        }
        finally
        {
            File.Delete(chart);
        }
    }

    [Fact]
    public async Task without_an_input_file_it_shows_how_to_call_it()
    {
        var run = await CliRun.RunAsync("backtest", "--seeds", "2");

        run.ExitCode.ShouldBe(2);
        run.Messages.ShouldContain("'--input' is required");
        run.Messages.ShouldContain("sandik backtest --input FILE");
    }

    [Fact]
    public async Task a_checkpoint_outside_zero_to_one_is_refused()
    {
        var run = await CliRun.RunAsync("backtest", "--input", CliRun.DataFile("results", "tr-2015-11-general.csv.gz"), "--checkpoints", "0.1,12");

        run.ExitCode.ShouldBe(2);
        run.Messages.ShouldContain("'--checkpoints' takes shares between 0 and 1");
    }
}
