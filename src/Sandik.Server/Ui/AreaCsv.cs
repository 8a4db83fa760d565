using Sandik.Import.Csv;
using System.Globalization;
using System.Text;
using Sandik.Domain.Tallies;

namespace Sandik.Server.Ui;

/// <summary>
/// A drill-down table as CSV: the area's summary line first, then its rows as the screen filtered and sorted them,
/// with every choice's votes. Machine-readable whatever the screen's language: comma-separated, invariant numbers,
/// choice ids as headings (the same conventions as <c>sandik results --format csv</c>).
/// </summary>
public static class AreaCsv
{
    public static string Write(LiveRace live, AreaRows table, IReadOnlyList<AreaRow> rows)
    {
        var text = new StringBuilder();
        var level = table.ChildLevel?.Id ?? "box";
        text.AppendJoin(',', new[] { "level", "code", "name", "boxes", "boxes_total", "registered", "voted", "valid", "invalid", "turnout",
            "confirmed", "conflicts", "status", "leader" }.Concat(live.Race.Choices.Select(c => c.Id))).Append('\n');
        Line(text, live, live.Geography.Levels[table.Area.Level].Id, table.Summary);
        foreach (var row in rows) Line(text, live, level, row);
        return text.ToString();
    }

    private static void Line(StringBuilder text, LiveRace live, string level, AreaRow row)
    {
        var leader = row.Leader;
        var cells = new List<string>
        {
            level, CsvField.Of(row.Code), CsvField.Of(row.Name), N(row.Boxes), N(row.BoxesTotal), N(row.Registered), N(row.Voted), N(row.Valid),
            N(row.Invalid), row.Turnout.ToString("0.######", CultureInfo.InvariantCulture), N(row.Confirmed), N(row.Conflicts),
            row.Status is { } status ? status.ToString() : "", leader < 0 ? "" : live.Race.Choices[leader].Id,
        };
        cells.AddRange(row.Votes.Select(N));
        text.AppendJoin(',', cells).Append('\n');
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

}
