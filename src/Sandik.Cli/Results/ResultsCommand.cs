using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;

namespace Sandik.Cli.Results;

/// <summary><c>sandik results</c>: counted results at national level and for every area of one level.</summary>
public static class ResultsCommand
{
    public const string Usage = """
        sandik results [--input FILE [--election ID] | --store CONN [--election ID] [--race ID]]
                       [--sources ID,ID] [--level province|constituency|district|neighbourhood] [--format table|csv|json]
          Counted results of a race. With --input, every box of the file is counted (as the election authority's feed);
          otherwise the store's log is replayed and reconciled by source trust rank.
        """;

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct)
    {
        var args = Arguments.Parse(argv, [.. RaceOptions.Valued, "--level"], []);
        var format = OutputFormats.From(args);
        var live = await RaceOptions.LoadAsync(context, args, ct);
        var report = ResultsReport.Build(live, RaceOptions.View(live, args), args.Get("--level") ?? live.Geography.Levels[1].Id);
        ResultsWriter.Write(report, format, context.Out);
        return 0;
    }
}
