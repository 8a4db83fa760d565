using Shouldly;
using Xunit;

namespace Sandik.Cli.Tests;

public sealed class when_the_command_line_is_wrong
{
    [Fact]
    public async Task an_unknown_command_is_named()
    {
        var run = await CliRun.RunAsync("reslts");
        run.ExitCode.ShouldBe(2);
        run.Messages.ShouldContain("Unknown command 'reslts'");
    }

    [Fact]
    public async Task an_unknown_option_is_named_with_the_usage()
    {
        var run = await CliRun.RunAsync("results", "--inptu", "x");
        run.ExitCode.ShouldBe(2);
        run.Messages.ShouldContain("Unknown option '--inptu'");
        run.Messages.ShouldContain("sandik results");
    }

    [Fact]
    public async Task a_bad_format_lists_the_formats()
    {
        var run = await CliRun.RunAsync("results", "--input", "x.csv", "--format", "xml");
        run.ExitCode.ShouldBe(2);
        run.Messages.ShouldContain("table, csv, json");
    }

    [Theory]
    [InlineData("replay", "--connections", "0", "'--connections' must be a whole number above 0; got '0'.")]
    [InlineData("replay", "--seed", "1.5", "'--seed' must be a whole number of at least 0; got '1.5'.")]
    [InlineData("anomalies", "--top", "-3", "'--top' must be a whole number above 0; got '-3'.")]
    [InlineData("backtest", "--golden-size", "ten", "'--golden-size' must be a whole number of at least 0; got 'ten'.")]
    [InlineData("replay", "--speed", "0", "'--speed' must be more than 0; got '0'.")]
    [InlineData("replay", "--speed", "NaN", "'--speed' must be a number; got 'NaN'.")]
    [InlineData("anomalies", "--min-score", "high", "'--min-score' must be a number; got 'high'.")]
    public async Task a_number_that_is_not_the_kind_asked_for_is_named(string command, string option, string value, string message)
    {
        // Numbers are read before any file is opened, so the input need not exist.
        var run = await CliRun.RunAsync(command, "--input", "/nonexistent/file.csv", option, value);
        run.ExitCode.ShouldBe(2);
        run.Messages.ShouldContain(message);
    }

    [Fact]
    public async Task a_demo_speed_that_is_not_a_number_is_named_rather_than_ignored()
    {
        var run = await CliRun.RunAsync("demo", "--speed", "fast");
        run.ExitCode.ShouldBe(2);
        run.Messages.ShouldContain("'--speed' must be a number; got 'fast'.");
    }

    [Fact]
    public async Task a_missing_file_is_reported()
    {
        var run = await CliRun.RunAsync("results", "--input", "/nonexistent/file.csv");
        run.ExitCode.ShouldBe(1);
        run.Messages.ShouldContain("no such file");
    }
}
