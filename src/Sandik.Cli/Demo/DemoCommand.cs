using Sandik.Cli.CommandLine;
using Sandik.Cli.Imports;
using Sandik.Cli.Loading;
using Sandik.Cli.Results;
using Sandik.Domain.Tallies;
using Sandik.Import;
using Sandik.Storage;
using Spectre.Console;

namespace Sandik.Cli.Demo;

/// <summary>
/// <c>sandik demo</c>: the shipped November 2015 general election, loaded into the embedded store and shown:
/// national and provincial results, the reconciliation of the store's log, and the seats.
/// </summary>
public static class DemoCommand
{
    public const string ElectionId = "tr-2015-11-general";

    public const string Usage = """
        sandik demo [--store CONN]
          Imports the shipped general election of 1 November 2015 into the store (embedded SQLite by default)
          and shows its results and seats.
        """;

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv, CancellationToken ct)
    {
        var args = Arguments.Parse(argv, ["--store"], []);
        var file = Path.Combine(context.Turkey.DataDirectory, "results", ElectionId + ".csv.gz");
        var definition = context.Turkey.Election(ElectionId);
        var results = context.WithProgress("1 Kasım 2015 / 1 November 2015", p => ResultFiles.Read(file, definition, context.Turkey, p));
        await using var store = await context.OpenStoreAsync(args.Get("--store"), ct);
        var sources = context.Turkey.DefaultSources();
        var (added, already) = await ImportCommand.SaveAsync(store, new StoredElection(definition, sources, results.Geography), results, ImportSources.Default, ct);
        context.Messages.MarkupLine($"Store: {Markup.Escape(context.StoreConnection(args.Get("--store")))} — {added:N0} submissions added, {already:N0} already there.");

        var live = await RaceLoader.FromStoreAsync(store, ElectionId, null, ct);
        var view = SourceView.All(live.Sources);
        ResultsWriter.Write(ResultsReport.Build(live, view, "province"), OutputFormat.Table, context.Out);
        var seats = LiveSeats.Allocate(live, view);
        var table = new Table().Border(TableBorder.Simple).AddColumns("Parti / party", "Sandalye / seats");
        foreach (var i in Enumerable.Range(0, seats.Seats.Length).Where(i => seats.Seats[i] > 0).OrderByDescending(i => seats.Seats[i]))
            table.AddRow(Markup.Escape(live.Race.Choices[i].Name), seats.Seats[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Consoles.For(context.Out).Write(table);
        return 0;
    }
}
