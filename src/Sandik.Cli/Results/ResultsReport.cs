using Sandik.Domain.Geography;
using Sandik.Domain.Tallies;

namespace Sandik.Cli.Results;

/// <summary>The counted results of a race in one source view: the nation and the areas of one level.</summary>
public sealed record ResultsReport(LiveRace Live, SourceView View, AreaTotals National, GeographyLevel Level, IReadOnlyList<(Area Area, AreaTotals Totals)> Rows)
{
    public static ResultsReport Build(LiveRace live, SourceView view, string levelId)
    {
        var level = live.Geography.LevelOf(levelId);
        if (level <= 0)
            throw new CommandLine.UsageException($"'--level' must be one of {string.Join(", ", live.Geography.Levels.Skip(1).Select(l => l.Id))}; got '{levelId}'.");
        var rows = live.Geography.AreasAt(level).Select(a => (a, live.Totals(a.Index, view))).ToList();
        return new ResultsReport(live, view, live.Totals(0, view), live.Geography.Levels[level], rows);
    }

    public IReadOnlyList<string> ChoiceIds => [.. Live.Race.Choices.Select(c => c.Id)];
}
