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

    [Fact]
    public async Task a_missing_file_is_reported()
    {
        var run = await CliRun.RunAsync("results", "--input", "/nonexistent/file.csv");
        run.ExitCode.ShouldBe(1);
        run.Messages.ShouldContain("no such file");
    }
}
