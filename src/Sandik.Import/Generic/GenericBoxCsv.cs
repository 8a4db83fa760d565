using System.Globalization;
using System.Text;
using Sandik.Domain.Elections;
using Sandik.Domain.Geography;
using Sandik.Domain.Submissions;
using Sandik.Import.Csv;

namespace Sandik.Import.Generic;

/// <summary>
/// Reads per-box results of any country in Sandik's generic layout (UTF-8, comma-separated; documented with an
/// example in <c>docs/formats.md</c>): one column per geography level below the root, optional <c>{level}_code</c>
/// columns, <c>box</c>, <c>registered</c>, <c>voted</c>, <c>valid</c>, <c>invalid</c>, then one column per choice of
/// the election's first race. Columns are found by name, in any order. The whole file is checked before anything is
/// returned: every bad value is reported with its line and column.
/// </summary>
public static class GenericBoxCsv
{
    /// <exception cref="ImportFailedException">The file is missing, its header does not fit the definitions, or a row is bad.</exception>
    public static BoxResults Read(string path, Election definition, GeographyDefinition geography, IProgress<ImportProgress>? progress = null)
    {
        var issues = new IssueList(path);
        if (definition.Geography != geography.Id)
            issues.Add(0, null, $"election '{definition.Id}' is defined for geography '{definition.Geography}', not '{geography.Id}'.");
        var race = definition.DefaultRace;
        var tallies = new List<BoxTally>();
        var builder = geography.NewBuilder();
        using (var text = InputFile.OpenText(path, Encoding.UTF8, progress, () => tallies.Count))
        {
            var csv = new CsvReader(text);
            var fields = new List<string>();
            if (!ReadRecord(csv, fields)) issues.Add(0, null, "the file is empty.");
            var layout = GenericLayout.Of(new CsvHeader(fields), csv.Line, geography, race, issues);
            issues.ThrowIfAny();
            var rows = new GenericRows(layout!, race, builder, issues);
            while (ReadRecord(csv, fields))
            {
                if (rows.Add(fields, csv.Line) is { } tally) tallies.Add(tally);
            }
        }
        issues.ThrowIfAny();
        return new BoxResults(definition, builder.Build(), tallies);
    }

    // Skips blank lines and comment lines (those that begin with '#').
    private static bool ReadRecord(CsvReader csv, List<string> fields)
    {
        while (csv.Read(fields))
        {
            if (fields.Count == 1 && fields[0].Trim().Length == 0) continue;
            if (fields[0].StartsWith('#')) continue;
            return true;
        }
        return false;
    }

    /// <summary>Checks rows and adds their boxes, remembering where each area and box was first seen. Not thread-safe.</summary>
    private sealed class GenericRows(GenericLayout layout, Race race, GeographyBuilder builder, IssueList issues)
    {
        private readonly Dictionary<string, (string Parent, string Name, int Line)> _areas = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _boxes = new(StringComparer.Ordinal);

        public BoxTally? Add(List<string> f, int line)
        {
            if (f.Count != layout.Header.Count)
            {
                issues.Add(line, null, $"expected {layout.Header.Count} columns, found {f.Count}.");
                return null;
            }
            var before = issues.Count;
            var path = Areas(f, line);
            var box = Cell(f, layout.BoxColumn);
            if (box.Length == 0) issues.Add(line, GenericLayout.Box, "the box is empty.");
            var registered = Count(f, layout.RegisteredColumn, line, required: false);
            var voted = Count(f, layout.VotedColumn, line, required: false);
            var valid = Count(f, layout.ValidColumn, line, required: true);
            var invalid = Count(f, layout.InvalidColumn, line, required: false);
            var votes = new int[race.Choices.Count];
            long sum = 0;
            for (var i = 0; i < votes.Length; i++)
            {
                votes[i] = Count(f, layout.ChoiceColumns[i], line, required: true) ?? 0;
                sum += votes[i];
            }
            if (issues.Count > before) return null;
            if (sum != valid)
                issues.Add(line, GenericLayout.Valid, $"the choices add up to {sum}, not to the {valid} valid votes.");
            if (voted is { } v && invalid is { } inv && valid + inv != v)
                issues.Add(line, GenericLayout.Voted, $"{v} voters is not {valid} valid + {inv} invalid votes.");
            if (issues.Count > before || path is null) return null;
            var code = $"{path[^1].Code}/{box}";
            if (_boxes.TryGetValue(code, out var first))
            {
                issues.Add(line, GenericLayout.Box, $"box '{box}' of '{path[^1].Name}' appears a second time (first on line {first}).");
                return null;
            }
            _boxes[code] = line;
            if (builder.TryAddBox(path, code, box, registered ?? 0) != BoxAddResult.Added)
            {
                issues.Add(line, null, $"the areas of box '{code}' contradict earlier rows.");
                return null;
            }
            return new BoxTally(builder.BoxCount - 1, new Tally(registered, voted, valid!.Value, invalid, votes), line);
        }

        // The box's areas, coded by their code column or else by their parent's code and their name; null on a problem.
        private AreaKey[]? Areas(List<string> f, int line)
        {
            var path = new AreaKey[layout.Levels.Length];
            var ok = true;
            for (var i = 0; i < path.Length; i++)
            {
                if (Cell(f, layout.LevelColumns[i]).Length > 0) continue;
                issues.Add(line, layout.Levels[i].Id, "the name is empty.");
                ok = false;
            }
            if (!ok) return null;
            var parent = "";
            for (var i = 0; i < path.Length; i++)
            {
                var level = layout.Levels[i].Id;
                var name = Cell(f, layout.LevelColumns[i]);
                var given = layout.CodeColumns[i] < 0 ? "" : Cell(f, layout.CodeColumns[i]);
                var code = given.Length > 0 ? given : parent.Length == 0 ? name : $"{parent}/{name}";
                var column = given.Length > 0 ? level + GenericLayout.CodeSuffix : level;
                if (!_areas.TryGetValue(code, out var seen)) _areas[code] = (parent, name, line);
                else if (seen.Parent != parent)
                    issues.Add(line, column, $"{level} '{code}' lies in '{seen.Parent}' on line {seen.Line}, here in '{parent}'.");
                else if (seen.Name != name)
                    issues.Add(line, level, $"{level} '{code}' is named '{seen.Name}' on line {seen.Line}, here '{name}'.");
                path[i] = new AreaKey(code, name);
                parent = code;
            }
            return path;
        }

        private int? Count(List<string> f, int column, int line, bool required)
        {
            if (column < 0) return null;
            var text = Cell(f, column);
            if (text.Length == 0)
            {
                if (required) issues.Add(line, layout.Header[column], "the count is empty; write 0 for none.");
                return null;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
            issues.Add(line, layout.Header[column], $"'{text}' is not a whole number of zero or more.");
            return null;
        }

        private static string Cell(List<string> f, int column) => f[column].Trim();
    }
}
