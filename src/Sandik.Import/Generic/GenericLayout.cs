using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Import.Csv;

namespace Sandik.Import.Generic;

/// <summary>Where each column of a generic box file is, found by name in its header; -1 for an optional column that is absent.</summary>
internal sealed class GenericLayout
{
    public const string Box = "box", Registered = "registered", Voted = "voted", Valid = "valid", Invalid = "invalid", CodeSuffix = "_code";
    private static readonly string[] CountColumns = [Registered, Voted, Valid, Invalid];

    private GenericLayout(CsvHeader header, IReadOnlyList<GeographyLevel> levels, Race race)
    {
        Header = header;
        Levels = [.. levels.Skip(1)];
        LevelColumns = [.. Levels.Select(l => header.IndexOf(l.Id))];
        CodeColumns = [.. Levels.Select(l => header.IndexOf(l.Id + CodeSuffix))];
        BoxColumn = header.IndexOf(Box);
        RegisteredColumn = header.IndexOf(Registered);
        VotedColumn = header.IndexOf(Voted);
        ValidColumn = header.IndexOf(Valid);
        InvalidColumn = header.IndexOf(Invalid);
        ChoiceColumns = [.. race.Choices.Select(c => header.IndexOf(c.Id))];
    }

    public CsvHeader Header { get; }

    /// <summary>The levels below the root, in order.</summary>
    public GeographyLevel[] Levels { get; }
    public int[] LevelColumns { get; }
    public int[] CodeColumns { get; }
    public int BoxColumn { get; }
    public int RegisteredColumn { get; }
    public int VotedColumn { get; }
    public int ValidColumn { get; }
    public int InvalidColumn { get; }
    public int[] ChoiceColumns { get; }

    /// <summary>The layout of a header, or null after reporting every column that is missing, repeated or unknown.</summary>
    public static GenericLayout? Of(CsvHeader header, int line, GeographyDefinition geography, Race race, IssueList issues)
    {
        var before = issues.Count;
        var levels = geography.Levels.Skip(1).Select(l => l.Id).ToList();
        var reserved = CountColumns.Prepend(Box).ToHashSet(StringComparer.Ordinal);
        foreach (var id in levels.Where(reserved.Contains).Concat(race.Choices.Select(c => c.Id).Where(id => reserved.Contains(id) || levels.Contains(id))))
            issues.Add(0, null, $"'{id}' names both a level or choice and another column; rename it in the definitions.");
        foreach (var duplicate in header.Duplicates) issues.Add(line, duplicate, "the column appears more than once.");
        foreach (var required in levels.Append(Box).Append(Valid).Concat(race.Choices.Select(c => c.Id)))
        {
            if (header.IndexOf(required) < 0) issues.Add(line, required, "the column is missing.");
        }
        var known = reserved.Concat(levels).Concat(levels.Select(l => l + CodeSuffix)).Concat(race.Choices.Select(c => c.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in header.Names.Where(n => !known.Contains(n)).Distinct())
        {
            issues.Add(line, name, name.Length == 0
                ? "a column has no name."
                : $"unknown column: race '{race.Id}' has no choice '{name}', and it is no level, level code or count of geography '{geography.Id}'.");
        }
        return issues.Count > before ? null : new GenericLayout(header, geography.Levels, race);
    }
}
