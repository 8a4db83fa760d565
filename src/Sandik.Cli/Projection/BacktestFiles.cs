using Sandik.Cli.Loading;
using Sandik.Domain.Elections;
using Sandik.Domain.Projection;
using Sandik.Domain.Submissions;
using Sandik.Import;
using Sandik.Import.Turkey;

namespace Sandik.Cli.Projection;

/// <summary>Reads the per-box files a backtest replays: the election and its prior.</summary>
internal static class BacktestFiles
{
    /// <summary>
    /// Reads a results file with its election definition: the one named, else the shipped election whose id the file
    /// name starts with (e.g. <c>tr-2015-11-general.csv.gz</c>), else one derived from the file (without seat rules).
    /// </summary>
    public static BoxResults Read(CliContext context, string path, string? electionId)
    {
        var id = electionId ?? ShippedIdOf(context, path);
        var definition = id is null ? null : context.Turkey.Election(id);
        return context.WithProgress($"Reading {Path.GetFileName(path)}", progress =>
        {
            if (id == LocalElection2014File.ElectionId && !LooksLikeGeneral(path))
                return LocalElection2014File.Read(path, definition, context.Turkey, progress);
            return ResultFiles.Read(path, definition, context.Turkey, progress);
        });
    }

    public static Tally?[] Truth(BoxResults results)
    {
        var truth = new Tally?[results.Geography.Boxes.Count];
        foreach (var row in results.Tallies) truth[row.BoxIndex] = row.Tally;
        return truth;
    }

    public static PriorElection Prior(BoxResults results) =>
        PriorElection.From(results.Election.Id, results.Race, results.Geography, results.Tallies.Select(t => (t.BoxIndex, t.Tally)));

    private static string? ShippedIdOf(CliContext context, string path)
    {
        var name = Path.GetFileName(path);
        return context.Turkey.ElectionIds().Where(id => name.StartsWith(id, StringComparison.Ordinal)).MaxBy(id => id.Length);
    }

    private static bool LooksLikeGeneral(string path)
    {
        try
        {
            return ResultFiles.Detect(path) == ResultFileFormat.TurkishGeneral2015;
        }
        catch (ImportFailedException)
        {
            return false;
        }
    }
}
