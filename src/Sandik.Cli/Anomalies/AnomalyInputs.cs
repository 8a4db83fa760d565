using Sandik.Cli.CommandLine;
using Sandik.Cli.Loading;
using Sandik.Domain.Anomalies;
using Sandik.Domain.Tallies;
using Sandik.Import;

namespace Sandik.Cli.Anomalies;

/// <summary>Loads what the anomalies command works on: the race's counted tallies and, optionally, a prior election.</summary>
public static class AnomalyInputs
{
    /// <summary>The race from <c>--input</c> (its election guessed from the file name when it is a shipped one) or the store.</summary>
    public static async Task<LiveRace> LoadRaceAsync(CliContext context, Arguments args, string? input, CancellationToken ct)
    {
        if (input is null) return await RaceOptions.LoadAsync(context, args, ct);
        if (args.Has("--store")) throw new UsageException("Give either '--input FILE' or '--store', not both.");
        return RaceLoader.FromFile(context, input, args.Get("--election") ?? ShippedElection(context, input));
    }

    /// <summary>The prior election of a results file, its election also guessed from the file name.</summary>
    public static PriorElection LoadPrior(CliContext context, string path)
    {
        var id = ShippedElection(context, path);
        var definition = id is null ? null : context.Turkey.Election(id);
        var results = context.WithProgress($"Reading {Path.GetFileName(path)}", p => ResultFiles.Read(path, definition, context.Turkey, p));
        var counts = BoxCounts.From(results.Geography.Boxes.Count, results.Race.Choices.Count, results.Tallies.Select(t => (t.BoxIndex, t.Tally)));
        return new PriorElection(results.Geography, results.Race, counts);
    }

    /// <summary>A shipped data file: <c>data/results/NAME</c>.</summary>
    public static string DataFile(CliContext context, string name) => Path.Combine(context.Turkey.DataDirectory, "results", name);

    // data/results/tr-2015-11-general.csv.gz belongs to the shipped election tr-2015-11-general.
    private static string? ShippedElection(CliContext context, string path)
    {
        var name = Path.GetFileName(path).Split('.')[0];
        return context.Turkey.ElectionIds().Contains(name) ? name : null;
    }
}
