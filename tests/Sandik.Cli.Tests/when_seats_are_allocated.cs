using Shouldly;
using Xunit;

namespace Sandik.Cli.Tests;

public sealed class when_seats_are_allocated
{
    [Theory]
    [InlineData("tr-2015-11-general", 317, 134, 40, 59)]
    [InlineData("tr-2015-06-general", 258, 132, 80, 80)]
    public async Task the_official_seats_come_out_of_the_box_file(string election, int akp, int chp, int mhp, int hdp)
    {
        var run = await CliRun.RunAsync("seats", "--election", election, "--input", CliRun.DataFile("results", election + ".csv.gz"), "--format", "json");

        run.ExitCode.ShouldBe(0, run.Messages);
        var seats = run.Json().GetProperty("seats");
        seats.GetProperty("ak_parti").GetInt32().ShouldBe(akp);
        seats.GetProperty("chp").GetInt32().ShouldBe(chp);
        seats.GetProperty("mhp").GetInt32().ShouldBe(mhp);
        seats.GetProperty("hdp").GetInt32().ShouldBe(hdp);
        seats.EnumerateObject().Sum(s => s.Value.GetInt32()).ShouldBe(550);
    }

    [Fact]
    public async Task the_margins_list_every_districts_last_seat_with_the_closest_by_voters_first()
    {
        var run = await CliRun.RunAsync("seats", "--election", "tr-2015-11-general", "--input", CliRun.DataFile("results", "tr-2015-11-general.csv.gz"),
            "--margins", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Messages);
        var seats = run.Json().EnumerateArray().ToList();
        seats.Count.ShouldBe(85);
        seats.Select(s => s.GetProperty("votesToMove").GetInt64()).ShouldBeInOrder(SortDirection.Ascending);
        // Mersin: CHP's 4th seat against HDP's 2nd, 25 votes apart in quotient.
        var mersin = seats[0];
        mersin.GetProperty("name").GetString().ShouldBe("Mersin");
        mersin.GetProperty("holder").GetString().ShouldBe("chp");
        mersin.GetProperty("challenger").GetString().ShouldBe("hdp");
        mersin.GetProperty("quotientGap").GetDouble().ShouldBe(25, 0.5);
        seats.Sum(s => s.GetProperty("magnitude").GetInt32()).ShouldBe(550);
    }

    [Fact]
    public async Task an_input_file_needs_an_election_definition_for_its_seat_rules()
    {
        var run = await CliRun.RunAsync("seats", "--input", CliRun.DataFile("results", "tr-2015-11-general.csv.gz"));

        run.ExitCode.ShouldBe(2);
        run.Messages.ShouldContain("'--election' is required");
    }

    [Fact]
    public async Task an_unknown_election_lists_the_shipped_ones()
    {
        var run = await CliRun.RunAsync("seats", "--election", "tr-1999", "--input", CliRun.DataFile("results", "tr-2015-11-general.csv.gz"));

        run.ExitCode.ShouldBe(1);
        run.Messages.ShouldContain("There is no election 'tr-1999'");
        run.Messages.ShouldContain("tr-2015-11-general");
    }
}
