using Sandik.Domain.Submissions;
using Sandik.Import;

namespace Sandik.Cli.Loading;

/// <summary>How the rows of a results file become log entries.</summary>
public static class ImportSources
{
    /// <summary>Official per-box files come from the election authority.</summary>
    public const string Default = "authority-feed";

    /// <summary>
    /// One accepted entry per box. The client submission id names the file and line, so importing the same file
    /// again adds nothing.
    /// </summary>
    public static IEnumerable<LoggedSubmission> Entries(BoxResults results, string sourceId, DateTimeOffset receivedAt)
    {
        foreach (var tally in results.Tallies)
        {
            var box = results.Geography.Boxes[tally.BoxIndex];
            yield return new LoggedSubmission(0, receivedAt, sourceId, null, results.Race.Id, box.Code,
                $"import:{results.Election.Id}:{box.Code}", null, tally.Tally, [], null);
        }
    }
}
